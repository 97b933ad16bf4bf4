/**
 * The moderator notice after a pause, through the real @discordjs/rest against the fake: a DM opened with
 * `POST /users/@me/channels`, one message in it, never one in the channel the notice is about, and one
 * try whatever Discord answers (each refusal counts towards its invalid-request ban).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../platforms/discord/index.ts";
import type { ChannelRef } from "../../../src/core/channel.ts";
import {
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  Permission,
  startFakeDiscord,
} from "../../fakes/discord/index.ts";
import { memoryLogger, testCommands } from "./fixtures.ts";

let fake: FakeDiscord;
let guild: FakeGuild;
let adapter: DiscordAdapter;
beforeAll(async () => {
  fake = await startFakeDiscord();
  guild = fake.addGuild("Free Them All");
  // REST only, as `deliver` runs it: no gateway needed to post or to DM.
  adapter = createDiscordAdapter({
    token: fake.token,
    apiUrl: fake.apiUrl,
    dispatch: async () => ({ kind: "text", tone: "info", visibility: "private", text: "-" }),
    autocomplete: async () => [],
    commands: testCommands,
    logger: memoryLogger(),
  });
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

const ref = (channel: FakeChannel) => `discord:${channel.guildId}:${channel.id}` as ChannelRef;
const notice = (userId: string, channel: FakeChannel) => ({
  userId,
  channel: ref(channel),
  text: "The daily post is paused: 403 50013: Missing Permissions. @everyone **fix** it",
});
const since = (before: number) =>
  fake.state.requests
    .slice(before)
    .map((r) => `${r.method} ${r.path.replace(/\d{17,20}/g, ":id")} ${r.status}`);

describe("discord private notice", () => {
  it("opens a DM with the moderator and posts once there, naming the channel, pinging no one", async () => {
    const moderator = fake.addMember(guild, "mod", Permission.ManageChannels);
    const channel = fake.addChannel(guild, "dead");
    const before = fake.state.requests.length;
    expect(await adapter.notifyModerator?.(notice(moderator.id, channel))).toEqual({ delivered: true });
    expect(since(before)).toEqual(["POST /users/@me/channels 200", "POST /channels/:id/messages 200"]);
    const [message, ...more] = fake.messagesIn(fake.dmChannelWith(moderator)!);
    expect(more).toEqual([]);
    expect(message?.json.content).toBe(
      `About <#${channel.id}>:\nThe daily post is paused: 403 50013: Missing Permissions. @\u200beveryone \\*\\*fix\\*\\* it`,
    );
    expect(message?.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.messagesIn(channel)).toEqual([]);
  });

  it("reports a moderator who takes no DMs (50007) after one message, and one who left every shared server (50278)", async () => {
    const closed = fake.addMember(guild, "closed", Permission.ManageChannels);
    fake.closeDms(closed);
    const channel = fake.addChannel(guild, "dead-2");
    let before = fake.state.requests.length;
    expect(await adapter.notifyModerator?.(notice(closed.id, channel))).toEqual({
      delivered: false,
      reason: "403 50007: Cannot send messages to this user",
    });
    expect(since(before)).toEqual(["POST /users/@me/channels 200", "POST /channels/:id/messages 403"]);

    const other = fake.addGuild("Gone Server");
    const leaver = fake.addMember(other, "leaver", Permission.ManageChannels);
    fake.removeBot(other);
    before = fake.state.requests.length;
    expect(await adapter.notifyModerator?.(notice(leaver.id, channel))).toEqual({
      delivered: false,
      reason: "403 50278: Cannot send messages to this user",
    });
    expect(since(before)).toHaveLength(2);
  });

  it("reports an unknown user (10013) without posting, and refuses a non-snowflake without calling", async () => {
    const channel = fake.addChannel(guild, "dead-3");
    let before = fake.state.requests.length;
    expect(await adapter.notifyModerator?.(notice("100000000000000999", channel))).toEqual({
      delivered: false,
      reason: "404 10013: Unknown User",
    });
    expect(since(before)).toEqual(["POST /users/@me/channels 404"]);
    before = fake.state.requests.length;
    expect(await adapter.notifyModerator?.(notice("mod", channel))).toEqual({
      delivered: false,
      reason: "not a Discord user id: mod",
    });
    expect(fake.state.requests).toHaveLength(before);
  });
});
