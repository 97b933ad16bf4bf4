/** Subscriptions: a channel's request for a campaign's daily family at a local time. One per channel. */
import { boolean, check, date, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import type { SubscriptionState } from "../../src/core/ports/subscriptions.ts";
import { campaigns } from "./campaigns.ts";
import { isTimeOfDay, oneOf } from "./checks.ts";

export const SUBSCRIPTION_STATES = ["active", "paused", "stopped"] as const satisfies SubscriptionState[];

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    channelRef: text("channel_ref").notNull().unique().$type<ChannelRef>(),
    communityRef: text("community_ref").notNull().$type<CommunityRef>(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    postTime: text("post_time").notNull(),
    timezone: text("timezone").notNull(),
    state: text("state").notNull().$type<SubscriptionState>(),
    /** Whether an anniversary may put its family first here on its date (`/subscribe anniversaries on|off`). */
    anniversaries: boolean("anniversaries").notNull().default(true),
    pausedReason: text("paused_reason"),
    /**
     * The last local date the delivery planner has written a ledger row for (or decided there is none):
     * planning resumes the day after, so a pass never rescans history. Null until the first planned day.
     */
    plannedThrough: date("planned_through", { mode: "string" }),
    /** When the settings or state last changed: days due before it are not owed (no catch-up for them). */
    /** Release announcements in this channel (`/subscribe … updates off` turns them off); edits are always made. */
    updates: boolean("updates").notNull().default(true),
    /** How posts go out (src/core/post-options.ts): the role mentioned (a platform id), or none. */
    mentionRole: text("mention_role"),
    silent: boolean("silent").notNull().default(false),
    crosspost: boolean("crosspost").notNull().default(false),
    linkPreviews: boolean("link_previews").notNull().default(false),
    /** The thread or topic `/subscribe` was typed in (a Telegram forum topic): posts go there. */
    threadId: text("thread_id"),
    activeSince: timestamp("active_since", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("subscriptions_state_known", oneOf(t.state, SUBSCRIPTION_STATES)),
    check("subscriptions_post_time_hh_mm", isTimeOfDay(t.postTime)),
  ],
);
