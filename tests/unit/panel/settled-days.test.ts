import { describe, expect, it } from "vitest";
import type { DeliveryState } from "../../../src/core/delivery.ts";
import type {
  DailyDeliveries,
  DayRange,
  DeliveryLog,
  DeliveryLogFilter,
} from "../../../src/core/ports/delivery-log.ts";
import { addDays } from "../../../src/core/time.ts";
import { withSettledDays } from "../../../src/panel/settled-days.ts";

interface Post {
  localDate: string;
  platform: string;
  state: DeliveryState;
  lateSeconds: number;
  profileId: string;
}

const matches = (p: Post, f: DeliveryLogFilter) =>
  (!f.platform || p.platform === f.platform) &&
  (!f.state || p.state === f.state) &&
  (!f.profileId || p.profileId === f.profileId) &&
  (!f.from || p.localDate >= f.from) &&
  (!f.to || p.localDate <= f.to);

/** A log over a list of posts, worked out afresh on every call; it records each range it was asked. */
function postsLog() {
  const posts: Post[] = [];
  const asked: Array<{ days: DayRange; lateness: boolean }> = [];
  const counted: DeliveryLogFilter[] = [];
  const log: Pick<DeliveryLog, "daily" | "count"> = {
    async daily(days, lateness = true) {
      asked.push({ days, lateness });
      const inRange = posts.filter((p) => matches(p, days));
      const figures = new Map<string, DailyDeliveries>();
      for (const p of inRange) {
        const key = `${p.localDate} ${p.platform} ${p.state}`;
        const figure = figures.get(key) ?? { ...p, posts: 0 };
        figures.set(key, {
          localDate: p.localDate,
          platform: p.platform,
          state: p.state,
          posts: figure.posts + 1,
        });
      }
      const sent = inRange.filter((p) => p.state === "sent");
      const dates = [...new Set(sent.map((p) => p.localDate))].sort();
      return {
        posts: [...figures.keys()].sort().map((key) => figures.get(key)!),
        lateness: lateness
          ? dates.map((localDate) => {
              const late = sent.filter((p) => p.localDate === localDate).map((p) => p.lateSeconds);
              return { localDate, medianSeconds: Math.min(...late), worstSeconds: Math.max(...late) };
            })
          : [],
      };
    },
    async count(filter) {
      counted.push(filter);
      return posts.filter((p) => matches(p, filter)).length;
    },
  };
  const add = (localDate: string, state: DeliveryState = "sent", platform = "telegram") => {
    const post = {
      localDate,
      platform,
      state,
      lateSeconds: posts.length % 7,
      profileId: `p-${posts.length % 3}`,
    };
    posts.push(post);
    return post;
  };
  const trueTotal = (filter: DeliveryLogFilter) => posts.filter((p) => matches(p, filter)).length;
  return { log, posts, asked, counted, add, trueTotal };
}

const TODAY = "2026-12-07";
const CHART = { from: addDays(TODAY, -29), to: TODAY };
/** The first open day: the lookback (7) and a day for the zones behind UTC. */
const OPEN = "2026-11-29";

const FILTERS: DeliveryLogFilter[] = [
  {},
  { platform: "discord" },
  { state: "paused" },
  { platform: "telegram", state: "sent" },
  { from: "2026-11-01" },
  { from: "2026-11-20", to: "2026-12-01", state: "sent" },
  { to: "2026-10-15" },
  { platform: "slack" },
];

/**
 * Sixty days of posts on two platforms, a refusal now and then, and no post on the 20th of November; and
 * one post long before, so the whole history counts.
 */
function history() {
  const world = postsLog();
  world.add("2025-01-15", "failed", "slack");
  for (let d = addDays(TODAY, -60); d <= TODAY; d = addDays(d, 1)) {
    if (d === "2026-11-20") continue;
    world.add(d);
    world.add(d, "sent", "discord");
    if (d.endsWith("3")) world.add(d, "paused", "discord");
  }
  return world;
}

describe("the Deliveries figures' settled days", () => {
  it("gives the log's own figures and true totals, then asks only the open days", async () => {
    const { log, asked, trueTotal } = history();
    const figuresOf = withSettledDays(log);
    const first = await figuresOf(CHART, {});
    expect(first.daily).toEqual(await log.daily(CHART));
    expect(first.total).toBe(trueTotal({}));
    asked.length = 0;
    for (const filter of FILTERS) {
      const again = await figuresOf(CHART, filter);
      expect(again.total, JSON.stringify(filter)).toBe(trueTotal(filter));
      expect(again.daily).toEqual(first.daily);
    }
    // Only the days the pass may still change, with no end (a post may be dated tomorrow somewhere).
    expect(asked).toEqual(FILTERS.map(() => ({ days: { from: OPEN }, lateness: true })));
  });

  it("counts a new post on an open day at once, in the charts and in the total, even dated tomorrow", async () => {
    const { log, add, trueTotal } = history();
    const figuresOf = withSettledDays(log);
    const before = await figuresOf(CHART, {});
    add(TODAY, "pending");
    add(addDays(TODAY, 1), "pending");
    add("2026-12-01", "missed", "discord");
    const after = await figuresOf(CHART, {});
    expect(after.total).toBe(before.total + 3);
    expect(after.total).toBe(trueTotal({}));
    expect(after.daily).toEqual(await log.daily(CHART));
    expect((await figuresOf(CHART, { state: "missed" })).total).toBe(1);
  });

  it("keeps a settled day as first read", async () => {
    const { log, add } = history();
    const figuresOf = withSettledDays(log);
    const before = await figuresOf(CHART, {});
    add("2026-11-10"); // cannot happen to a settled day; shown to prove it is not asked again
    const after = await figuresOf(CHART, {});
    expect(after).toEqual(before);
  });

  it("reads a settled day again while it has open posts, and keeps it once they are settled", async () => {
    const { log, add, asked, trueTotal } = history();
    // Left by processes that stopped: the next pass settles them (here the first as sent, very late).
    const stuck = add("2026-11-10", "sending");
    const other = add("2026-11-12", "claimed", "discord");
    const figuresOf = withSettledDays(log);
    expect((await figuresOf(CHART, { state: "sending" })).total).toBe(1);
    expect((await figuresOf(CHART, { state: "claimed" })).total).toBe(1);
    stuck.state = "sent";
    stuck.lateSeconds = 5_000;
    other.state = "missed";
    asked.length = 0;
    const settled = await figuresOf(CHART, {});
    // Those days alone, not the kept days between and after them.
    expect(asked).toEqual(
      expect.arrayContaining(
        ["2026-11-10", "2026-11-12"].flatMap((day) => [
          { days: { from: day, to: day }, lateness: false },
          { days: { from: day, to: day }, lateness: true },
        ]),
      ),
    );
    expect(asked).toHaveLength(5);
    expect(settled.total).toBe(trueTotal({}));
    expect(settled.daily).toEqual(await log.daily(CHART));
    expect(settled.daily.lateness.find((l) => l.localDate === "2026-11-10")?.worstSeconds).toBe(5_000);
    expect((await figuresOf(CHART, { state: "sending" })).total).toBe(0);
    expect((await figuresOf(CHART, { state: "claimed" })).total).toBe(0);
    expect((await figuresOf(CHART, { state: "missed" })).total).toBe(1);
    expect((await figuresOf(CHART, { state: "sent" })).total).toBe(trueTotal({ state: "sent" }));
    asked.length = 0;
    await figuresOf(CHART, {});
    expect(asked).toEqual([{ days: { from: OPEN }, lateness: true }]);
  });

  it("reads newly settled days as the days move on, without counting a day twice", async () => {
    const { log, asked, add, trueTotal } = history();
    const figuresOf = withSettledDays(log);
    await figuresOf(CHART, {});
    const tomorrow = addDays(TODAY, 1);
    add(tomorrow);
    add(OPEN, "sent", "discord"); // before the day settles
    asked.length = 0;
    const next = { from: addDays(CHART.from, 1), to: tomorrow };
    const moved = await figuresOf(next, {});
    expect(asked).toContainEqual({ days: { from: OPEN, to: OPEN }, lateness: false });
    expect(moved.total).toBe(trueTotal({}));
    expect(moved.daily).toEqual(await log.daily(next));
    for (const filter of FILTERS) expect((await figuresOf(next, filter)).total).toBe(trueTotal(filter));
  });

  it("answers overlapping requests without counting a day twice", async () => {
    const { log, add, trueTotal } = history();
    const stuck = add("2026-11-10", "sending");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let hold = true;
    // The first read of the settled days is answered last, as a slow query would be.
    const slow: typeof log = {
      ...log,
      async daily(days, lateness) {
        const answer = await log.daily(days, lateness);
        if (lateness === false && hold) {
          hold = false;
          await held;
        }
        return answer;
      },
    };
    const figuresOf = withSettledDays(slow);
    const older = figuresOf(CHART, {});
    stuck.state = "sent";
    expect((await figuresOf(CHART, {})).total).toBe(trueTotal({}));
    release();
    expect((await older).total).toBe(trueTotal({}));
    expect((await figuresOf(CHART, { state: "sent" })).total).toBe(trueTotal({ state: "sent" }));
  });

  it("counts a profile's posts in the database, where the per-day figures know no profiles", async () => {
    const { log, counted, trueTotal } = history();
    const figuresOf = withSettledDays(log);
    const filter = { profileId: "p-1", platform: "discord" };
    expect((await figuresOf(CHART, filter)).total).toBe(trueTotal(filter));
    expect(counted).toEqual([filter]);
  });
});
