/**
 * The pacer on a simulated event loop (pacer-sim.ts): the platforms' own counting (the fakes' limiters,
 * and discord.js's global limiter) never refuses a request, however our loop stalls, and a quiet loop
 * runs at the cap.
 */
import { describe, expect, it } from "vitest";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";
import { createPacer, type PaceLimits } from "../../../src/delivery/pacer.ts";
import { RateLimiter as DiscordLimiter } from "../../fakes/discord/limits.ts";
import { RateLimiter as TelegramLimiter } from "../../fakes/telegram/rate.ts";
import {
  mostInAnyWindow,
  periodicStalls,
  type SendTimes,
  type Stall,
  simulatedLoop,
  simulateSends,
} from "./pacer-sim.ts";

const QUIET: SendTimes = { prepMs: 1, netMs: 5 };

async function run(limits: PaceLimits, count: number, stalls: readonly Stall[] = [], times = QUIET) {
  const loop = simulatedLoop(stalls);
  const pacer = createPacer(limits, loop.clock);
  return simulateSends(loop, (c) => pacer.acquire(c), { count, workers: 16, times });
}

/** Discord's fake: fixed one-second windows from the first request after the last window ended. */
function discordRefusals(arrivals: readonly number[], perSecond: number): number {
  const fake = new DiscordLimiter({
    globalPerSecond: perSecond,
    channelMessages: { limit: 5, windowMs: 5000 },
  });
  arrivals.forEach((at, i) => fake.check("POST /channels/:id/messages", `${i}`, true, at));
  return fake.counts.global429;
}

/** Telegram's fake: a token bucket of one second's messages (one message per chat, as in a fan-out). */
function telegramRefusals(arrivals: readonly number[], perSecond: number): number {
  let now = 0;
  const cap = { burst: perSecond, perSecond };
  const fake = new TelegramLimiter({ global: cap, perChat: cap, perGroup: cap }, () => now);
  return arrivals.filter((at, i) => {
    now = at;
    return fake.admit(-i, false) !== undefined;
  }).length;
}

/** @discordjs/rest's own global limiter (SequentialHandler.runRequest): how often it would hold a request. */
function discordJsHolds(departures: readonly number[], perSecond: number): number {
  let reset = -1;
  let remaining = perSecond;
  let holds = 0;
  for (const at of [...departures].sort((a, b) => a - b)) {
    if (remaining <= 0 && at < reset) holds++;
    if (reset < at) {
      reset = at + 1000;
      remaining = perSecond;
    }
    remaining--;
  }
  return holds;
}

/** As bench:fanout scores it: posts over their span plus the one second every cap admits at once. */
const shareOfCap = (arrivals: readonly number[], perSecond: number) =>
  arrivals.length / ((arrivals.at(-1)! - arrivals[0]!) / 1000 + 1) / perSecond;

/**
 * Stalls our loop as a busy machine does: short and long ones at every phase of the platform's windows,
 * with 30 ms of our own work between a grant and the request leaving, during which a stall may begin.
 */
const BUSY: Stall[] = [
  ...periodicStalls(333, 777, 120, 20_000),
  ...periodicStalls(20_020, 2900, 1100, 40_000),
  ...periodicStalls(40_050, 1130, 330, 60_000),
  ...periodicStalls(60_700, 1700, 900, 80_000),
];
const BUSY_SEND: SendTimes = { prepMs: 30, netMs: 8 };

describe("pacer", () => {
  it("keeps Discord's global limit, as its fake and discord.js count it, through stalls", async () => {
    const { departures, arrivals } = await run(paceLimits("discord", 50), 4000, BUSY, BUSY_SEND);
    expect(discordRefusals(arrivals, 50)).toBe(0);
    expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(50);
    expect(discordJsHolds(departures, 50)).toBe(0);
  });

  it("keeps Telegram's and Slack's buckets through stalls", async () => {
    for (const platform of ["telegram", "slack"] as const) {
      const { arrivals } = await run(paceLimits(platform, 50), 4000, BUSY, BUSY_SEND);
      expect(telegramRefusals(arrivals, 50)).toBe(0);
    }
  });

  it("runs at the cap on a quiet loop: Discord ≥ 95%, the buckets ≥ 97%", async () => {
    const discord = await run(paceLimits("discord", 100), 3000);
    expect(discordRefusals(discord.arrivals, 100)).toBe(0);
    expect(shareOfCap(discord.arrivals, 100)).toBeGreaterThanOrEqual(0.95);
    const telegram = await run(paceLimits("telegram", 60), 3000);
    expect(telegramRefusals(telegram.arrivals, 60)).toBe(0);
    expect(shareOfCap(telegram.arrivals, 60)).toBeGreaterThanOrEqual(0.97);
  });

  it("keeps one chat to 1 per second and 20 per minute", async () => {
    const group = simulatedLoop(BUSY);
    const pacer = createPacer(paceLimits("telegram", 30), group.clock);
    const sent = await simulateSends(group, (c) => pacer.acquire(c), {
      count: 25,
      workers: 16,
      times: QUIET,
      channel: () => "group",
    });
    expect(mostInAnyWindow(sent.arrivals, 1000)).toBe(1);
    expect(mostInAnyWindow(sent.arrivals, 60_000)).toBe(20);
  });

  it("lets others by while one channel waits for its own window", async () => {
    const loop = simulatedLoop();
    const pacer = createPacer(paceLimits("discord", 50), loop.clock);
    const order: string[] = [];
    const send = async (channel: string) => {
      const answered = await pacer.acquire(channel);
      order.push(channel);
      answered();
    };
    await loop.run(Promise.all(["a", "a", "a", "a", "a", "a", "b"].map(send)));
    expect(order).toEqual(["a", "a", "a", "a", "a", "b", "a"]);
  });

  it("accepts a fractional rate and rounds a fractional rate above 1 down, never into a shorter window", async () => {
    const { arrivals } = await run(paceLimits("slack", 0.5), 3, [], { prepMs: 0, netMs: 0 });
    expect(arrivals).toEqual([0, 2000, 4000]);
    expect(paceLimits("telegram", 48.5).global).toEqual([{ limit: 48, intervalMs: 1000, shape: "bucket" }]);
    expect(paceLimits("discord", 50).global).toEqual([{ limit: 50, intervalMs: 1000, shape: "window" }]);
  });
});
