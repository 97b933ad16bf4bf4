/**
 * The moderator notice after a pause, through telegraf against the fake: a message in the admin's private
 * chat with the bot, which Telegram allows only once they started the bot and until they block it; one
 * try, and never a message in the chat the notice is about.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../../platforms/telegram/index.ts";
import { channelRef } from "../../../src/core/channel.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger } from "./harness.ts";

const GROUP = -100_400_001;
const STARTED = 801;
const NEVER_STARTED = 802;
const BLOCKED = 803;

let fake: FakeTelegram;
const sender = () =>
  createTelegramSender({ token: fake.token, apiRoot: fake.apiRoot, logger: recordingLogger() });
const notice = (userId: string, chat = GROUP) => ({
  userId,
  channel: channelRef(`telegram:${chat}`),
  text: "The daily post is paused: Forbidden: bot was kicked. <b>fix</b> it",
});
const callsSince = (before: number) => fake.calls.slice(before).map((c) => `${c.params.chat_id} ${c.status}`);

beforeAll(async () => {
  fake = await createFakeTelegram();
  for (const id of [STARTED, NEVER_STARTED, BLOCKED]) fake.addUser({ id });
  fake.addChat({ id: STARTED, type: "private" }, "member");
  fake.addChat({ id: BLOCKED, type: "private" }, "kicked");
  fake.addChat({ id: GROUP, type: "supergroup", title: "Group" }, "kicked");
});
afterAll(() => fake.close());

describe("telegram private notice", () => {
  it("writes to an admin who started the bot, as plain text, never showing the chat's id", async () => {
    const before = fake.calls.length;
    expect(await sender().notifyModerator(notice(String(STARTED)))).toEqual({ delivered: true });
    expect(callsSince(before)).toEqual([`${STARTED} 200`]);
    expect(fake.sentTo(STARTED).map((m) => m.text)).toEqual([
      "🔔 About a chat you subscribed to the daily post: The daily post is paused: Forbidden: bot was kicked. <b>fix</b> it",
    ]);
  });

  it.each([
    [NEVER_STARTED, "Forbidden: bot can't initiate conversation with a user"],
    [BLOCKED, "Forbidden: bot was blocked by the user"],
  ])("reports what Telegram answers for user %i after one call", async (userId, reason) => {
    const before = fake.calls.length;
    expect(await sender().notifyModerator(notice(String(userId)))).toEqual({ delivered: false, reason });
    expect(callsSince(before)).toEqual([`${userId} 403`]);
  });

  it("calls nothing for a chat that spoke for itself, or a private chat that is the failed chat", async () => {
    const before = fake.calls.length;
    expect(await sender().notifyModerator(notice(String(GROUP)))).toEqual({
      delivered: false,
      reason: `not a Telegram user: ${GROUP} (an anonymous admin or a channel)`,
    });
    expect(await sender().notifyModerator(notice(String(STARTED), STARTED))).toEqual({
      delivered: false,
      reason: "the private chat is the chat that failed",
    });
    expect(fake.calls).toHaveLength(before);
  });
});
