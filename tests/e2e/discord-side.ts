/**
 * Discord's side of the whole-app Discord tests: the fake with one server, the app wired to it through
 * DISCORD_TOKEN / DISCORD_API_URL, its slash commands registered the way `register-commands` does, and
 * slash commands sent as Discord sends them, each waiting for the answer the app gives.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createRegisteringAdapters } from "../../src/app-platforms.ts";
import { type ChannelRef, channelRef } from "../../src/core/channel.ts";
import {
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  type FakeInteraction,
  type FakeUser,
  Permission,
  startFakeDiscord,
} from "../fakes/discord/index.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

const LOADING = 128;
const EPHEMERAL = 64;

export interface DiscordSide {
  fake: FakeDiscord;
  world: AppWorld;
  guild: FakeGuild;
  member: FakeUser;
  moderator: FakeUser;
  close(): Promise<void>;
}

export async function startDiscordApp(start: string): Promise<DiscordSide> {
  const fake = await startFakeDiscord();
  // Before the gateway connects, so it arrives with READY's GUILD_CREATE as for a server the bot is in.
  const guild = fake.addGuild("Free Them All");
  const member = fake.addMember(guild, "leyla");
  const moderator = fake.addMember(guild, "mod", Permission.ManageChannels);
  const world = await startAppWorld({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, start);
  // What `freetobehome register-commands` runs: adapters of their own, over REST only.
  for (const adapter of await createRegisteringAdapters(world.app)) {
    await adapter.registerCommands();
    await adapter.stop();
  }
  return {
    fake,
    world,
    guild,
    member,
    moderator,
    async close() {
      await world.close();
      await fake.close();
    },
  };
}

export const refOf = (channel: FakeChannel): ChannelRef =>
  channelRef(`discord:${channel.guildId}:${channel.id}`);

/** The app's answer to an interaction once it is final (a deferred one, after its edit). */
export async function answerTo(fake: FakeDiscord, ix: FakeInteraction) {
  const message = await fake.waitFor(
    () => ix.original && !(Number(ix.original.json.flags ?? 0) & LOADING) && ix.original,
    5_000,
  );
  return {
    content: String(message.json.content ?? ""),
    embeds: (message.json.embeds ?? []) as Array<Record<string, unknown>>,
    ephemeral: (Number(message.json.flags ?? 0) & EPHEMERAL) !== 0,
  };
}

/** What the app offers as a member types `typed` into a command's profile option. */
export async function autocomplete(
  side: DiscordSide,
  input: { channel: FakeChannel; user: FakeUser; name: string },
  typed: string,
) {
  const ix = side.fake.autocomplete({
    guild: side.guild,
    ...input,
    options: { name: typed },
    focused: "name",
  });
  await side.fake.waitFor(() => ix.responseType === 8);
  const data = (ix.callbacks[0]?.data ?? {}) as { choices?: Array<{ name: string; value: string }> };
  return data.choices ?? [];
}

/** Runs a slash command in a channel and waits for the answer. */
export async function slash(
  side: DiscordSide,
  input: {
    guild?: FakeGuild;
    channel: FakeChannel;
    user: FakeUser;
    name: string;
    subcommand?: string;
    /** The member's Discord locale; en-US unless given. */
    locale?: string;
  },
  options: Record<string, string> = {},
) {
  const ix = side.fake.command({ guild: side.guild, ...input, options });
  return answerTo(side.fake, ix);
}

/** A fresh channel subscribed by a moderator at 09:00 Baku time (05:00 UTC). */
export async function subscribedChannel(
  side: DiscordSide,
  name: string,
  where: { guild: FakeGuild; moderator: FakeUser } = side,
): Promise<FakeChannel> {
  const channel = side.fake.addChannel(where.guild, name);
  const answer = await slash(
    side,
    { guild: where.guild, channel, user: where.moderator, name: "subscribe" },
    { time: "09:00", timezone: "Asia/Baku" },
  );
  if (!answer.content.startsWith("Subscribed")) throw new Error(`subscribe failed: ${answer.content}`);
  return channel;
}

/** Polls an asynchronous check (a database read) until it holds. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await sleep(20);
  }
}
