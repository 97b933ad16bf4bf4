/**
 * Scheduled posts through the real @discordjs/rest against the fake: dedupe by nonce, rate limits
 * waited out or handed back, permanent errors after exactly one request, and the gateway events that
 * tell the scheduler a channel or server is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordBenchSender } from "../../../platforms/discord/send.ts";
import { createDiscordAdapter } from "../../../platforms/discord/index.ts";
import type { ChannelRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { type FakeChannel, Permission } from "../../fakes/discord/index.ts";
import { ilgarCard, shareKit } from "./fixtures.ts";
import { asSent, type Harness, sentMessageBodies, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ fake: { limits: { channelMessages: { limit: 5, windowMs: 1_000 } } } });
});
afterAll(async () => {
  for (const body of sentMessageBodies(h.fake)) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(h.fake.stats().pings).toBe(0);
  await h.close();
});

const MESSAGES = "POST /channels/:id/messages";
const ref = (channel: FakeChannel) => `discord:${channel.guildId}:${channel.id}` as ChannelRef;
const post = (key: string): OutboundPost => ({
  kind: "daily",
  intro: "Today's featured family",
  card: ilgarCard(),
  share: shareKit(ilgarCard()),
  idempotencyKey: key,
});
const requestsFor = (channel: FakeChannel) =>
  h.fake.requestsTo(MESSAGES).filter((r) => r.major === channel.id);

describe("send", () => {
  it("posts one embed with a deterministic nonce; the same key again makes no second message", async () => {
    const channel = h.fake.addChannel(h.guild, "daily");
    const first = await h.adapter.send(ref(channel), post("sub42-2026-12-10"));
    const again = await h.adapter.send(ref(channel), post("sub42-2026-12-10"));
    expect(first).toEqual({
      kind: "sent",
      messageId: expect.stringMatching(/^\d{17,19}$/),
      messageRef: { channelId: channel.id, messageId: first.kind === "sent" ? first.messageId : "" },
    });
    expect(again).toEqual(first);
    expect(h.fake.messagesIn(channel)).toHaveLength(1);
    const body = asSent(requestsFor(channel)[0]?.body);
    expect(body).toMatchObject({
      nonce: "sub42-2026-12-10",
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]?.title).toBe("Ilgar Mammadov");
    expect(body.content).toBe("Today's featured family");
    expect(h.adapter.afterUncertainSend).toBe("resend");
  });

  it("makes a new message for a new key, and still dedupes keys longer than Discord's 25", async () => {
    const channel = h.fake.addChannel(h.guild, "keys");
    const longKey = `subscription-1234567-${"x".repeat(30)}`;
    const a = await h.adapter.send(ref(channel), post(longKey));
    const b = await h.adapter.send(ref(channel), post(longKey));
    const c = await h.adapter.send(ref(channel), post("other-day"));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(h.fake.messagesIn(channel)).toHaveLength(2);
    expect(String(asSent(requestsFor(channel)[0]?.body).nonce).length).toBeLessThanOrEqual(25);
  });

  it("waits out a short 429 inside @discordjs/rest and then posts", async () => {
    const channel = h.fake.addChannel(h.guild, "busy");
    h.fake.inject({ route: MESSAGES, major: channel.id, times: 1, fault: { kind: "429", retryAfterS: 1 } });
    const started = Date.now();
    const result = await h.adapter.send(ref(channel), post("wait-1"));
    expect(result.kind).toBe("sent");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(requestsFor(channel).map((r) => r.status)).toEqual([429, 200]);
  });

  it("hands a long 429 back as transient with retryAfterMs, after one request", async () => {
    const channel = h.fake.addChannel(h.guild, "slow-down");
    h.fake.inject({
      route: MESSAGES,
      major: channel.id,
      times: 1,
      fault: { kind: "429", retryAfterS: 30, scope: "shared" },
    });
    const result = await h.adapter.send(ref(channel), post("long-429"));
    expect(result).toMatchObject({ kind: "transient", reason: expect.stringContaining("rate limited") });
    expect(result.kind === "transient" && result.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(requestsFor(channel)).toHaveLength(1);
  });

  it("paces a burst to one channel by the bucket headers, drawing no 429", async () => {
    const channel = h.fake.addChannel(h.guild, "burst");
    const before = h.fake.stats().rateLimited;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) => h.adapter.send(ref(channel), post(`burst-${i}`))),
    );
    expect(results.every((r) => r.kind === "sent")).toBe(true);
    expect(h.fake.messagesIn(channel)).toHaveLength(7);
    expect(h.fake.stats().rateLimited).toBe(before);
  });
});

describe("fan-out", () => {
  it("stays under the global cap it was configured with: many channels, no 429", async () => {
    const paced = await startHarness({
      fake: { limits: { globalPerSecond: 10 } },
      tuning: { globalRequestsPerSecond: 8 },
    });
    try {
      const channels = Array.from({ length: 10 }, (_, i) => paced.fake.addChannel(paced.guild, `fan-${i}`));
      // discord.js counts its global cap per second from the first request of a window, whatever it was:
      // past the start-up's window, the fan-out opens a window of its own, and ten sends at eight a second
      // then take a second at least (under load the start-up's window once let them through in 0.66 s).
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const started = Date.now();
      const results = await Promise.all(channels.map((c, i) => paced.adapter.send(ref(c), post(`fan-${i}`))));
      expect(results.every((r) => r.kind === "sent")).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      const stats = paced.fake.stats();
      expect(stats.rateLimited).toBe(0);
      expect(stats.messages).toBe(channels.length);
      expect(channels.map((c) => stats.messagesPerChannel.get(c.id))).toEqual(channels.map(() => 1));
    } finally {
      await paced.close();
    }
  });
});

describe("uncertain sends", () => {
  it("times out, reports uncertain, and a resend with the same key finds the message that did land", async () => {
    const impatient = await startHarness({ tuning: { timeoutMs: 100 } });
    try {
      const channel = impatient.fake.addChannel(impatient.guild, "laggy");
      // Both the first try and the library's one retry time out, but the fake still creates the message.
      impatient.fake.inject({
        route: MESSAGES,
        major: channel.id,
        times: 2,
        fault: { kind: "slow", delayMs: 250 },
      });
      const first = await impatient.adapter.send(ref(channel), post("uncertain-1"));
      expect(first).toMatchObject({ kind: "uncertain", reason: expect.stringMatching(/^network/) });
      await impatient.fake.waitFor(
        () =>
          impatient.fake.state.requests.filter((r) => r.major === channel.id && r.status === 200).length ===
          2,
      );
      const again = await impatient.adapter.send(ref(channel), post("uncertain-1"));
      expect(again.kind).toBe("sent");
      expect(impatient.fake.messagesIn(channel)).toHaveLength(1);
    } finally {
      await impatient.close();
    }
  });

  it("sends over REST alone, without the gateway (deliver, register-commands)", async () => {
    const channel = h.fake.addChannel(h.guild, "rest-only");
    const restOnly = createDiscordAdapter({
      token: h.fake.token,
      apiUrl: h.fake.apiUrl,
      dispatch: h.catalogue.dispatch,
      autocomplete: h.catalogue.autocomplete,
      commands: [],
      logger: h.logger,
    });
    expect((await restOnly.send(ref(channel), post("rest-only-1"))).kind).toBe("sent");
    await restOnly.stop();
  });

  it("refuses to start with a token Discord rejects", async () => {
    const wrong = createDiscordAdapter({
      token: "not-the-token",
      apiUrl: h.fake.apiUrl,
      dispatch: h.catalogue.dispatch,
      autocomplete: h.catalogue.autocomplete,
      commands: [],
      logger: h.logger,
    });
    await expect(wrong.start()).rejects.toThrow(/token/i);
  });
});

describe("errors", () => {
  it("treats Unknown Channel as permanent after exactly one request", async () => {
    const channel = h.fake.addChannel(h.guild, "doomed");
    h.fake.deleteChannel(channel);
    const result = await h.adapter.send(ref(channel), post("gone-1"));
    expect(result).toEqual({ kind: "permanent", reason: "404 10003: Unknown Channel" });
    expect(requestsFor(channel)).toHaveLength(1);
  });

  it("treats missing permissions and missing access as permanent after one request each", async () => {
    const readOnly = h.fake.addChannel(h.guild, "read-only");
    h.fake.denyBot(readOnly, Permission.SendMessages);
    const hidden = h.fake.addChannel(h.guild, "hidden");
    h.fake.denyBot(hidden, Permission.ViewChannel);
    expect(await h.adapter.send(ref(readOnly), post("p-1"))).toEqual({
      kind: "permanent",
      reason: "403 50013: Missing Permissions",
    });
    expect(await h.adapter.send(ref(hidden), post("p-2"))).toEqual({
      kind: "permanent",
      reason: "403 50001: Missing Access",
    });
    expect([...requestsFor(readOnly), ...requestsFor(hidden)]).toHaveLength(2);
  });

  it("pauses a channel where Discord dropped the card for want of Embed Links", async () => {
    const plain = h.fake.addChannel(h.guild, "no-embeds-post");
    h.fake.denyBot(plain, Permission.EmbedLinks);
    expect(await h.adapter.send(ref(plain), post("embeds-1"))).toEqual({
      kind: "permanent",
      reason: "the bot lacks Embed Links here, so Discord dropped the card",
    });
  });

  it("retries a 5xx once (safe: the nonce dedupes), then reports it as uncertain (it may have posted)", async () => {
    const flaky = h.fake.addChannel(h.guild, "flaky");
    h.fake.inject({ route: MESSAGES, major: flaky.id, times: 1, fault: { kind: "5xx", status: 502 } });
    expect((await h.adapter.send(ref(flaky), post("5xx-1"))).kind).toBe("sent");
    expect(requestsFor(flaky).map((r) => r.status)).toEqual([502, 200]);
    const down = h.fake.addChannel(h.guild, "down");
    h.fake.inject({ route: MESSAGES, major: down.id, times: 2, fault: { kind: "5xx" } });
    expect(await h.adapter.send(ref(down), post("5xx-2"))).toEqual({
      kind: "uncertain",
      reason: "500 from Discord",
    });
    expect(requestsFor(down)).toHaveLength(2);
  });

  it("reports a dropped connection as uncertain (the request may have been read)", async () => {
    const channel = h.fake.addChannel(h.guild, "reset");
    h.fake.inject({ route: MESSAGES, major: channel.id, times: 1, fault: { kind: "reset" } });
    expect(await h.adapter.send(ref(channel), post("reset-1"))).toMatchObject({
      kind: "uncertain",
      reason: expect.stringMatching(/^network/),
    });
  });

  it("reports a refused connection as transient: nothing can have been posted", async () => {
    const send = createDiscordBenchSender({ apiUrl: "http://127.0.0.1:9/api", token: h.fake.token });
    expect(await send("100000000000000009", post("refused-1"))).toMatchObject({
      kind: "transient",
      reason: expect.stringMatching(/^network/),
    });
  });

  it("records a message Discord refuses as rejected, not as a channel to pause", async () => {
    const channel = h.fake.addChannel(h.guild, "strict");
    h.fake.inject({
      route: MESSAGES,
      major: channel.id,
      times: 1,
      fault: { kind: "error", status: 400, code: 50035, message: "Invalid Form Body" },
    });
    expect(await h.adapter.send(ref(channel), post("rejected-1"))).toEqual({
      kind: "rejected",
      reason: "400 50035: Invalid Form Body",
    });
    expect(requestsFor(channel)).toHaveLength(1);
  });

  it("refuses a reference that is not a Discord channel without calling Discord", async () => {
    const before = h.fake.state.requests.length;
    expect((await h.adapter.send("slack:T1:C2" as ChannelRef, post("x"))).kind).toBe("permanent");
    expect(h.fake.state.requests.length).toBe(before);
  });
});

describe("moderator notices and gateway events", () => {
  it("posts a short notice that pings no one, and never throws when the channel is gone", async () => {
    const channel = h.fake.addChannel(h.guild, "mods");
    await h.adapter.notifyModerators?.(
      ref(channel),
      "Daily posts paused here: @everyone <@&123456789012345678> **fix** permissions",
    );
    const [message] = h.fake.messagesIn(channel);
    expect(message?.body.content).toBe(
      "Daily posts paused here: @\u200beveryone \\<@&123456789012345678> \\*\\*fix\\*\\* permissions",
    );
    expect(message?.mentions).toEqual({ everyone: false, users: [], roles: [] });
    h.fake.deleteChannel(channel);
    await expect(h.adapter.notifyModerators?.(ref(channel), "again")).resolves.toBeUndefined();
  });

  it("reports CHANNEL_DELETE to onChannelGone", async () => {
    const channel = h.fake.addChannel(h.guild, "to-delete");
    h.fake.deleteChannel(channel);
    await h.fake.waitFor(() => h.gone.channels.includes(ref(channel)));
  });

  it("reports THREAD_DELETE to onChannelGone, even for a thread discord.js never cached", async () => {
    const parent = h.fake.addChannel(h.guild, "with-threads");
    const threadId = "100000000000009001";
    h.fake.deleteThread(parent, threadId);
    await h.fake.waitFor(() => h.gone.channels.includes(`discord:${h.guild.id}:${threadId}` as ChannelRef));
  });

  it("reports the bot leaving a server to onCommunityGone, but not an outage", async () => {
    const outage = h.fake.addGuild("Outage Server");
    const leaving = h.fake.addGuild("Leaving Server");
    const channel = h.fake.addChannel(leaving, "general");
    h.fake.outage(outage);
    h.fake.removeBot(leaving);
    await h.fake.waitFor(() => h.gone.communities.includes(`discord:${leaving.id}`));
    expect(h.gone.communities).not.toContain(`discord:${outage.id}`);
    expect(await h.adapter.send(ref(channel), post("left-1"))).toEqual({
      kind: "permanent",
      reason: "403 50001: Missing Access",
    });
  });
});
