/**
 * The delivery log for staff (src/core/ports/delivery-log.ts): filters and paging in SQL over the ledger,
 * and per-day figures grouped in the database, so a long history is never loaded to be counted. The
 * figures of a range come from one pass over its rows: the counts and each day's lateness together.
 */
import { and, count, desc, eq, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { DeliveryState } from "../../src/core/delivery.ts";
import type {
  DailyDeliveries,
  DailyLateness,
  DayRange,
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
      const rows = await db
        .select()
        .from(deliveries)
        .where(where(filter))
        .orderBy(...NEWEST_FIRST)
        .offset(offset)
        .limit(limit);
      return rows.map(toLogRow);
    },

    async count(filter) {
      return db.$count(deliveries, where(filter));
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

    async daily(days, withLateness = true) {
      return withLateness ? figuresOf(db, days) : { posts: await countsOf(db, days), lateness: [] };
    },
  };
}

const inRange = (days: DayRange) =>
  and(
    days.from ? gte(deliveries.localDate, days.from) : undefined,
    days.to ? lte(deliveries.localDate, days.to) : undefined,
  );

const toDaily = (row: { localDate: string; platform: string; state: string; posts: number }) => ({
  localDate: row.localDate,
  platform: row.platform,
  state: row.state as DeliveryState,
  posts: Number(row.posts),
});

async function countsOf(db: Db, days: DayRange): Promise<DailyDeliveries[]> {
  const rows = await db
    .select({
      localDate: deliveries.localDate,
      platform: deliveries.platform,
      state: deliveries.state,
      posts: count(),
    })
    .from(deliveries)
    .where(inRange(days))
    .groupBy(deliveries.localDate, deliveries.platform, deliveries.state)
    .orderBy(deliveries.localDate, deliveries.platform, deliveries.state);
  return rows.map(toDaily);
}

/** Seconds as the driver gives a double precision aggregate; null for a day with no post sent. */
type Seconds = string | null;

/**
 * Counts per (date, platform, state) and each date's lateness in one scan (grouping sets): a second query
 * for the lateness would read the same rows again, and on the embedded database nothing runs in parallel.
 */
async function figuresOf(db: Db, days: DayRange) {
  const { localDate, platform, state, latenessSeconds } = deliveries;
  const sent = sql`${state} = 'sent' and ${deliveries.sentAt} is not null`;
  const rows = await db
    .select({
      localDate,
      platform,
      state,
      wholeDay: sql<number>`grouping(${platform}, ${state})`,
      posts: count(),
      median: sql<Seconds>`percentile_cont(0.5) within group (order by ${latenessSeconds}) filter (where ${sent})`,
      worst: sql<Seconds>`max(${latenessSeconds}) filter (where ${sent})`,
    })
    .from(deliveries)
    .where(inRange(days))
    .groupBy(sql`grouping sets ((${localDate}, ${platform}, ${state}), (${localDate}))`)
    .orderBy(localDate, platform, state);
  const posts: DailyDeliveries[] = [];
  const lateness: DailyLateness[] = [];
  for (const row of rows) {
    if (Number(row.wholeDay) === 0) posts.push(toDaily(row));
    else if (row.median !== null && row.worst !== null)
      lateness.push({
        localDate: row.localDate,
        medianSeconds: Number(row.median),
        worstSeconds: Number(row.worst),
      });
  }
  return { posts, lateness };
}
