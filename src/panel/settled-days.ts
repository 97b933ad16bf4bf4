/**
 * The Deliveries charts' daily figures, with settled days read once. A day older than the delivery
 * pass's lookback (LOOKBACK_DAYS, counted from the earliest local date anywhere, a day behind UTC at
 * most) can no longer be planned, sent or recorded as missed, and a withdrawal changes only its posts'
 * retraction, not their outcome: its counts and lateness are final, in every process. So only the recent
 * days are asked each time, and a 30-day chart over a large log costs a few days' rows, not thirty.
 */
import type { DailyDeliveries, DailyLateness, DeliveryLog } from "../core/ports/delivery-log.ts";
import { LOOKBACK_DAYS } from "../core/delivery.ts";
import { addDays } from "../core/time.ts";

type Daily = Awaited<ReturnType<DeliveryLog["daily"]>>;
interface Day {
  posts: DailyDeliveries[];
  lateness?: DailyLateness;
}

/** How many settled days are kept: more than any chart asks for, so the map never grows without end. */
const KEPT_DAYS = 120;

export function withSettledDays(log: Pick<DeliveryLog, "daily">): DeliveryLog["daily"] {
  const settled = new Map<string, Day>();
  return async (from, to) => {
    // The first day still open anywhere: `to` is a UTC date, and some zones are a day behind it.
    const open = addDays(to, -(LOOKBACK_DAYS + 1));
    const missing: string[] = [];
    for (let day = from; day < open && day <= to; day = addDays(day, 1)) {
      if (!settled.has(day)) missing.push(day);
    }
    if (missing.length > 0) {
      const read = await log.daily(missing[0]!, missing.at(-1)!);
      // Only the days asked for: a day between them may be cached already.
      const fresh = new Map(missing.map((day): [string, Day] => [day, { posts: [] }]));
      keep(fresh, read);
      for (const [day, figures] of fresh) settled.set(day, figures);
      for (const day of [...settled.keys()].sort().slice(0, Math.max(0, settled.size - KEPT_DAYS)))
        settled.delete(day);
    }
    // The later of the two dates (ISO dates sort as strings).
    const live = await log.daily([from, open].sort()[1]!, to);
    const posts: DailyDeliveries[] = [];
    const lateness: DailyLateness[] = [];
    for (let day = from; day < open && day <= to; day = addDays(day, 1)) {
      const known = settled.get(day)!;
      posts.push(...known.posts);
      if (known.lateness) lateness.push(known.lateness);
    }
    return { posts: [...posts, ...live.posts], lateness: [...lateness, ...live.lateness] };
  };
}

function keep(days: Map<string, Day>, read: Daily): void {
  for (const row of read.posts) days.get(row.localDate)?.posts.push(row);
  for (const row of read.lateness) {
    const day = days.get(row.localDate);
    if (day) day.lateness = row;
  }
}
