/**
 * The webhook server in front of telegraf: a registered URL with a query string, bodies whose UTF-8
 * characters arrive split across TCP chunks, and the limits on what it reads before handling anything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TelegramAdapter, createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import { callWebhook } from "../../fakes/telegram/webhook-client.ts";
import { recordingLogger, sampleCard, testCommands, testDispatch } from "./harness.ts";

const MEMBER = 501;
const HOOK_URL = "https://bot.example.org/telegram/hook?bot=ftbh&v=2";
const SECRET = "s3cret_T0ken-x";

describe("Telegram webhook server", () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  let nextChat = -100_400_000;
  const logger = recordingLogger();
  const harness = testDispatch([sampleCard()]);
  const origin = () => `http://127.0.0.1:${adapter.webhookPort()}`;

  function group(): number {
    const id = nextChat--;
    fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
    fake.setMember(id, MEMBER, "member");
    return id;
  }

  beforeAll(async () => {
    fake = await createFakeTelegram();
    fake.addUser({ id: MEMBER });
    adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhook: { url: HOOK_URL, secret: SECRET, port: 0 },
      dispatch: harness.dispatch,
      inlineResults: harness.inlineResults,
      commands: testCommands,
      logger,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    expect(fake.rejections()).toEqual([]);
    expect(logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("serves a URL with a query string: Telegram calls the path and the query", async () => {
    expect(fake.world.webhook?.url).toBe(HOOK_URL);
    const chat = group();
    const update = fake.updates.message(chat, MEMBER, "/prisoner Mammadova");
    expect((await fake.postToWebhook(origin(), update)).status).toBe(200);
    expect(fake.sentTo(chat).map((m) => m.text)).toEqual([expect.stringContaining("Aynur Məmmədova")]);
  });

  it("refuses the path without its query, another method, or a wrong secret, handling nothing", async () => {
    const chat = group();
    const before = harness.invocations.length;
    const body = JSON.stringify(fake.updates.message(chat, MEMBER, "/prisoner Mammadova"));
    const post = (url: string, secret: string | null) =>
      callWebhook({ url: new URL(url, origin()), secret, body, delivery: "whole" });
    expect((await post("/telegram/hook", SECRET)).status).toBe(403);
    expect((await post("/telegram/hook?bot=ftbh", SECRET)).status).toBe(403);
    expect((await post("/telegram/hook?bot=ftbh&v=2", "wrong")).status).toBe(403);
    expect((await post("/telegram/hook?bot=ftbh&v=2", null)).status).toBe(403);
    const get = await fetch(new URL("/telegram/hook?bot=ftbh&v=2", origin()), {
      headers: { "x-telegram-bot-api-secret-token": SECRET },
    });
    expect(get.status).toBe(403);
    expect(harness.invocations.length).toBe(before);
    expect(fake.sentTo(chat)).toEqual([]);
  });

  it("decodes a body whose multi-byte character is split across two chunks", async () => {
    const chat = group();
    const update = fake.updates.message(chat, MEMBER, "/prisoner Məmmədov");
    const { status } = await fake.postToWebhook(origin(), update, { delivery: "split-inside-character" });
    expect(status).toBe(200);
    expect(harness.invocations.at(-1)?.text).toBe("Məmmədov");
    expect(fake.sentTo(chat).map((m) => m.text)).toEqual([expect.stringContaining("Aynur Məmmədova")]);
  });

  it("answers 413 to a body over 1 MB, declared or streamed, and handles nothing", async () => {
    const chat = group();
    const before = harness.invocations.length;
    const huge = fake.updates.message(chat, MEMBER, `/prisoner ${"ə".repeat(600_000)}`);
    expect((await fake.postToWebhook(origin(), huge)).status).toBe(413);
    expect((await fake.postToWebhook(origin(), huge, { delivery: "chunked" })).status).toBe(413);
    expect(harness.invocations.length).toBe(before);
    expect(fake.sentTo(chat)).toEqual([]);
    // The server is still there for the next update.
    const next = fake.updates.message(chat, MEMBER, "/help");
    expect((await fake.postToWebhook(origin(), next)).status).toBe(200);
  });

  it("answers 415 to a body that isn't JSON", async () => {
    const url = new URL("/telegram/hook?bot=ftbh&v=2", origin());
    const res = await callWebhook({ url, secret: SECRET, body: "{not json", delivery: "whole" });
    expect(res.status).toBe(415);
  });
});
