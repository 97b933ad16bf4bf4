/**
 * A command answered during a paced fan-out, through the real telegraf against the fake Bot API, which
 * counts posts and answers against one global cap as Telegram does: the answer takes its place from the
 * posts' pacer, ahead of the posts already waiting, and nothing is refused with 429.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TelegramAdapter, createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { channelRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";
import { answerPace, pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import { createPacer } from "../../../src/delivery/pacer.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, sampleCard, sampleShare, testCommands, testDispatch } from "./harness.ts";

const CAP = 10;
const POSTS = 50;
/** Posts that may go between the command's update and its answer: telegraf fetching and handling it (1.5 s). */
const LATENCY_POSTS = 15;
const MEMBER = 601;
const ASKING_GROUP = -100_300_000;
const FIRST_POSTED = -100_310_000;

const post = (): OutboundPost => {
  const card = sampleCard();
  return { kind: "daily", intro: "Today's family", card, share: sampleShare(card), idempotencyKey: "k" };
};

describe("Telegram answers during a paced fan-out", () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  const logger = recordingLogger();
  const pacer = createPacer(paceLimits("telegram", CAP));

  beforeAll(async () => {
    // The fake holds the bot to CAP a second overall (a second's worth at once), counting every message.
    fake = await createFakeTelegram({ caps: { global: { burst: CAP, perSecond: CAP } } });
    fake.addUser({ id: MEMBER, first_name: "Member" });
    fake.addChat({ id: ASKING_GROUP, type: "supergroup", title: "Asking group" });
    fake.setMember(ASKING_GROUP, MEMBER, "member");
    for (let i = 0; i < POSTS; i++)
      fake.addChat({ id: FIRST_POSTED - i, type: "supergroup", title: `Subscribed ${i}` });
    adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      dispatch: testDispatch([sampleCard()]).dispatch,
      inlineResults: async () => [],
      commands: testCommands,
      logger,
      answerPace: answerPace(pacer),
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  it("sends the answer ahead of the posts waiting, and draws no 429", async () => {
    const paced = pacedAdapter(adapter, pacer);
    // Every post asks for its place at once, as a pass's workers keep the pacer's queue full.
    const fanOut = Promise.all(
      Array.from({ length: POSTS }, (_, i) => paced.send(channelRef(`telegram:${FIRST_POSTED - i}`), post())),
    );
    const isPost = (c: { method: string; params: Record<string, unknown> }) =>
      c.method === "sendMessage" && c.params.chat_id !== ASKING_GROUP;
    // A second's worth of posts gone: the cap is spent, and the rest wait in the pacer.
    await fake.waitForCall((c) => isPost(c) && fake.calls.filter(isPost).length >= CAP);

    const update = fake.updates.message(ASKING_GROUP, MEMBER, "/prisoner Məmmədova");
    const postsBefore = fake.calls.filter(isPost).length;
    fake.queueUpdate(update);
    const answer = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.params.chat_id === ASKING_GROUP,
      10_000,
    );

    const results = await fanOut;
    const postsAfter = fake.calls.slice(fake.calls.indexOf(answer)).filter(isPost).length;
    expect(answer.status).toBe(200);
    expect(answer.params.reply_parameters).toMatchObject({
      message_id: (update.message as { message_id: number }).message_id,
    });
    // The rest of the posts were all waiting for their places when the command came: served in turn, the
    // answer would have followed every one of them. It went ahead of most, whatever time telegraf took to
    // fetch and handle the update meanwhile.
    expect(postsBefore).toBeLessThanOrEqual(CAP + 1);
    expect(postsAfter).toBeGreaterThanOrEqual(POSTS - postsBefore - LATENCY_POSTS);
    expect(results.every((r) => r.kind === "sent")).toBe(true);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);
  });
});
