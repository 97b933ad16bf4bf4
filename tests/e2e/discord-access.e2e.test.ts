/**
 * The bot losing what it needs in a channel, through the whole app and discord.js against the fake: the
 * gateway events Discord sends when an admin changes a channel's overwrites, a role's permissions or the
 * bot's roles. Only the channels that lost access are paused, their moderator is told once, and access
 * coming back resumes nothing until a moderator runs /subscribe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeChannel, FakeGuild, FakeUser } from "../fakes/discord/index.ts";
import { Permission } from "../fakes/discord/index.ts";
import {
  type DiscordSide,
  eventually,
  refOf,
  slash,
  startDiscordApp,
  subscribedChannel,
} from "./discord-side.ts";

let side: DiscordSide;

beforeAll(async () => {
  side = await startDiscordApp("2026-12-01T04:00:00Z");
});

afterAll(async () => {
  await side?.close();
  expect(side.world.logger.records.filter((r) => r.level === "error")).toEqual([]);
});

const stateOf = async (channel: FakeChannel) =>
  (await side.world.app.repositories.subscriptions.findByChannel(refOf(channel)))?.state;
/** The private notices a moderator got about one channel. */
const noticesAbout = (moderator: FakeUser, channel: FakeChannel) => {
  const dm = side.fake.dmChannelWith(moderator);
  return dm
    ? side.fake.messagesIn(dm).filter((m) => String(m.json.content).startsWith(`About <#${channel.id}>`))
    : [];
};

/**
 * Waits until the app has handled every gateway event sent so far: discord.js handles a socket's dispatches
 * in order, and the access check decides synchronously, so an interaction answered after them proves it.
 */
async function eventsHandled(where: { guild: FakeGuild; moderator: FakeUser }) {
  const channel = side.fake.addChannel(where.guild, `barrier-${Date.now()}`);
  await slash(side, { guild: where.guild, channel, user: where.moderator, name: "help" });
}

/** A server of its own per scenario, so one scenario's role changes never touch another's channels. */
function server(name: string): { guild: FakeGuild; moderator: FakeUser } {
  const guild = side.fake.addGuild(name);
  return { guild, moderator: side.fake.addMember(guild, `${name} mod`, Permission.ManageChannels) };
}

describe("the bot loses access", () => {
  it("pauses only the channel whose overwrites took Send Messages away, and tells its moderator once", async () => {
    const where = server("Overwrites");
    const [closed, open] = [
      await subscribedChannel(side, "closed", where),
      await subscribedChannel(side, "open", where),
    ];
    const deny = { id: side.fake.bot.id, type: 1 as const, allow: 0n, deny: Permission.SendMessages };
    side.fake.setOverwrites(closed, [deny]);
    await eventually(async () => (await stateOf(closed)) === "paused");
    const paused = await side.world.app.repositories.subscriptions.findByChannel(refOf(closed));
    expect(paused?.pausedReason).toBe("the bot lost Send Messages in this channel");
    await side.fake.waitFor(() => noticesAbout(where.moderator, closed).length === 1);
    // A second change that still leaves the bot without access says nothing more.
    side.fake.setOverwrites(closed, [{ ...deny, deny: Permission.SendMessages | Permission.EmbedLinks }]);
    side.fake.setOverwrites(open, []);
    await eventsHandled(where);
    expect(await stateOf(open)).toBe("active");
    expect(noticesAbout(where.moderator, closed)).toHaveLength(1);
    expect(noticesAbout(where.moderator, open)).toHaveLength(0);
  });

  it("pauses the channels a role change leaves without Embed Links, not one whose overwrite grants it", async () => {
    const where = server("Roles");
    const plain = await subscribedChannel(side, "plain", where);
    const granted = await subscribedChannel(side, "granted", where);
    const botRole = side.fake.botRole(where.guild);
    side.fake.setOverwrites(granted, [{ id: botRole.id, type: 0, allow: Permission.EmbedLinks, deny: 0n }]);
    side.fake.setRolePermissions(where.guild, botRole, Permission.ViewChannel | Permission.SendMessages);
    await eventually(async () => (await stateOf(plain)) === "paused");
    await eventsHandled(where);
    expect(await stateOf(granted)).toBe("active");
  });

  it("pauses every channel when the bot's role is taken from it; access back resumes only on /subscribe", async () => {
    const where = server("Member");
    const channel = await subscribedChannel(side, "daily", where);
    const botRole = side.fake.botRole(where.guild);
    side.fake.setBotRoles(where.guild, []);
    await eventually(async () => (await stateOf(channel)) === "paused");
    await side.fake.waitFor(() => noticesAbout(where.moderator, channel).length === 1);
    side.fake.setBotRoles(where.guild, [botRole.id]);
    // The role is back: still paused until a moderator says so.
    await eventsHandled(where);
    expect(await stateOf(channel)).toBe("paused");
    const answer = await slash(side, {
      guild: where.guild,
      channel,
      user: where.moderator,
      name: "subscribe",
    });
    expect(answer.content).toMatch(/^Resumed/);
    expect(await stateOf(channel)).toBe("active");
    // Losing it again after the resume is a new loss, told again.
    side.fake.setBotRoles(where.guild, []);
    await eventually(async () => (await stateOf(channel)) === "paused");
    await side.fake.waitFor(() => noticesAbout(where.moderator, channel).length === 2);
  });
});

describe("a subscribed thread", () => {
  it("is paused when its channel takes Send Messages in Threads from the bot, and the channel itself is not", async () => {
    const where = server("Threads");
    const parent = await subscribedChannel(side, "parent", where);
    const thread = side.fake.addThread(parent, "daily-thread");
    const answer = await slash(
      side,
      { guild: where.guild, channel: thread, user: where.moderator, name: "subscribe" },
      { time: "09:00" },
    );
    expect(answer.content).toMatch(/^Subscribed/);
    const deny = Permission.SendMessagesInThreads;
    side.fake.setOverwrites(parent, [{ id: side.fake.bot.id, type: 1, allow: 0n, deny }]);
    await eventually(async () => (await stateOf(thread)) === "paused");
    const paused = await side.world.app.repositories.subscriptions.findByChannel(refOf(thread));
    expect(paused?.pausedReason).toBe("the bot lost Send Messages in Threads in this channel");
    await eventsHandled(where);
    expect(await stateOf(parent)).toBe("active");
  });
});
