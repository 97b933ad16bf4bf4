/**
 * The delivery log for staff (src/core/ports/delivery-log.ts): filters and paging in SQL over the ledger,
 * and per-day figures grouped in the database, so a long history is never loaded to be counted.
 */
import { and, count, desc, eq, gte, isNotNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { DeliveryState } from "../../src/core/delivery.ts";
import type {
  DailyDeliveries,
  DailyLateness,
  DeliveryLog,
  DeliveryLogFilter,
  DeliveryLogRow,
} from "../../src/core/ports/delivery-log.ts";
import type { Db } from "../client.ts";
import { deliveries } from "../schema/index.ts";

type LedgerRow = typeof deliveries.$inferSelect;

function where(filter: DeliveryLogFilter): SQL | undefined {
  return and(
    filter.platform ? eq(deliveries.platform, filter.platform) : undefined,
    filter.profileId ? eq(deliveries.profileId, filter.profileId) : undefined,
    filter.state ? eq(deliveries.state, filter.state) : undefined,
    filter.from ? gte(deliveries.localDate, filter.from) : undefined,
    filter.to ? lte(deliveries.localDate, filter.to) : undefined,
  );
}

function toLogRow(row: LedgerRow): DeliveryLogRow {
  return {
    id: row.id,
    localDate: row.localDate,
    dueAt: row.dueAt,
    ...(row.sentAt ? { sentAt: row.sentAt } : {}),
    channel: row.channelRef,
    platform: row.platform,
    campaignId: row.campaignId,
    spotlight: row.spotlightId !== null,
    ...(row.profileId ? { profileId: row.profileId } : {}),
    state: row.state,
    ...(row.detail ? { detail: row.detail } : {}),
    attempts: row.attempts,
    ...(row.refChannelId && row.refMessageId
      ? { messageRef: { channelId: row.refChannelId, messageId: row.refMessageId } }
      : {}),
    ...(row.retractState
      ? {
          retraction: {
            state: row.retractState,
            ...(row.retractDetail ? { detail: row.retractDetail } : {}),
            ...(row.retractedAt ? { at: row.retractedAt } : {}),
          },
        }
      : {}),
    ...(row.updateState
      ? { update: { state: row.updateState, ...(row.updateDetail ? { detail: row.updateDetail } : {}) } }
      : {}),
  };
}

const NEWEST_FIRST = [desc(deliveries.localDate), desc(deliveries.id)] as const;

export function createDeliveryLog(db: Db): DeliveryLog {
  return {
    async page(filter, offset, limit) {
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(deliveries)
          .where(where(filter))
          .orderBy(...NEWEST_FIRST)
          .offset(offset)
          .limit(limit),
        db.select({ n: count() }).from(deliveries).where(where(filter)),
      ]);
      return { rows: rows.map(toLogRow), total: Number(total?.n ?? 0) };
    },

    async *each(filter, batch = 1000) {
      // Keyset paging on (local date, id), so rows written meanwhile neither repeat nor shift a page.
      let after: { localDate: string; id: number } | undefined;
      for (;;) {
        const rows = await db
          .select()
          .from(deliveries)
          .where(
            and(
              where(filter),
              after
                ? or(
                    lt(deliveries.localDate, after.localDate),
                    and(eq(deliveries.localDate, after.localDate), lt(deliveries.id, after.id)),
                  )
                : undefined,
            ),
          )
          .orderBy(...NEWEST_FIRST)
          .limit(batch);
        for (const row of rows) yield toLogRow(row);
        const last = rows.at(-1);
        if (!last || rows.length < batch) return;
        after = { localDate: last.localDate, id: last.id };
      }
    },

    async daily(from, to) {
      const inRange = and(gte(deliveries.localDate, from), lte(deliveries.localDate, to));
      const lateness = deliveries.latenessSeconds;
      const [posts, late] = await Promise.all([
        db
          .select({
            localDate: deliveries.localDate,
            platform: deliveries.platform,
            state: deliveries.state,
            posts: count(),
          })
          .from(deliveries)
          .where(inRange)
          .groupBy(deliveries.localDate, deliveries.platform, deliveries.state)
          .orderBy(deliveries.localDate, deliveries.platform, deliveries.state),
        db
          .select({
            localDate: deliveries.localDate,
            median: sql<string>`percentile_cont(0.5) within group (order by ${lateness})`,
            worst: sql<string>`max(${lateness})`,
          })
          .from(deliveries)
          .where(and(inRange, eq(deliveries.state, "sent"), isNotNull(deliveries.sentAt)))
          .groupBy(deliveries.localDate)
          .orderBy(deliveries.localDate),
      ]);
      return {
        posts: posts.map(
          (row): DailyDeliveries => ({
            localDate: row.localDate,
            platform: row.platform,
            state: row.state as DeliveryState,
            posts: Number(row.posts),
          }),
        ),
        lateness: late.map(
          (row): DailyLateness => ({
            localDate: row.localDate,
            medianSeconds: Number(row.median),
            worstSeconds: Number(row.worst),
          }),
        ),
      };
    },
  };
}
