/**
 * Status updates on the delivery ledger. A change is recorded by the import that made it (recordChanges,
 * in the import's transaction); a delivery pass turns each waiting change into jobs once, under a row lock
 * (SKIP LOCKED), in one transaction with marking it enqueued: an update edit on each recent post (the
 * deliveries table's update_* columns) and, for a release, one announcement per channel (a unique key per
 * channel, profile and release date). Jobs are claimed as posts and retractions are, with a lease.
 * Retraction wins: a post owed a retraction is never queued nor claimed for an update, and a retraction
 * waits while an update edit is in flight (retractions.ts), so an edit can never undo a withdrawal.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { MessageRef } from "../../src/core/platform.ts";
import type { StatusChange, StatusUpdateLedger } from "../../src/core/status-update.ts";
import type { Db } from "../client.ts";
import { deliveries, statusAnnouncements, statusChanges, subscriptions } from "../schema/index.ts";

type ChangeRow = typeof statusChanges.$inferSelect;

const postKey = (channel: string, profileId: string) => `${channel}\u0000${profileId}`;

/**
 * Each announcement's channel's latest sent, not retracted post of its person that the platform named
 * (MessageRef): the post an announcement follows up, in its thread where the platform has threads.
 */
async function latestPostRefs(
  db: Db,
  rows: ReadonlyArray<{ channelRef: ChannelRef; profileId: string }>,
): Promise<Map<string, MessageRef>> {
  const out = new Map<string, MessageRef>();
  if (rows.length === 0) return out;
  const d = deliveries;
  const found = await db
    .select({
      channel: d.channelRef,
      profileId: d.profileId,
      refChannelId: d.refChannelId,
      refMessageId: d.refMessageId,
    })
    .from(d)
    .where(
      and(
        inArray(d.channelRef, [...new Set(rows.map((r) => r.channelRef))]),
        inArray(d.profileId, [...new Set(rows.map((r) => r.profileId))]),
        eq(d.state, "sent"),
        isNull(d.retractState),
        isNotNull(d.refChannelId),
        isNotNull(d.refMessageId),
      ),
    )
    .orderBy(desc(d.sentAt), desc(d.id));
  for (const f of found) {
    const key = postKey(f.channel, f.profileId ?? "");
    if (!out.has(key) && f.refChannelId && f.refMessageId)
      out.set(key, { channelId: f.refChannelId, messageId: f.refMessageId });
  }
  return out;
}

/** Written in the import's transaction: a change exists exactly when the status it reports was stored. */
export async function recordChanges(tx: Db, changes: StatusChange[], actor: string): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(statusChanges).values(
    changes.map((c) => ({
      profileId: c.profileId,
      kind: c.kind,
      eventDate: c.date,
      asOf: c.asOf,
      sentence: c.sentence ?? null,
      sourceId: c.sourceId,
      actor,
    })),
  );
}

function toChange(row: ChangeRow): StatusChange {
  return {
    kind: row.kind,
    profileId: row.profileId,
    date: row.eventDate,
    asOf: row.asOf,
    sourceId: row.sourceId,
    ...(row.sentence ? { sentence: row.sentence } : {}),
  };
}

export function createStatusUpdateLedger(db: Db): StatusUpdateLedger {
  return {
    enqueue({ now, editSince, announceSince }) {
      return db.transaction(async (tx) => {
        const waiting = await tx
          .select()
          .from(statusChanges)
          .where(isNull(statusChanges.enqueuedAt))
          .orderBy(asc(statusChanges.id))
          .limit(100)
          .for("update", { skipLocked: true });
        let edits = 0;
        let announcements = 0;
        for (const change of waiting) {
          const queued = await tx
            .update(deliveries)
            .set({
              updateChangeId: change.id,
              updateState: "pending",
              updateAttempts: 0,
              updateNextAt: now,
              updateLeaseUntil: null,
              updateClaimedBy: null,
              updateDetail: null,
              updateSettledAt: null,
            })
            .where(
              and(
                eq(deliveries.profileId, change.profileId),
                eq(deliveries.state, "sent"),
                isNotNull(deliveries.refMessageId),
                gte(deliveries.sentAt, editSince),
                isNull(deliveries.retractState),
              ),
            )
            .returning({ id: deliveries.id });
          edits += queued.length;
          if (change.kind === "released")
            announcements += await queueAnnouncements(tx, change, now, announceSince);
          await tx.update(statusChanges).set({ enqueuedAt: now }).where(eq(statusChanges.id, change.id));
        }
        return { edits, announcements };
      });
    },

    async claimEdits({ platform, now, limit, leaseMs, owner }) {
      const due = and(
        isNull(deliveries.retractState),
        or(
          and(eq(deliveries.updateState, "pending"), lte(deliveries.updateNextAt, now)),
          and(eq(deliveries.updateState, "claimed"), lt(deliveries.updateLeaseUntil, now)),
        ),
      );
      const claimable = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.platform, platform), due))
        .orderBy(asc(deliveries.updateNextAt), asc(deliveries.id))
        .limit(limit)
        .for("update", { skipLocked: true });
      const rows = await db
        .update(deliveries)
        .set({
          updateState: "claimed",
          updateClaimedBy: owner,
          updateLeaseUntil: new Date(now.getTime() + leaseMs),
          updateAttempts: sql`${deliveries.updateAttempts} + 1`,
        })
        .where(and(sql`${deliveries.id} = any(array(${claimable}))`, due))
        .returning();
      const changes = await changesById(
        db,
        rows.map((r) => r.updateChangeId),
      );
      return rows.flatMap((row) => {
        const change = row.updateChangeId === null ? undefined : changes.get(row.updateChangeId);
        if (!change || !row.refChannelId || !row.refMessageId) return [];
        return [
          {
            deliveryId: row.id,
            channel: row.channelRef,
            localDate: row.localDate,
            platform: row.platform,
            campaignId: row.campaignId,
            spotlight: row.spotlightId !== null,
            ref: { channelId: row.refChannelId, messageId: row.refMessageId },
            change,
            attempts: row.updateAttempts,
          },
        ];
      });
    },

    async finishEdit(deliveryId, owner, outcome, now) {
      const rows = await db
        .update(deliveries)
        .set({
          updateState: outcome.state,
          updateDetail: outcome.detail,
          updateClaimedBy: null,
          updateLeaseUntil: null,
          ...(outcome.state === "pending"
            ? { updateNextAt: outcome.nextAttemptAt }
            : { updateSettledAt: now }),
        })
        .where(
          and(
            eq(deliveries.id, deliveryId),
            eq(deliveries.updateClaimedBy, owner),
            eq(deliveries.updateState, "claimed"),
          ),
        )
        .returning({ id: deliveries.id });
      return rows.length === 1;
    },

    async claimAnnouncements({ platform, now, limit, leaseMs, owner }) {
      const a = statusAnnouncements;
      const due = or(
        and(eq(a.state, "pending"), lte(a.nextAttemptAt, now)),
        and(eq(a.state, "claimed"), lt(a.leaseUntil, now)),
      );
      const claimable = db
        .select({ id: a.id })
        .from(a)
        .where(and(eq(a.platform, platform), due))
        .orderBy(asc(a.nextAttemptAt), asc(a.id))
        .limit(limit)
        .for("update", { skipLocked: true });
      const rows = await db
        .update(a)
        .set({
          state: "claimed",
          claimedBy: owner,
          leaseUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${a.attempts} + 1`,
        })
        .where(and(sql`${a.id} = any(array(${claimable}))`, due))
        .returning();
      const changes = await changesById(
        db,
        rows.map((r) => r.changeId),
      );
      const refs = await latestPostRefs(db, rows);
      return rows.flatMap((row) => {
        const change = changes.get(row.changeId);
        if (!change) return [];
        const replyTo = refs.get(postKey(row.channelRef, row.profileId));
        return [
          {
            id: row.id,
            channel: row.channelRef,
            platform: row.platform,
            change,
            attempts: row.attempts,
            ...(replyTo ? { replyTo } : {}),
          },
        ];
      });
    },

    async finishAnnouncement(id, owner, outcome, now) {
      const a = statusAnnouncements;
      const rows = await db
        .update(a)
        .set({
          state: outcome.state,
          detail: outcome.detail,
          claimedBy: null,
          leaseUntil: null,
          ...(outcome.state === "pending" ? { nextAttemptAt: outcome.nextAttemptAt } : { settledAt: now }),
          ...(outcome.state === "announced" ? { messageId: outcome.messageId } : {}),
        })
        .where(and(eq(a.id, id), eq(a.claimedBy, owner), eq(a.state, "claimed")))
        .returning({ id: a.id });
      return rows.length === 1;
    },

    async announcementsFor(profileId) {
      const rows = await db
        .select({ row: statusAnnouncements, kind: statusChanges.kind })
        .from(statusAnnouncements)
        .innerJoin(statusChanges, eq(statusChanges.id, statusAnnouncements.changeId))
        .where(eq(statusAnnouncements.profileId, profileId))
        .orderBy(desc(statusAnnouncements.createdAt), asc(statusAnnouncements.id));
      return rows.map(({ row, kind }) => ({
        kind,
        channel: row.channelRef,
        date: row.eventDate,
        state: row.state,
        attempts: row.attempts,
        ...(row.detail ? { detail: row.detail } : {}),
        ...(row.settledAt ? { settledAt: row.settledAt } : {}),
      }));
    },
  };
}

/**
 * One announcement per channel whose active subscription has updates on and that was sent a post of the
 * profile since `since`; a channel that already has this release's announcement keeps the one it has.
 */
async function queueAnnouncements(tx: Db, change: ChangeRow, now: Date, since: Date): Promise<number> {
  const featured = await tx
    .selectDistinct({ channel: deliveries.channelRef, platform: deliveries.platform })
    .from(deliveries)
    .innerJoin(subscriptions, eq(subscriptions.channelRef, deliveries.channelRef))
    .where(
      and(
        eq(deliveries.profileId, change.profileId),
        eq(deliveries.state, "sent"),
        gte(deliveries.sentAt, since),
        eq(subscriptions.state, "active"),
        eq(subscriptions.updates, true),
      ),
    );
  if (featured.length === 0) return 0;
  const added = await tx
    .insert(statusAnnouncements)
    .values(
      featured.map((f) => ({
        changeId: change.id,
        profileId: change.profileId,
        eventDate: change.eventDate,
        channelRef: f.channel,
        platform: f.platform,
        state: "pending" as const,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: statusAnnouncements.id });
  return added.length;
}

async function changesById(db: Db, ids: (number | null)[]): Promise<Map<number, StatusChange>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(statusChanges).where(inArray(statusChanges.id, wanted));
  return new Map(rows.map((row) => [row.id, toChange(row)]));
}
