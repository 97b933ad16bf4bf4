/**
 * The delivery ledger: one row per (channel, local date), the channel's daily family or its spotlight.
 * The unique key is what makes "exactly one post per channel per local day" a fact of the table: however
 * many processes plan the same day at once, one row exists, and a row is only ever claimed by one of them
 * (row locks with SKIP LOCKED), for a lease after which a dead claimer's row is taken over.
 */
import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import type { ChannelRef } from "../../src/core/channel.ts";
import { DELIVERY_STATES, type DeliveryState } from "../../src/core/delivery.ts";
import { RETRACTION_STATES, type RetractionState } from "../../src/core/retraction.ts";
import { UPDATE_STATES, type UpdateState } from "../../src/core/status-update.ts";
import { oneOf } from "./checks.ts";
import { spotlights } from "./spotlights.ts";
import { statusChanges } from "./status-updates.ts";
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
    /** The platform's ids of the message a sent post made (MessageRef), and when it was sent. */
    refChannelId: text("ref_channel_id"),
    refMessageId: text("ref_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /**
     * The post's retraction job (src/core/retraction.ts), null while none is owed: claimed like the post
     * itself (SKIP LOCKED and a lease), every attempt counted, the last answer in `retract_detail`.
     */
    retractState: text("retract_state").$type<RetractionState>(),
    retractRequestedAt: timestamp("retract_requested_at", { withTimezone: true }),
    retractAttempts: integer("retract_attempts").notNull().default(0),
    retractNextAt: timestamp("retract_next_at", { withTimezone: true }),
    retractLeaseUntil: timestamp("retract_lease_until", { withTimezone: true }),
    retractClaimedBy: text("retract_claimed_by"),
    retractDetail: text("retract_detail"),
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    /**
     * The post's update edit after a status change (src/core/status-update.ts), null while none is owed:
     * claimed like a retraction, never while one is owed (retraction wins). A newer change re-queues it.
     */
    updateChangeId: integer("update_change_id").references(() => statusChanges.id),
    updateState: text("update_state").$type<UpdateState>(),
    updateAttempts: integer("update_attempts").notNull().default(0),
    updateNextAt: timestamp("update_next_at", { withTimezone: true }),
    updateLeaseUntil: timestamp("update_lease_until", { withTimezone: true }),
    updateClaimedBy: text("update_claimed_by"),
    updateDetail: text("update_detail"),
    updateSettledAt: timestamp("update_settled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * How late a sent post went out, in seconds (null until sent), kept by the database: the panel's
     * lateness chart reads it from an index instead of working it out for every row of the period.
     */
    latenessSeconds: doublePrecision("lateness_seconds").generatedAlwaysAs(
      sql`extract(epoch from (sent_at - due_at))`,
    ),
  },
  (t) => [
    unique("deliveries_channel_day").on(t.channelRef, t.localDate),
    // The claim query's path: what is waiting or held, per platform, soonest first.
    index("deliveries_open_idx")
      .on(t.platform, t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'claimed', 'sending')`),
    // The retraction claim's path, and a takedown's lookup of a profile's posts.
    index("deliveries_retract_open_idx")
      .on(t.platform, t.retractNextAt)
      .where(sql`${t.retractState} in ('pending', 'claimed')`),
    index("deliveries_profile_sent_idx").on(t.profileId, t.sentAt),
    check("deliveries_retract_state_known", oneOf(t.retractState, RETRACTION_STATES)),
    // The update claim's path.
    index("deliveries_update_open_idx")
      .on(t.platform, t.updateNextAt)
      .where(sql`${t.updateState} in ('pending', 'claimed')`),
    check("deliveries_update_state_known", oneOf(t.updateState, UPDATE_STATES)),
    index("deliveries_subscription_idx").on(t.subscriptionId, t.localDate),
    // The staff panel's Deliveries page, newest first, 50 at a time: read from the index's end, not sorted.
    index("deliveries_newest_idx").on(t.localDate, t.id),
    // The Deliveries charts' daily figures, read from the indexes alone: posts by platform and outcome,
    // and the lateness of sent posts.
    index("deliveries_daily_idx").on(t.localDate, t.platform, t.state),
    index("deliveries_lateness_idx")
      .on(t.localDate, t.latenessSeconds)
      .where(sql`${t.state} = 'sent' and ${t.sentAt} is not null`),
    check("deliveries_state_known", oneOf(t.state, DELIVERY_STATES)),
    check("deliveries_attempts_not_negative", sql`${t.attempts} >= 0`),
  ],
);
