/**
 * Crossposting subscriptions through the real discord.js against the fake Discord, which counts its
 * global limit in fixed one-second windows and answers 429 past it: each post and its crosspost are two
 * requests, and the delivery pacer (paced-adapter.ts, at the same cap as discord.js's own limiter and the
 * fake) counts both, so the fake never refuses one and no second holds more than the cap. A request
 * discord.js makes again on its own (a 5xx retried) takes its own place too (rest-policy.ts).
 */
import { ChannelType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../platforms/discord/index.ts";
import type { ChannelRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { DEFAULT_POST_OPTIONS } from "../../../src/core/post-options.ts";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";
import { pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import { createPacer, type Pacer } from "../../../src/delivery/pacer.ts";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/index.ts";
import { mostInAnyWindow } from "../../unit/delivery/pacer-sim.ts";
import { ilgarCard, memoryLogger, shareKit } from "./fixtures.ts";

/** Discord's documented 50 requests/s, on the fake, in discord.js's limiter and in our pacer. */
const CAP = 50;
/** Subscriptions, all in announcement channels and asking to crosspost: twice as many requests. */
const CHANNELS = 120;
/** Posts in flight at once, as the delivery pass sends (pass.ts). */
const WORKERS = 16;

let fake: FakeDiscord;
let adapter: DiscordAdapter;
beforeAll(async () => {
  fake = await startFakeDiscord({ limits: { globalPerSecond: CAP } });
  adapter = createDiscordAdapter({
    token: fake.token,
    apiUrl: fake.apiUrl,
    dispatch: () => Promise.reject(new Error("this suite only sends")),
    autocomplete: async () => [],
    commands: [],
    logger: memoryLogger(),
    tuning: { globalRequestsPerSecond: CAP },
  });
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

const post = (key: string): OutboundPost => ({
  kind: "daily",
  intro: "Today's featured family",
  card: ilgarCard(),
  share: shareKit(ilgarCard()),
  idempotencyKey: key,
  options: { ...DEFAULT_POST_OPTIONS, crosspost: true },
});

describe("crossposting at Discord's global limit", () => {
  it("publishes every post with no 429 and never more than the cap in a second", async () => {
    const guild = fake.addGuild("Announcements");
    const channels = Array.from({ length: CHANNELS }, (_, i) =>
      fake.addChannel(guild, `news-${i}`, [], ChannelType.GuildAnnouncement),
    );
    const paced = pacedAdapter(adapter, createPacer(paceLimits("discord", CAP)));
    const from = fake.state.requests.length;
    let next = 0;
    const worker = async () => {
      while (next < channels.length) {
        const channel = channels[next++]!;
        const ref = `discord:${guild.id}:${channel.id}` as ChannelRef;
        expect(await paced.send(ref, post(`sub-${channel.id}`))).toMatchObject({ kind: "sent" });
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));

    const requests = fake.state.requests.slice(from);
    expect(fake.stats().global429).toBe(0);
    // One post and one crosspost per channel: none refused, so none made again.
    expect(requests.map((r) => r.status)).toEqual(Array(2 * CHANNELS).fill(200));
    expect(fake.state.messages.filter((m) => m.crossposted)).toHaveLength(CHANNELS);
    const arrivals = requests.map((r) => r.at).sort((a, b) => a - b);
    expect(mostInAnyWindow(arrivals, 1000)).toBeLessThanOrEqual(CAP);
  }, 30_000);

  it("gives discord.js's own retry of a 5xx a place of its own", async () => {
    const guild = fake.addGuild("Retries");
    const channel = fake.addChannel(guild, "news", [], ChannelType.GuildAnnouncement);
    fake.inject({
      route: "POST /channels/:id/messages",
      major: channel.id,
      times: 1,
      fault: { kind: "5xx" },
    });
    const inner = createPacer(paceLimits("discord", CAP));
    const asked: boolean[] = [];
    const pacer: Pacer = {
      acquire(c, urgency) {
        asked.push(urgency?.continuing ?? false);
        return inner.acquire(c, urgency);
      },
    };
    const ref = `discord:${guild.id}:${channel.id}` as ChannelRef;
    expect(await pacedAdapter(adapter, pacer).send(ref, post("sub-retried"))).toMatchObject({ kind: "sent" });
    // The post, its retry after the 500, the crosspost: three requests, three places.
    expect(fake.state.requests.filter((r) => r.major === channel.id).map((r) => r.status)).toEqual([
      500, 200, 200,
    ]);
    expect(asked).toEqual([false, true, true]);
  });
});
