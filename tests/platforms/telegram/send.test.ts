/**
 * Scheduled-post delivery through telegraf against the fake: one message per post, and every answer
 * Telegram can give mapped to sent / transient / uncertain / permanent / rejected / moved, with no retry
 * behind the ledger's back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { createTelegramAdapter, createTelegramSender } from "../../../platforms/telegram/index.ts";
import { type FakeTelegram, createFakeTelegram, faults } from "../../fakes/telegram/index.ts";
import { recordingLogger, sampleCard, sampleShare, testCommands, testDispatch } from "./harness.ts";

const post = (card = sampleCard()): OutboundPost => ({
  kind: "daily",
  intro: "Today's featured family",
  card,
  share: sampleShare(card),
  idempotencyKey: "sub1:2024-03-01",
});
const ref = (chatId: number) => channelRef(`telegram:${chatId}`);

describe("Telegram delivery", () => {
  let fake: FakeTelegram;
  let nextChat = -100_200_000;
  const logger = recordingLogger();
  const send = (chatId: number, p = post()) =>
    createTelegramSender({ token: fake.token, apiRoot: fake.apiRoot, logger, timeoutMs: 300 }).send(
      ref(chatId),
      p,
    );
  const chat = (
    type: "group" | "supergroup" | "channel" | "private" = "supergroup",
    botStatus?: "administrator" | "member" | "kicked" | "restricted",
  ) => {
    const id = type === "private" ? 600 + nextChat-- + 100_200_000 : nextChat--;
    if (type === "private") fake.addUser({ id });
    fake.addChat({ id, type, title: `Chat ${id}` }, botStatus);
    return id;
  };

  beforeAll(async () => {
    fake = await createFakeTelegram();
  });
  afterAll(() => fake.close());

  it("posts the card once, as one message within Telegram's limits", async () => {
    const id = chat();
    const result = await send(id);
    const [message, ...more] = fake.sentTo(id);
    expect(result).toEqual({
      kind: "sent",
      messageId: String(message?.messageId),
      messageRef: { channelId: String(id), messageId: String(message?.messageId) },
    });
    expect(more).toEqual([]);
    expect(message?.text).toMatch(/^Today's featured family\n\nAynur Məmmədova/);
    expect(message?.params.link_preview_options).toEqual({ is_disabled: true });
  });

  it("shortens a huge card into a single message instead of splitting a post", async () => {
    const id = chat();
    const card = sampleCard({ summary: "Long. ".repeat(900), familyStory: "Story 👩‍👧 ".repeat(800) });
    expect(await send(id, post(card))).toMatchObject({ kind: "sent" });
    const [message, ...more] = fake.sentTo(id);
    expect(more).toEqual([]);
    expect(message!.text.length).toBeLessThanOrEqual(4096);
    expect(message!.text).toContain("…");
    expect(message!.text).toContain("#FreeToBeHome"); // the footer survives; the prose was shortened
    expect(fake.rejections()).toEqual([]);
  });

  it("reports flood control as transient with retry_after, without retrying", async () => {
    const id = chat("group");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await send(id)); // the per-chat burst is 3
    expect(results.map((r) => r.kind)).toEqual(["sent", "sent", "sent", "transient"]);
    expect(results[3]).toMatchObject({ retryAfterMs: 1000 });
    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === id)).toHaveLength(4);

    const other = chat();
    fake.failNext("sendMessage", faults.tooManyRequests(7));
    expect(await send(other)).toEqual({
      kind: "transient",
      reason: "Too Many Requests: retry after 7",
      retryAfterMs: 7000,
    });
  });

  it.each([
    [
      "kicked from a supergroup",
      () => chat("supergroup", "kicked"),
      "Forbidden: bot was kicked from the supergroup chat",
    ],
    ["blocked by a user", () => chat("private", "kicked"), "Forbidden: bot was blocked by the user"],
    [
      "not an admin of a channel",
      () => chat("channel", "member"),
      "Bad Request: need administrator rights in the channel chat",
    ],
    [
      "restricted in a group",
      () => chat("group", "restricted"),
      "Bad Request: not enough rights to send text messages to the chat",
    ],
    ["an unknown chat", () => -999, "Bad Request: chat not found"],
  ])("reports being %s as permanent", async (_, make, reason) => {
    expect(await send(make())).toEqual({ kind: "permanent", reason });
  });

  it.each([
    ["CHAT_WRITE_FORBIDDEN", faults.badRequest("CHAT_WRITE_FORBIDDEN")],
    [
      "no rights",
      { kind: "error", status: 403, description: "Forbidden: have no rights to send a message" } as const,
    ],
    ["kicked (injected)", faults.kicked()],
    ["PEER_ID_INVALID", faults.badRequest("PEER_ID_INVALID")],
    [
      "a deleted group",
      { kind: "error", status: 403, description: "Forbidden: the group chat was deleted" } as const,
    ],
  ])("maps %s to permanent", async (_, fault) => {
    const id = chat();
    fake.failNext("sendMessage", fault);
    expect(await send(id)).toMatchObject({ kind: "permanent" });
  });

  // Telegram refusing the message we built is our bug: pausing would hit every subscription at once.
  it.each([
    'can\'t parse entities: Unsupported start tag "x" at byte offset 12',
    "message is too long",
    "BUTTON_URL_INVALID",
    "wrong HTTP URL",
    "wrong file identifier/HTTP URL specified",
  ])("reports a refused message (%s) as rejected, not permanent", async (what) => {
    const id = chat();
    fake.failNext("sendMessage", faults.badRequest(what));
    expect(await send(id)).toEqual({
      kind: "rejected",
      reason: `rejected by Telegram: Bad Request: ${what}`,
    });
  });

  it("follows a group upgraded to a supergroup", async () => {
    const old = chat("group");
    fake.migrate(old, -100_999_001);
    expect(await send(old)).toEqual({ kind: "moved", to: "telegram:-100999001" });
    expect(await send(-100_999_001)).toMatchObject({ kind: "sent" });
    fake.failNext("sendMessage", faults.migrate(-100_999_002));
    expect(await send(chat("group"))).toEqual({ kind: "moved", to: "telegram:-100999002" });
  });

  it.each([
    ["a 500", faults.serverError(500), /server error 500/],
    ["a 502", faults.serverError(502), /server error 502/],
    ["a dropped connection", faults.drop(), /network error/],
    ["no answer in time", faults.slow(1_000), /timed out/],
  ])("reports %s as uncertain: the message may have been posted", async (_, fault, reason) => {
    const id = chat();
    fake.failNext("sendMessage", fault);
    const result = await send(id);
    expect(result).toMatchObject({ kind: "uncertain", reason: expect.stringMatching(reason) });
  });

  it("reports a refused connection as transient: nothing can have been posted", async () => {
    const sender = createTelegramSender({ token: fake.token, apiRoot: "http://127.0.0.1:1", logger });
    expect(await sender.send(channelRef(`telegram:${chat()}`), post())).toMatchObject({
      kind: "transient",
      reason: expect.stringMatching(/network error/),
    });
  });

  it("refuses a reference of another platform without calling Telegram", async () => {
    const before = fake.calls.length;
    const sender = createTelegramSender({ token: fake.token, apiRoot: fake.apiRoot, logger });
    expect(await sender.send(channelRef("slack:T1:C2"), post())).toMatchObject({ kind: "permanent" });
    expect(fake.calls.length).toBe(before);
  });

  it("notifies moderators in the chat and never throws when it can't", async () => {
    const harness = testDispatch([]);
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      commands: testCommands,
      logger,
      ...harness,
    });
    expect(adapter.afterUncertainSend).toBe("record-uncertain");
    const id = chat();
    await adapter.notifyModerators(ref(id), "The daily post here is paused: <reason> & more");
    expect(fake.sentTo(id).map((m) => m.text)).toEqual(["🔔 The daily post here is paused: <reason> & more"]);
    await expect(adapter.notifyModerators(ref(chat("group", "kicked")), "x")).resolves.toBeUndefined();
  });
});

describe("Telegram fan-out against flood control", () => {
  it("counts messages per chat and 429s at the global cap", async () => {
    // A frozen clock: no token comes back during the burst, so exactly the burst gets through.
    const fake = await createFakeTelegram({ caps: { global: { burst: 30, perSecond: 30 } }, now: () => 0 });
    try {
      const ids = Array.from({ length: 40 }, (_, i) => -100_300_000 - i);
      for (const id of ids) fake.addChat({ id, type: "supergroup", title: `g${id}` });
      const sender = createTelegramSender({
        token: fake.token,
        apiRoot: fake.apiRoot,
        logger: recordingLogger(),
      });
      const results = await Promise.all(ids.map((id) => sender.send(ref(id), post())));
      const stats = fake.stats();
      expect(results.filter((r) => r.kind === "sent")).toHaveLength(stats.messages);
      expect(stats.rateLimited).toBe(results.filter((r) => r.kind === "transient").length);
      expect(stats).toMatchObject({ messages: 30, rateLimited: 10, injected429: 0 });
      expect([...stats.messagesByChat.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
