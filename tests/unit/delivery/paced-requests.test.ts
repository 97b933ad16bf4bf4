/**
 * Operations that make more than one request (Discord's crosspost after its post, a private chat opened
 * before the notice in it) are paced request by request (core/request-pace.ts, paced-adapter.ts): on a
 * simulated event loop that stalls as a busy machine does, Discord's global limit holds in every window
 * however many of the posts are crossposted, and no operation waits for ever for its second request.
 */
import { describe, expect, it } from "vitest";
import type { ChannelRef } from "../../../src/core/channel.ts";
import type { OutboundPost, PlatformAdapter } from "../../../src/core/platform.ts";
import { beforeRequest } from "../../../src/core/request-pace.ts";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";
import { pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import { createPacer, type PacerClock } from "../../../src/delivery/pacer.ts";
import { RateLimiter as DiscordLimiter } from "../../fakes/discord/limits.ts";
import { mostInAnyWindow, periodicStalls, type Stall, simulatedLoop } from "./pacer-sim.ts";

const CAP = 50;

/** Short and long stalls at every phase of the platform's windows, as in pacer.test.ts. */
const BUSY: Stall[] = [
  ...periodicStalls(333, 777, 120, 20_000),
  ...periodicStalls(20_020, 2900, 1100, 40_000),
  ...periodicStalls(40_050, 1130, 330, 60_000),
];

/**
 * Discord as far as pacing sees it: every request is 30 ms of our work after its grant, 8 ms on the way
 * (the platform counts it on arrival, by its own clock) and 8 ms back, each announced with
 * `beforeRequest` as the Discord adapter's REST client does (rest-policy.ts); a post asked to crosspost
 * makes its second request after the first's answer, as platforms/discord/send.ts does.
 */
function simulatedDiscord(clock: PacerClock) {
  const arrivals: number[] = [];
  const request = async () => {
    await beforeRequest();
    await clock.sleep(30);
    arrivals.push(clock.now() + 8);
    await clock.sleep(16);
  };
  const adapter: PlatformAdapter = {
    platform: "discord",
    afterUncertainSend: "resend",
    start: async () => {},
    stop: async () => {},
    async send(_channel, post) {
      await request();
      if (post.options?.crosspost) await request();
      return { kind: "sent", messageId: "1" };
    },
    async notifyModerator() {
      await request();
      await request();
      return { delivered: true };
    },
  };
  return { adapter, arrivals };
}

const post = (crosspost: boolean) => ({ idempotencyKey: "k", options: { crosspost } }) as OutboundPost;

/** Discord's fake: fixed one-second windows from the first request after the last one ended. */
function refusals(arrivals: readonly number[]): number {
  const fake = new DiscordLimiter({ globalPerSecond: CAP, channelMessages: { limit: 5, windowMs: 5000 } });
  [...arrivals].sort((a, b) => a - b).forEach((at) => fake.check("POST /x", "x", true, at));
  return fake.counts.global429;
}

/** `count` operations by `workers` at once, as the delivery pass sends; `crossposts(i)` says which. */
async function fanOut(
  count: number,
  workers: number,
  crossposts: (i: number) => boolean,
  stalls: readonly Stall[] = BUSY,
) {
  const loop = simulatedLoop(stalls);
  const discord = simulatedDiscord(loop.clock);
  const paced = pacedAdapter(discord.adapter, createPacer(paceLimits("discord", CAP), loop.clock));
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await paced.send(`discord:1:${i}` as ChannelRef, post(crossposts(i)));
    }
  };
  await loop.run(Promise.all(Array.from({ length: workers }, worker)));
  return discord.arrivals.sort((a, b) => a - b);
}

describe("pacing every request of an operation", () => {
  it("keeps Discord's global limit in every window when every post is crossposted", async () => {
    const arrivals = await fanOut(2000, 16, () => true);
    expect(arrivals).toHaveLength(4000);
    expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(CAP);
    expect(refusals(arrivals)).toBe(0);
  });

  it("keeps it with a third of the posts crossposted, and runs at ≥ 95% of it on a quiet loop", async () => {
    for (const stalls of [BUSY, []]) {
      const arrivals = await fanOut(3000, 16, (i) => i % 3 === 0, stalls);
      expect(arrivals).toHaveLength(4000);
      expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(CAP);
      expect(refusals(arrivals)).toBe(0);
    }
    // As bench:fanout scores it: requests over their span plus the one second the cap admits at once.
    const quiet = await fanOut(3000, 16, (i) => i % 3 === 0, []);
    const share = quiet.length / ((quiet.at(-1)! - quiet[0]!) / 1000 + 1) / CAP;
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("never leaves an operation waiting for its second request, with more at once than the cap", async () => {
    const arrivals = await fanOut(400, 3 * CAP, () => true);
    expect(arrivals).toHaveLength(800);
    expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(CAP);
  });

  it("paces a private notice's two requests (open the chat, then send) in the moderator's own chat", async () => {
    const loop = simulatedLoop();
    const discord = simulatedDiscord(loop.clock);
    const paced = pacedAdapter(discord.adapter, createPacer(paceLimits("discord", CAP), loop.clock));
    const notice = { userId: "9", channel: "discord:1:2" as ChannelRef, text: "paused" };
    const notices = Array.from({ length: 200 }, () => paced.notifyModerator!(notice));
    await loop.run(Promise.all(notices));
    // 400 requests; one moderator's chat keeps Discord's 5 per 5 s for each of them.
    expect(discord.arrivals).toHaveLength(400);
    expect(
      mostInAnyWindow(
        discord.arrivals.sort((a, b) => a - b),
        5000,
      ),
    ).toBeLessThanOrEqual(5);
  });
});
