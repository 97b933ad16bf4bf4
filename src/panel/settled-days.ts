/**
 * The Deliveries page's figures, with settled days read once: the charts' daily counts and lateness, and
 * the log's total for a filter. A day older than the delivery pass's lookback (LOOKBACK_DAYS, counted from
 * the earliest local date anywhere, a day behind UTC at most) can no longer be planned, sent or recorded
 * as missed, and a withdrawal changes only its posts' retraction, not their outcome. Its posts still open
 * (pending, claimed, sending: left by a process that stopped) are settled by the next pass, whatever their
 * day; once none is left, the day's counts and lateness are final, in every process. So each request asks
 * the database only about the open days (and an older day with open posts): the charts and the total of a
 * long log cost a few days' rows, not the whole history. The per-day figures know no profiles: a profile's
 * posts are counted in the database, through its index.
 */
import { LOOKBACK_DAYS, SETTLED_STATES } from "../core/delivery.ts";
import type {
  DailyDeliveries,
  DailyLateness,
  DayRange,
  DeliveryLog,
  DeliveryLogFilter,
} from "../core/ports/delivery-log.ts";
import { addDays } from "../core/time.ts";

type Daily = Awaited<ReturnType<DeliveryLog["daily"]>>;

export interface LedgerFigures {
  /** Posts per day, platform and outcome, and the lateness of sent posts, for the days asked. */
  daily: Daily;
  /** How many posts match the filter in all (as the log's pages list them). */
  total: number;
}

/** How many settled days' lateness is kept: more than any chart asks for, so that map never grows without end. */
const KEPT_DAYS = 120;

const byDay = (posts: readonly DailyDeliveries[]) => {
  const days = new Map<string, DailyDeliveries[]>();
  for (const row of posts) days.set(row.localDate, [...(days.get(row.localDate) ?? []), row]);
  return days;
};
const final = (posts: readonly DailyDeliveries[] = []) =>
  posts.every((p) => SETTLED_STATES.includes(p.state));
/** Days in order as runs of consecutive days, so that no read covers a day kept between them. */
function runsOf(days: readonly string[]): Array<{ from: string; to: string }> {
  const runs: Array<{ from: string; to: string }> = [];
  for (const day of [...days].sort()) {
    const run = runs.at(-1);
    if (run && addDays(run.to, 1) === day) run.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}
const daysFrom = (from: string, to: string) => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * Figures for `days.from`–`days.to` (the charts; `to` is today in UTC) and the total for `filter`. Counts
 * of every settled day are kept (a few figures a day, so a long history costs little memory); lateness
 * only for the days the charts show.
 */
export function withSettledDays(log: Pick<DeliveryLog, "daily" | "count">) {
  const counts = new Map<string, DailyDeliveries[]>();
  /** Every settled day up to this one has its counts kept (a day without posts has no entry). */
  let countedThrough: string | undefined;
  /** Days before the open ones that still had open posts when last read: read again each time. */
  const unsettled = new Set<string>();
  const late = new Map<string, DailyLateness | undefined>();

  /** Reads the newly settled days' counts; answers the days that are not final yet, as read now. */
  async function countsBefore(open: string): Promise<Map<string, DailyDeliveries[]>> {
    const last = addDays(open, -1);
    const next = countedThrough === undefined ? undefined : addDays(countedThrough, 1);
    const ranges: DayRange[] = runsOf([...unsettled].filter((day) => day <= last));
    if (next === undefined) ranges.push({ to: last });
    else if (next <= last) ranges.push({ from: next, to: last });
    if (ranges.length === 0) return new Map();
    const reads = await Promise.all(ranges.map((range) => log.daily(range, false)));
    const fresh = new Map<string, DailyDeliveries[]>();
    for (const [day, posts] of byDay(reads.flatMap((read) => read.posts))) {
      if (final(posts)) {
        counts.set(day, posts);
        unsettled.delete(day);
      } else {
        unsettled.add(day);
        fresh.set(day, posts);
      }
    }
    if (countedThrough === undefined || last > countedThrough) countedThrough = last;
    return fresh;
  }

  /** Reads the lateness of the charts' settled days not kept yet; answers the days not final yet. */
  async function latenessBefore(open: string, from: string, to: string) {
    const fresh = new Map<string, DailyLateness | undefined>();
    const last = [to, addDays(open, -1)].sort()[0]!;
    const missing = from <= last ? daysFrom(from, last).filter((day) => !late.has(day)) : [];
    const reads = await Promise.all(runsOf(missing).map((range) => log.daily(range)));
    const posts = byDay(reads.flatMap((read) => read.posts));
    const lateness = new Map(reads.flatMap((read) => read.lateness).map((l) => [l.localDate, l]));
    for (const day of missing) (final(posts.get(day)) ? late : fresh).set(day, lateness.get(day));
    for (const day of [...late.keys()].sort().slice(0, Math.max(0, late.size - KEPT_DAYS))) late.delete(day);
    return fresh;
  }

  return async (days: { from: string; to: string }, filter: DeliveryLogFilter): Promise<LedgerFigures> => {
    // The first day still open anywhere: `to` is a UTC date, and some zones are a day behind it.
    const open = addDays(days.to, -(LOOKBACK_DAYS + 1));
    // The open days have no end: a post dated tomorrow (a zone ahead of UTC) counts in the total too.
    const [freshCounts, freshLate, live, profileTotal] = await Promise.all([
      countsBefore(open),
      latenessBefore(open, days.from, days.to),
      log.daily({ from: open }),
      filter.profileId ? log.count(filter) : undefined,
    ]);
    const postsOf = (day: string) =>
      day < open
        ? (freshCounts.get(day) ?? counts.get(day) ?? [])
        : live.posts.filter((p) => p.localDate === day);
    const lateOf = (day: string) => {
      if (day >= open) return live.lateness.find((l) => l.localDate === day);
      return freshLate.has(day) ? freshLate.get(day) : late.get(day);
    };
    const shown = daysFrom(days.from, days.to);
    const daily = {
      posts: shown.flatMap(postsOf),
      lateness: shown.flatMap((day) => lateOf(day) ?? []),
    };
    if (profileTotal !== undefined) return { daily, total: profileTotal };
    let total = totalOf(live.posts, filter) + totalOf([...freshCounts.values()].flat(), filter);
    for (const [day, posts] of counts)
      if (day < open && !freshCounts.has(day)) total += totalOf(posts, filter);
    return { daily, total };
  };
}

/** The posts a filter without a profile matches, from the per-day figures. */
function totalOf(posts: readonly DailyDeliveries[], filter: DeliveryLogFilter): number {
  let total = 0;
  for (const p of posts) {
    if (filter.platform && p.platform !== filter.platform) continue;
    if (filter.state && p.state !== filter.state) continue;
    if (filter.from && p.localDate < filter.from) continue;
    if (filter.to && p.localDate > filter.to) continue;
    total += p.posts;
  }
  return total;
}
