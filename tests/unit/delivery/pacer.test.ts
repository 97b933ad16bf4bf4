/** The pacer against a clock the test moves: every window holds, and nothing waits longer than it must. */
import { describe, expect, it } from "vitest";
import { createPacer, type PaceLimits, type PacerClock } from "../../../src/delivery/pacer.ts";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";

function manualClock(): PacerClock & { grants: number[] } {
  let now = 0;
  const grants: number[] = [];
  return {
    grants,
    now: () => now,
    async sleep(ms) {
      now += ms;
    },
  };
}

/** Acquires one slot after another (as a single worker would) and records when each was granted. */
async function grantTimes(limits: PaceLimits, channels: string[]): Promise<number[]> {
  const clock = manualClock();
  const pacer = createPacer(limits, clock);
  const times: number[] = [];
  for (const channel of channels) {
    await pacer.acquire(channel);
    times.push(clock.now());
  }
  return times;
}

function maxInWindow(times: number[], intervalMs: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j < times.length && times[j]! < times[i]! + intervalMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe("pacer", () => {
  it("keeps Telegram's 30 per second overall and runs at that rate, not slower", async () => {
    const channels = Array.from({ length: 300 }, (_, i) => `chat-${i}`);
    const times = await grantTimes(paceLimits("telegram", 30), channels);
    expect(maxInWindow(times, 1000)).toBe(30);
    // 300 messages at 30/s: the last is granted at 9 s (the first 30 at once, then 30 per second).
    expect(times.at(-1)).toBe(9000);
  });

  it("keeps one chat to 1 per second and 20 per minute", async () => {
    const times = await grantTimes(paceLimits("telegram", 30), Array(25).fill("group"));
    expect(maxInWindow(times, 1000)).toBe(1);
    expect(maxInWindow(times, 60_000)).toBe(20);
    expect(times[20]).toBe(60_000); // the 21st waits for the minute window
  });

  it("keeps Discord's 5 per 5 seconds per channel within 50 per second overall", async () => {
    const channels = Array.from({ length: 200 }, (_, i) => `c${i % 4}`);
    const times = await grantTimes(paceLimits("discord", 50), channels);
    for (const c of [0, 1, 2, 3]) {
      const own = times.filter((_, i) => i % 4 === c);
      expect(maxInWindow(own, 5000)).toBe(5);
    }
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(50);
  });

  it("reserves in arrival order when many wait at once", async () => {
    const clock = manualClock();
    const pacer = createPacer({ global: [{ limit: 2, intervalMs: 1000 }], perChannel: [] }, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => pacer.acquire(`c${i}`).then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("accepts a fractional rate", async () => {
    const times = await grantTimes(paceLimits("slack", 0.5), ["a", "b", "c"]);
    expect(times).toEqual([0, 2000, 4000]);
  });

  it("counts a grant from when the caller really resumed, so a late wake-up never bunches requests", async () => {
    let now = 0;
    const late: PacerClock = {
      now: () => now,
      async sleep(ms) {
        now += ms + 100; // an event loop that wakes every sleeper 100 ms late
      },
    };
    const pacer = createPacer({ global: [{ limit: 1, intervalMs: 1000 }], perChannel: [] }, late);
    const times: number[] = [];
    for (const c of ["a", "b", "c"]) {
      await pacer.acquire(c);
      times.push(now);
    }
    expect(times).toEqual([0, 1100, 2200]);
  });

  it("rounds a fractional rate down to whole messages per second, never into a shorter window", () => {
    expect(paceLimits("telegram", 48.5).global).toEqual([{ limit: 48, intervalMs: 1000 }]);
    expect(paceLimits("discord", 50).global).toEqual([{ limit: 50, intervalMs: 1100 }]);
  });
});
