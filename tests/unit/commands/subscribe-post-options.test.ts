import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { createTestBot, textOf } from "./test-bot.ts";

// The post options in one shape on every platform: set by word, refused where the platform has none,
// kept when not named again, and said back by /subscribe alone.

const onDiscord = {
  moderator: true,
  platform: "discord",
  channel: "discord:100:200",
  community: "discord:100",
} as const;
const onTelegram = {
  moderator: true,
  platform: "telegram",
  channel: "telegram:-1001",
  community: "telegram:-1001",
} as const;

describe("/subscribe post options", () => {
  it("sets a role, silent posts and crossposting on Discord, and keeps them when not named again", async () => {
    const bot = await createTestBot();
    const reply = textOf(await bot.say("/subscribe mention <@&4242> silent on crosspost on", onDiscord));
    expect(reply).toContain("Role mentioned above each post: 4242; only that role is pinged.");
    expect(reply).toContain("Silent posts: on;");
    expect(reply).toContain("Publish to following servers: on");
    expect(reply).not.toContain("Link previews");
    const again = textOf(await bot.say("/subscribe", onDiscord));
    expect(again).toContain("Role mentioned above each post: 4242");
    const sub = await bot.repositories.subscriptions.findByChannel(channelRef("discord:100:200"));
    expect(sub?.postOptions).toEqual({
      mentionRole: "4242",
      silent: true,
      crosspost: true,
      linkPreviews: false,
    });
    await bot.say("/subscribe mention none silent off", onDiscord);
    const cleared = await bot.repositories.subscriptions.findByChannel(channelRef("discord:100:200"));
    expect(cleared?.postOptions).toEqual({ silent: false, crosspost: true, linkPreviews: false });
  });

  it("refuses an option the platform does not have, naming the ones it has, and stores nothing", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe crosspost on", onTelegram))).toContain(
      "“crosspost” is not available on Telegram. Options here: silent, previews.",
    );
    expect(textOf(await bot.say("/subscribe silent on", { moderator: true }))).toContain(
      "“silent” is not available on the console. No post options here.",
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("refuses a value that is not on or off, or not a role", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe silent maybe", onTelegram))).toContain(
      "After “silent”, write on or off (you wrote “maybe”).",
    );
    expect(textOf(await bot.say("/subscribe mention @everyone", onDiscord))).toContain(
      "After “mention”, choose a role or write none (you wrote “@everyone”).",
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("makes the topic it is typed in the posts' home, and the chat itself when typed outside one", async () => {
    const bot = await createTestBot();
    const reply = textOf(await bot.say("/subscribe previews on", { ...onTelegram, thread: "77" }));
    expect(reply).toContain("Posts go to the topic this was typed in.");
    expect(reply).toContain("Link previews under posts: on.");
    const chat = channelRef("telegram:-1001");
    expect((await bot.repositories.subscriptions.findByChannel(chat))?.postOptions.thread).toBe("77");
    expect(textOf(await bot.say("/subscribe", onTelegram))).not.toContain("topic");
    expect((await bot.repositories.subscriptions.findByChannel(chat))?.postOptions).toEqual({
      silent: false,
      crosspost: false,
      linkPreviews: true,
    });
  });

  it("is for moderators only", async () => {
    const bot = await createTestBot();
    const reply = textOf(await bot.say("/subscribe silent on", { ...onTelegram, moderator: false }));
    expect(reply).toMatch(/moderator/i);
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });
});
