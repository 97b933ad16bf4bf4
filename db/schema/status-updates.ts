/**
 * Status updates (src/core/status-update.ts): the changes an import made to profiles' current status, and
 * the release announcements they owe. A change is written in the import's own transaction, so it exists
 * exactly when the new status does; the delivery pass turns it into jobs once (`enqueued_at`). Each
 * announcement is one row per channel, profile and release date: however many processes enqueue or claim,
 * a release is announced at most once in a channel.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { ChannelRef } from "../../src/core/channel.ts";
import {
  ANNOUNCEMENT_STATES,
  type AnnouncementState,
  STATUS_CHANGE_KINDS,
  type StatusChangeKind,
} from "../../src/core/status-update.ts";
import { isPartialDate, oneOf } from "./checks.ts";

export const statusChanges = pgTable(
  "status_changes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    profileId: text("profile_id").notNull(),
    kind: text("kind").notNull().$type<StatusChangeKind>(),
    /** When it happened (a partial date): the release, the death, the new sentence. */
    eventDate: text("event_date").notNull(),
    asOf: text("as_of").notNull(),
    sentence: text("sentence"),
    sourceId: text("source_id").notNull(),
    actor: text("actor").notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
    /** When a delivery pass turned it into jobs; null until then. */
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }),
  },
  (t) => [
    index("status_changes_waiting_idx").on(t.id).where(sql`${t.enqueuedAt} is null`),
    check("status_changes_kind_known", oneOf(t.kind, STATUS_CHANGE_KINDS)),
    check("status_changes_event_date_partial", isPartialDate(t.eventDate)),
  ],
);

export const statusAnnouncements = pgTable(
  "status_announcements",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    changeId: integer("change_id")
      .notNull()
      .references(() => statusChanges.id),
    profileId: text("profile_id").notNull(),
    /** The release's date: with the channel and profile, what makes it one announcement. */
    eventDate: text("event_date").notNull(),
    channelRef: text("channel_ref").notNull().$type<ChannelRef>(),
    platform: text("platform").notNull(),
    state: text("state").notNull().$type<AnnouncementState>(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    detail: text("detail"),
    messageId: text("message_id"),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("status_announcements_once").on(t.channelRef, t.profileId, t.eventDate),
    index("status_announcements_open_idx")
      .on(t.platform, t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'claimed')`),
    index("status_announcements_profile_idx").on(t.profileId),
    check("status_announcements_state_known", oneOf(t.state, ANNOUNCEMENT_STATES)),
  ],
);
