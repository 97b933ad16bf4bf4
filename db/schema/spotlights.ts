/** Spotlights: a moderator's pick of a profile for a channel or a whole community on one local date. */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import type { SpotlightScope, SpotlightState } from "../../src/core/ports/spotlights.ts";
import { campaigns } from "./campaigns.ts";
import { isTimeOfDay, oneOf } from "./checks.ts";
import { profiles } from "./profiles.ts";

export const SPOTLIGHT_SCOPES = ["channel", "community"] as const satisfies SpotlightScope[];
export const SPOTLIGHT_STATES = ["scheduled", "cancelled", "posted"] as const satisfies SpotlightState[];

export const spotlights = pgTable(
  "spotlights",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    scope: text("scope").notNull().$type<SpotlightScope>(),
    channelRef: text("channel_ref").notNull().$type<ChannelRef>(),
    communityRef: text("community_ref").notNull().$type<CommunityRef>(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    profileId: text("profile_id")
      .notNull()
      .references(() => profiles.id),
    localDate: date("local_date", { mode: "string" }).notNull(),
    localTime: text("local_time"),
    timezone: text("timezone").notNull(),
    state: text("state").notNull().$type<SpotlightState>(),
    createdBy: text("created_by").notNull(),
    cancelReason: text("cancel_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("spotlights_scheduled_by_date_idx").on(t.localDate).where(sql`${t.state} = 'scheduled'`),
    index("spotlights_profile_idx").on(t.profileId),
    // One scheduled spotlight per channel and date, and one community-wide per community and date, however
    // many moderators schedule at once: a second waits for /schedule … --replace, never stands unposted.
    uniqueIndex("spotlights_one_per_channel_day")
      .on(t.channelRef, t.localDate)
      .where(sql`${t.state} = 'scheduled' and ${t.scope} = 'channel'`),
    uniqueIndex("spotlights_one_per_community_day")
      .on(t.communityRef, t.localDate)
      .where(sql`${t.state} = 'scheduled' and ${t.scope} = 'community'`),
    check("spotlights_scope_known", oneOf(t.scope, SPOTLIGHT_SCOPES)),
    check("spotlights_state_known", oneOf(t.state, SPOTLIGHT_STATES)),
    check("spotlights_local_time_hh_mm", sql`${t.localTime} is null or ${isTimeOfDay(t.localTime)}`),
  ],
);
