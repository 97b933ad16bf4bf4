/**
 * Retraction jobs on the delivery ledger: a sent post's row carries its job (retract_* columns). Claiming
 * is the posts' own pattern, `UPDATE … WHERE id = any(array(SELECT … FOR UPDATE SKIP LOCKED))` with a
 * lease, so each job goes to one process at a time and a dead process's job is taken over when its lease
 * runs out. A repeated delete or edit is harmless (a deleted message answers "gone"), so a job taken over
 * mid-call cannot post anything twice. A post whose update edit is in flight (status-updates.ts) is claimed
 * once that edit is done, so the retraction is always the last word.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { RetractionJob, RetractionLedger } from "../../src/core/retraction.ts";
import type { Db } from "../client.ts";
import { deliveries } from "../schema/index.ts";

type LedgerRow = typeof deliveries.$inferSelect;

export function createRetractionLedger(db: Db): RetractionLedger {
  return {
    async requestFor(profileId, { since, now }) {
      const rows = await db
        .update(deliveries)
        .set({ retractState: "pending", retractRequestedAt: now, retractNextAt: now, updatedAt: now })
        .where(
          and(
            eq(deliveries.profileId, profileId),
            eq(deliveries.state, "sent"),
            isNotNull(deliveries.refMessageId),
            gte(deliveries.sentAt, since),
            isNull(deliveries.retractState),
          ),
        )
        .returning({ id: deliveries.id });
      return rows.length;
    },

    async claim({ platform, now, limit, leaseMs, owner }) {
      const due = and(
        or(
          and(eq(deliveries.retractState, "pending"), lte(deliveries.retractNextAt, now)),
          and(eq(deliveries.retractState, "claimed"), lt(deliveries.retractLeaseUntil, now)),
        ),
        // An update edit in flight finishes first (status-updates.ts): it read the profile before the
        // takedown, so a retraction made before its edit lands would be undone by it.
        or(
          isNull(deliveries.updateState),
          ne(deliveries.updateState, "claimed"),
          isNull(deliveries.updateLeaseUntil),
          lt(deliveries.updateLeaseUntil, now),
        ),
      );
      const claimable = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.platform, platform), due))
        .orderBy(asc(deliveries.retractNextAt), asc(deliveries.id))
        .limit(limit)
        .for("update", { skipLocked: true });
      const rows = await db
        .update(deliveries)
        .set({
          retractState: "claimed",
          retractClaimedBy: owner,
          retractLeaseUntil: new Date(now.getTime() + leaseMs),
          retractAttempts: sql`${deliveries.retractAttempts} + 1`,
        })
        // `= any(array(…))` for the reason given in deliveries.ts's claim; `due` again under the row lock.
        .where(and(sql`${deliveries.id} = any(array(${claimable}))`, due))
        .returning();
      return rows.map(toJob).filter((job): job is RetractionJob => job !== undefined);
    },

    async finish(deliveryId, owner, outcome, now) {
      const settled = outcome.state !== "pending";
      const rows = await db
        .update(deliveries)
        .set({
          retractState: outcome.state,
          retractDetail: outcome.detail,
          retractClaimedBy: null,
          retractLeaseUntil: null,
          ...(outcome.state === "pending" ? { retractNextAt: outcome.nextAttemptAt } : {}),
          ...(settled ? { retractedAt: now } : {}),
        })
        .where(
          and(
            eq(deliveries.id, deliveryId),
            eq(deliveries.retractClaimedBy, owner),
            eq(deliveries.retractState, "claimed"),
          ),
        )
        .returning({ id: deliveries.id });
      return rows.length === 1;
    },

    async forProfile(profileId) {
      const rows = await db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.profileId, profileId), inArray(deliveries.state, ["sent"])))
        .orderBy(desc(deliveries.localDate), asc(deliveries.id));
      return rows.map((row) => ({
        deliveryId: row.id,
        channel: row.channelRef,
        localDate: row.localDate,
        ...(row.sentAt ? { sentAt: row.sentAt } : {}),
        ...(row.refChannelId && row.refMessageId
          ? { ref: { channelId: row.refChannelId, messageId: row.refMessageId } }
          : {}),
        ...(row.retractState
          ? {
              retraction: {
                state: row.retractState,
                attempts: row.retractAttempts,
                ...(row.retractRequestedAt ? { requestedAt: row.retractRequestedAt } : {}),
                ...(row.retractDetail ? { detail: row.retractDetail } : {}),
                ...(row.retractedAt ? { settledAt: row.retractedAt } : {}),
              },
            }
          : {}),
        ...(row.updateState
          ? {
              update: {
                state: row.updateState,
                attempts: row.updateAttempts,
                ...(row.updateDetail ? { detail: row.updateDetail } : {}),
                ...(row.updateSettledAt ? { settledAt: row.updateSettledAt } : {}),
              },
            }
          : {}),
      }));
    },
  };
}

function toJob(row: LedgerRow): RetractionJob | undefined {
  if (!row.refChannelId || !row.refMessageId || !row.sentAt) return undefined;
  return {
    deliveryId: row.id,
    channel: row.channelRef,
    localDate: row.localDate,
    platform: row.platform,
    ref: { channelId: row.refChannelId, messageId: row.refMessageId },
    sentAt: row.sentAt,
    attempts: row.retractAttempts,
  };
}
