/**
 * Telegram where channels and topics live, through the whole app (telegraf against the fake Bot API, long
 * polling, the real commands, database and delivery): a channel subscribed by a channel post or from a
 * private chat with the bot (both it and the person checked as the channel's admins); the bot's own
 * demotion, removal and return (`my_chat_member`) pausing and resuming only what they paused; silent posts
 * and link previews.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../src/core/channel.ts";
import { createFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../fakes/telegram/updates.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

const ADMIN = 901;
const MEMBER = 902;
let nextChannel = -100_300_000_001;

describe("Telegram channels through the app", () => {
  let fake: FakeTelegram;
  let world: AppWorld;

  const send = (update: BuiltUpdate) => fake.handleByPolling(update);
  const subscriptionOf = (chat: number) =>
    world.app.repositories.subscriptions.findByChannel(channelRef(`telegram:${chat}`));
  /** A channel with the bot as an administrator (allowed to post unless `canPost` is false). */
  function channel(username?: string, canPost = true): number {
    const id = nextChannel--;
    fake.addChat({ id, type: "channel", title: `Channel ${id}`, ...(username ? { username } : {}) });
    fake.world.state.chat(id).botRights = { can_post_messages: canPost };
    fake.setMember(id, ADMIN, "administrator");
    fake.setMember(id, MEMBER, "member");
    return id;
  }
  /** What the bot last said to a person in private after they wrote `text` to it. */
  async function privately(user: number, text: string): Promise<string> {
    await send(fake.updates.message(user, user, text));
    return fake.sentTo(user).at(-1)?.text ?? "";
  }

  beforeAll(async () => {
    // No flood control: a person's private chat gets several answers and notices within a second here.
    fake = await createFakeTelegram({ caps: false });
    for (const id of [ADMIN, MEMBER]) {
      fake.addUser({ id });
      fake.addChat({ id, type: "private" }, "member");
    }
    world = await startAppWorld(
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      "2026-11-24T04:00:00Z",
    );
  });

  afterAll(async () => {
    await world?.close();
    await fake?.close();
  });

  it("subscribes a channel by a channel post, an admin's by definition, and posts there silently", async () => {
    const id = channel();
    await send(fake.updates.channelPost(id, "/subscribe 09:00 Europe/Baku silent on", "Leyla"));
    expect(fake.sentTo(id).at(-1)?.text).toMatch(/^✅ Subscribed: this channel .*\nSilent posts: on/s);
    expect(await subscriptionOf(id)).toMatchObject({
      state: "active",
      createdBy: `telegram:${id}`,
      postOptions: { silent: true, linkPreviews: false },
    });
    await world.delivery.runPass({ at: new Date("2026-11-24T05:00:20Z") });
    const post = fake.sentTo(id).at(-1);
    expect(post?.text).toMatch(/Today's featured family/);
    expect(post?.params).toMatchObject({
      disable_notification: true,
      link_preview_options: { is_disabled: true },
    });
  });

  it("subscribes a channel from a private chat once both the bot and the person are its admins", async () => {
    const id = channel("families_daily");
    const answer = await privately(ADMIN, "/subscribe @families_daily 09:00 Europe/Baku previews on");
    // "@" is followed by a word joiner in everything the bot writes, so that nothing mentions anyone.
    expect(answer).toMatch(/^✅ Channel @\u2060families_daily:\nSubscribed: this channel gets/);
    expect(await subscriptionOf(id)).toMatchObject({
      state: "active",
      createdBy: `telegram:${ADMIN}`,
      postOptions: { silent: false, linkPreviews: true },
    });
    // By its id too; the private chat itself is not subscribed.
    const other = channel();
    expect(await privately(ADMIN, `/subscribe ${other} 10:00 Europe/Baku`)).toMatch(/^✅ Channel -100/);
    expect(await subscriptionOf(other)).toMatchObject({ postTime: "10:00" });
    expect(await subscriptionOf(ADMIN)).toBeUndefined();
    // The other moderator commands name the channel the same way.
    expect(await privately(ADMIN, "/schedule @families_daily list")).toMatch(
      /^Channel @\u2060families_daily:\n/,
    );
    await world.delivery.runPass({ at: new Date("2026-11-25T05:00:20Z") });
    const post = fake.sentTo(id).at(-1);
    expect(post?.params).toMatchObject({ link_preview_options: { is_disabled: false } });
    expect(post?.params).not.toHaveProperty("disable_notification");
  });

  it("refuses, saying why, and subscribes nothing", async () => {
    const mine = channel("not_for_members");
    channel("no_post_right", false);
    const notAdmin = channel("bot_not_admin");
    fake.setBotStatus(notAdmin, "left");
    fake.addChat({ id: -100_399_000_001, type: "supergroup", title: "A group", username: "a_group_chat" });
    const cases: Array<[number, string, RegExp]> = [
      [MEMBER, "/subscribe @not_for_members", /Only the administrators of @\u2060not_for_members can do/],
      [ADMIN, "/subscribe @no_post_right", /may not post messages there\. Turn on “Post messages”/],
      [ADMIN, "/subscribe @bot_not_admin", /I am not an administrator of @\u2060bot_not_admin/],
      [ADMIN, "/subscribe @nowhere_at_all", /I can't find the channel @\u2060nowhere_at_all/],
      [ADMIN, "/subscribe @a_group_chat", /@\u2060a_group_chat is not a channel/],
      [MEMBER, "/unsubscribe @not_for_members", /Only the administrators of @\u2060not_for_members/],
    ];
    for (const [user, text, expected] of cases) expect(await privately(user, text)).toMatch(expected);
    expect(await subscriptionOf(mine)).toBeUndefined();
    expect(await subscriptionOf(MEMBER)).toBeUndefined();
  });

  it("pauses when the bot loses its post right, tells the subscriber once, and resumes when it is back", async () => {
    const id = channel("paused_and_back");
    await privately(ADMIN, "/subscribe @paused_and_back 09:00 Europe/Baku");
    const told = () => fake.sentTo(ADMIN).length;
    const before = told();
    await send(fake.native.myChatMember(id, ADMIN, "administrator", { can_post_messages: false }));
    expect(await subscriptionOf(id)).toMatchObject({
      state: "paused",
      pausedReason: "the bot's right to post messages in the channel was turned off",
    });
    expect(fake.sentTo(ADMIN).at(-1)?.text).toMatch(/is paused: .*It resumes by itself/);
    // Removed altogether: already paused, nobody told twice.
    await send(fake.native.myChatMember(id, ADMIN, "left"));
    expect(told()).toBe(before + 1);
    await send(fake.native.myChatMember(id, ADMIN, "administrator", { can_post_messages: true }));
    expect(await subscriptionOf(id)).toMatchObject({ state: "active" });
    expect(fake.sentTo(ADMIN).at(-1)?.text).toMatch(/resumes: the bot may post there again\. Next post:/);
    expect(told()).toBe(before + 2);
  });

  it("tells the admin who adds the bot to a channel with no subscription how to subscribe it", async () => {
    const id = channel("newly_added");
    fake.setBotStatus(id, "left");
    await send(fake.native.myChatMember(id, ADMIN, "administrator", { can_post_messages: true }));
    expect(fake.sentTo(ADMIN).at(-1)?.text).toBe(
      "I can post in @\u2060newly_added now. To post the daily featured family there, send me here: /subscribe @\u2060newly_added 09:00 Europe/Baku (with your time and time zone), or post /subscribe in the channel.",
    );
    expect(await subscriptionOf(id)).toBeUndefined();
  });

  it("never resumes a subscription paused for another reason", async () => {
    const id = channel();
    await send(fake.updates.channelPost(id, "/subscribe 09:00 Europe/Baku"));
    const ref = channelRef(`telegram:${id}`);
    await world.app.repositories.subscriptions.pause(ref, {
      reason: "paused in the staff panel",
      actor: "x",
    });
    await send(fake.native.myChatMember(id, ADMIN, "left"));
    await send(fake.native.myChatMember(id, ADMIN, "administrator", { can_post_messages: true }));
    expect(await subscriptionOf(id)).toMatchObject({
      state: "paused",
      pausedReason: "paused in the staff panel",
    });
  });
});
