/**
 * A subscription's post options on Telegram, through telegraf against the fake: its forum topic
 * (`message_thread_id`), silent posts (`disable_notification`) and link previews (off unless asked) on
 * the daily post, the release announcement and the moderators' notice; a deleted topic is a permanent
 * failure with a reason that says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../../platforms/telegram/index.ts";
import { placementOf } from "../../../platforms/telegram/render-options.ts";
import { TOPIC_GONE_REASON } from "../../../platforms/telegram/send-errors.ts";
import { channelRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { DEFAULT_POST_OPTIONS, type PostOptions } from "../../../src/core/post-options.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, sampleCard, sampleShare } from "./harness.ts";

const FORUM = -100_700_000_001;
const options = (more: Partial<PostOptions>): PostOptions => ({ ...DEFAULT_POST_OPTIONS, ...more });
const post = (more: Partial<PostOptions> = {}): OutboundPost => {
  const card = sampleCard();
  return {
    kind: "daily",
    intro: "Today's featured family",
    card,
    share: sampleShare(card),
    idempotencyKey: "sub1:2026-11-24",
    options: options(more),
  };
};

describe("Telegram post options", () => {
  let fake: FakeTelegram;
  let topic: number;
  const logger = recordingLogger();
  const sender = () =>
    createTelegramSender({ token: fake.token, apiRoot: fake.apiRoot, logger, timeoutMs: 1000 });
  const forum = channelRef(`telegram:${FORUM}`);

  beforeAll(async () => {
    fake = await createFakeTelegram({ caps: false });
    fake.addChat({ id: FORUM, type: "supergroup", title: "Forum", is_forum: true });
    topic = fake.native.openTopic(FORUM, "Daily");
  });
  afterAll(() => fake.close());

  it("posts in the topic, silently when asked, with previews off unless asked", async () => {
    expect(await sender().send(forum, post({ thread: String(topic), silent: true }))).toMatchObject({
      kind: "sent",
    });
    expect(fake.sentTo(FORUM).at(-1)?.params).toMatchObject({
      message_thread_id: topic,
      disable_notification: true,
      link_preview_options: { is_disabled: true },
    });
    await sender().send(forum, post({ linkPreviews: true }));
    const plain = fake.sentTo(FORUM).at(-1)?.params;
    expect(plain).toMatchObject({ link_preview_options: { is_disabled: false } });
    expect(plain).not.toHaveProperty("message_thread_id");
    expect(plain).not.toHaveProperty("disable_notification");
  });

  it("announces and notifies where the posts go", async () => {
    const where = options({ thread: String(topic), silent: true });
    const item = {
      text: "Released today.",
      url: "https://news.example.org/r",
      idempotencyKey: "a1",
      options: where,
    };
    expect(await sender().announce(forum, item)).toMatchObject({ kind: "sent" });
    expect(fake.sentTo(FORUM).at(-1)?.params).toMatchObject({
      message_thread_id: topic,
      disable_notification: true,
    });
    await sender().notifyModerators(forum, "A spotlight was cancelled.", "en", where);
    const notice = fake.sentTo(FORUM).at(-1);
    expect(notice?.text).toBe("🔔 A spotlight was cancelled.");
    expect(notice?.params.message_thread_id).toBe(topic);
  });

  it("reads a deleted topic as permanent, saying so", async () => {
    const gone = fake.native.openTopic(FORUM, "Gone");
    fake.native.deleteTopic(FORUM, gone);
    expect(await sender().send(forum, post({ thread: String(gone) }))).toEqual({
      kind: "permanent",
      reason: TOPIC_GONE_REASON,
    });
  });

  it("leaves out a thread that is no topic id", () => {
    expect(placementOf(options({ thread: "0" }))).toEqual({});
    expect(placementOf(options({ thread: "12abc" }))).toEqual({});
    expect(placementOf(undefined)).toEqual({});
    expect(placementOf(options({ thread: "42" }))).toEqual({ message_thread_id: 42 });
  });
});
