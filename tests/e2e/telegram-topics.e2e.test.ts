/**
 * Telegram forum topics through the whole app (telegraf against the fake Bot API, long polling, the real
 * commands, database and delivery): a subscription belongs to the topic `/subscribe` was typed in, its
 * posts go there, and a deleted topic pauses it with a reason the subscriber is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../src/core/channel.ts";
import { createFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../fakes/telegram/updates.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

const ADMIN = 951;
let nextForum = -100_500_000_001;

describe("Telegram forum topics through the app", () => {
  let fake: FakeTelegram;
  let world: AppWorld;

  const send = (update: BuiltUpdate) => fake.handleByPolling(update);
  const subscriptionOf = (chat: number) =>
    world.app.repositories.subscriptions.findByChannel(channelRef(`telegram:${chat}`));
  function forum(): number {
    const id = nextForum--;
    fake.addChat({ id, type: "supergroup", title: `Forum ${id}`, is_forum: true });
    fake.setMember(id, ADMIN, "administrator");
    return id;
  }

  beforeAll(async () => {
    fake = await createFakeTelegram({ caps: false });
    fake.addUser({ id: ADMIN });
    fake.addChat({ id: ADMIN, type: "private" }, "member");
    world = await startAppWorld(
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      "2026-11-24T04:00:00Z",
    );
  });

  afterAll(async () => {
    await world?.close();
    await fake?.close();
  });

  it("keeps the topic /subscribe was typed in, answers there and posts there", async () => {
    const chat = forum();
    const topic = fake.native.openTopic(chat, "Political prisoners");
    await send(
      fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku", fake.native.topicExtra(topic)),
    );
    const answer = fake.sentTo(chat).at(-1);
    expect(answer?.text).toMatch(/Posts go to the topic this was typed in\./);
    expect(answer?.params.message_thread_id).toBe(topic);
    expect(await subscriptionOf(chat)).toMatchObject({ postOptions: { thread: String(topic) } });
    await world.delivery.runPass({ at: new Date("2026-11-24T05:00:20Z") });
    const post = fake.sentTo(chat).at(-1);
    expect(post?.text).toMatch(/Today's featured family/);
    expect(post?.params).toMatchObject({
      message_thread_id: topic,
      link_preview_options: { is_disabled: true },
    });
  });

  it("posts in the forum's General topic when /subscribe was typed there", async () => {
    const chat = forum();
    await send(fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku"));
    expect((await subscriptionOf(chat))?.postOptions.thread).toBeUndefined();
    await world.delivery.runPass({ at: new Date("2026-11-25T05:00:20Z") });
    expect(fake.sentTo(chat).at(-1)?.params).not.toHaveProperty("message_thread_id");
  });

  it("moves the posts to another topic when /subscribe is typed there", async () => {
    const chat = forum();
    const first = fake.native.openTopic(chat, "First");
    const second = fake.native.openTopic(chat, "Second");
    await send(
      fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku", fake.native.topicExtra(first)),
    );
    await send(fake.updates.message(chat, ADMIN, "/subscribe", fake.native.topicExtra(second)));
    expect((await subscriptionOf(chat))?.postOptions.thread).toBe(String(second));
  });

  it("announces a release in the subscription's topic; the post's edit keeps its link preview", async () => {
    const chat = forum();
    const topic = fake.native.openTopic(chat, "News");
    await send(
      fake.updates.message(
        chat,
        ADMIN,
        "/subscribe 09:00 Europe/Baku previews on",
        fake.native.topicExtra(topic),
      ),
    );
    await world.delivery.runPass({ at: new Date("2026-11-27T05:00:20Z") });
    const ref = channelRef(`telegram:${chat}`);
    const [row] = await world.app.repositories.deliveries.list({ channel: ref });
    const stored = await world.app.repositories.catalog.getProfile(row!.profileId!);
    const released = stored!.profile.detentions.map((d, i, all) =>
      i === all.length - 1
        ? {
            ...d,
            status: "released" as const,
            statusAsOf: "2026-11-28",
            release: { date: "2026-11-28", type: "served" as const },
          }
        : d,
    );
    const profiles = [{ ...stored!.profile, detentions: released }];
    await world.app.repositories.catalog.importBundle({ campaigns: [], profiles }, "cli:curator");
    await world.delivery.runPass({ at: new Date("2026-11-28T04:00:00Z") });
    const announcement = fake.sentTo(chat).find((m) => /was released on 28 November 2026/.test(m.text));
    expect(announcement?.params.message_thread_id).toBe(topic);
    const edit = fake.sentTo(chat).find((m) => m.method === "editMessageText");
    expect(edit?.params.link_preview_options).toEqual({ is_disabled: false });
  });

  it("pauses when its topic was deleted, saying so to the subscriber", async () => {
    const chat = forum();
    const topic = fake.native.openTopic(chat, "Soon gone");
    await send(
      fake.updates.message(chat, ADMIN, "/subscribe 09:00 Europe/Baku", fake.native.topicExtra(topic)),
    );
    fake.native.deleteTopic(chat, topic);
    await world.delivery.runPass({ at: new Date("2026-11-26T05:00:20Z") });
    expect(await subscriptionOf(chat)).toMatchObject({
      state: "paused",
      pausedReason: expect.stringMatching(/^the forum topic this subscription posts in was deleted/),
    });
    expect(fake.sentTo(ADMIN).at(-1)?.text).toMatch(
      /is paused: the forum topic this subscription posts in was deleted/,
    );
  });
});
