/**
 * Telegram through the whole app: the real commands, database and delivery core, telegraf against the
 * fake Bot API, in long-polling and webhook mode. What a group admin and members see, and what a daily
 * pass posts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramAdapter } from "../../platforms/telegram/index.ts";
import { channelRef } from "../../src/core/channel.ts";
import { countByKind } from "../../src/delivery/report.ts";
import { createFakeTelegram, type FakeTelegram, faults } from "../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../fakes/telegram/updates.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

const MEMBER = 701;
const ADMIN = 702;
/** A member whose Telegram app runs in Persian. */
const PERSIAN = 703;

describe.each(["polling", "webhook"] as const)("Telegram through the app (%s)", (mode) => {
  let fake: FakeTelegram;
  let world: AppWorld;
  let nextChat = -100_200_000;
  /** Chats the tests break on purpose (kicked, migrated): Telegram refusing calls to them is expected. */
  const broken = new Set<number>();

  async function send(update: BuiltUpdate) {
    if (mode === "webhook") {
      const port = (world.adapters[0] as TelegramAdapter).webhookPort();
      const answer = await fake.postToWebhook(`http://127.0.0.1:${port}`, update);
      expect(answer.status).toBe(200);
      return;
    }
    fake.queueUpdate(update);
    await fake.waitForPoll(update.update_id + 1, 10_000);
  }

  function group(): number {
    const id = nextChat--;
    fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
    fake.setMember(id, MEMBER, "member");
    fake.setMember(id, ADMIN, "administrator");
    return id;
  }

  async function subscribedGroup(): Promise<number> {
    const chat = group();
    await send(fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku"));
    return chat;
  }

  beforeAll(async () => {
    fake = await createFakeTelegram();
    for (const id of [MEMBER, ADMIN]) fake.addUser({ id });
    fake.addUser({ id: PERSIAN, language_code: "fa" });
    // The admin has started the bot, so it may write to them in private.
    fake.addChat({ id: ADMIN, type: "private" }, "member");
    const env: Record<string, string> = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    if (mode === "webhook") {
      Object.assign(env, {
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/hook",
        TELEGRAM_WEBHOOK_SECRET: "app-e2e-secret",
        TELEGRAM_WEBHOOK_PORT: "0",
      });
    }
    world = await startAppWorld(env, "2026-11-24T04:00:00Z");
  });

  afterAll(async () => {
    await world?.close();
    await fake?.close();
    const unexpected = fake.rejections().filter((r) => !broken.has(Number(r.params.chat_id)));
    expect(unexpected).toEqual([]);
  });

  it("answers a member's /prisoner Məmmədov with the card", async () => {
    const chat = group();
    await send(fake.updates.message(chat, MEMBER, "/prisoner Məmmədov"));
    const [card] = fake.sentTo(chat);
    expect(card?.text).toContain("Ilgar Mammadov");
    expect(card?.text).toMatch(/Status as of/);
  });

  it("answers /help in Persian to a member whose Telegram is in Persian, in a group with no language", async () => {
    const chat = group();
    fake.setMember(chat, PERSIAN, "member");
    await send(fake.updates.message(chat, PERSIAN, "/help"));
    const help = fake.sentTo(chat).at(-1)?.text ?? "";
    expect(help).toContain("این بات خانواده‌های زندانیان سیاسی را در معرض دید نگه می‌دارد");
    expect(help).toContain("فرمان‌ها:");
    expect(help).toContain("جست‌وجوی زندانی عقیدتی و خانواده‌اش با نام");
    expect(help).toContain("<نام>");
    expect(help).not.toContain("Commands:");
    // The English-speaking member in the same group still reads English.
    await send(fake.updates.message(chat, MEMBER, "/help"));
    expect(fake.sentTo(chat).at(-1)?.text).toContain("Commands:");
  });

  it("refuses a member's /subscribe and stores nothing; an admin's works", async () => {
    const chat = group();
    await send(fake.updates.message(chat, MEMBER, "/subscribe 09:00 Europe/Baku"));
    expect(fake.sentTo(chat).at(-1)?.text).toMatch(/moderator/i);
    const ref = channelRef(`telegram:${chat}`);
    expect(await world.app.repositories.subscriptions.findByChannel(ref)).toBeUndefined();
    await send(fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku"));
    expect(fake.sentTo(chat).at(-1)?.text).toMatch(/Subscribed/);
    expect(await world.app.repositories.subscriptions.findByChannel(ref)).toMatchObject({
      state: "active",
      timezone: "Asia/Baku",
    });
  });

  it("posts the day's family once per group: a second pass posts nothing; a 429 is waited out", async () => {
    const quiet = await subscribedGroup();
    const limited = await subscribedGroup();
    const postsIn = (chat: number) => fake.sentTo(chat).length;
    const counts = [postsIn(quiet), postsIn(limited)];
    fake.failNext("sendMessage", faults.tooManyRequests(1));
    const at = new Date("2026-11-24T05:00:20Z");
    const first = await world.delivery.runPass({ at, settleWithinMs: 10_000 });
    expect(countByKind(first).sent).toBeGreaterThanOrEqual(2);
    await world.delivery.runPass({ at: new Date("2026-11-24T05:01:20Z") });
    expect(postsIn(quiet) - counts[0]!).toBe(1);
    expect(postsIn(limited) - counts[1]!).toBe(1);
    expect(fake.sentTo(quiet).at(-1)?.text).toMatch(/Today's featured family/);
  });

  it("pauses the subscription of a group that kicked the bot, and tells the admin who subscribed it", async () => {
    const chat = await subscribedGroup();
    fake.setBotStatus(chat, "kicked");
    broken.add(chat);
    const calls = fake.calls.length;
    await world.delivery.runPass({ at: new Date("2026-11-25T05:00:20Z") });
    // One try in the group; the notice goes to the admin's private chat, never back into the group.
    expect(fake.calls.slice(calls).filter((c) => c.params.chat_id === chat)).toHaveLength(1);
    expect(fake.sentTo(ADMIN).at(-1)?.text).toMatch(
      /^🔔 About a chat you subscribed to the daily post: The daily post at \d\d:\d\d \(.+\) that you set up there on .* is paused: .*kicked/,
    );
    const subscription = await world.app.repositories.subscriptions.findByChannel(
      channelRef(`telegram:${chat}`),
    );
    expect(subscription).toMatchObject({
      state: "paused",
      pausedReason: expect.stringMatching(/kicked|Forbidden/),
    });
  });

  it("keeps a migrated group's subscription under the supergroup's id and posts there once", async () => {
    const chat = await subscribedGroup();
    const upgraded = chat - 9_000_000;
    fake.migrate(chat, upgraded);
    broken.add(chat);
    await world.delivery.runPass({ at: new Date("2026-11-26T05:00:20Z") });
    await world.delivery.runPass({ at: new Date("2026-11-26T05:01:20Z") });
    expect(fake.sentTo(upgraded)).toHaveLength(1);
    const moved = await world.app.repositories.subscriptions.findByChannel(
      channelRef(`telegram:${upgraded}`),
    );
    expect(moved).toMatchObject({ state: "active" });
  });
});
