/**
 * The delivery ledger: one row per (channel, local date), the channel's daily family or its spotlight.
 * The unique key is what makes "exactly one post per channel per local day" a fact of the table: however
 * many processes plan the same day at once, one row exists, and a row is only ever claimed by one of them
 * (row locks with SKIP LOCKED), for a lease after which a dead claimer's row is taken over.
 */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { ChannelRef } from "../../src/core/channel.ts";
import { DELIVERY_STATES, type DeliveryState } from "../../src/core/delivery.ts";
import { oneOf } from "./checks.ts";
import { spotlights } from "./spotlights.ts";
import { subscriptions } from "./subscriptions.ts";

export const deliveries = pgTable(
  "deliveries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    channelRef: text("channel_ref").notNull().$type<ChannelRef>(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    platform: text("platform").notNull(),
    subscriptionId: integer("subscription_id").references(() => subscriptions.id),
    spotlightId: integer("spotlight_id").references(() => spotlights.id),
    campaignId: text("campaign_id").notNull(),
    /** The zone the local date is in: retries stop when that day ends there. */
    timezone: text("timezone").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    state: text("state").notNull().$type<DeliveryState>(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    profileId: text("profile_id"),
    messageId: text("message_id"),
    detail: text("detail"),
    /** When the latest attempt to send began (the app's clock): an interrupted send began then. */
    sendingSince: timestamp("sending_since", { withTimezone: true }),
    /** When the earliest attempt that may have reached the platform began: dedupe windows count from it. */
    uncertainSince: timestamp("uncertain_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("deliveries_channel_day").on(t.channelRef, t.localDate),
    // The claim query's path: what is waiting or held, per platform, soonest first.
    index("deliveries_open_idx")
      .on(t.platform, t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'claimed', 'sending')`),
    index("deliveries_subscription_idx").on(t.subscriptionId, t.localDate),
    check("deliveries_state_known", oneOf(t.state, DELIVERY_STATES)),
    check("deliveries_attempts_not_negative", sql`${t.attempts} >= 0`),
  ],
);
