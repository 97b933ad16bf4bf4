/**
 * The discord.js Client (Guilds intent only, nothing privileged) and its event listeners: interactions go
 * to wiring-interactions.ts; deleted channels, threads and servers to the adapter's gone-callbacks; the
 * library's errors, warnings and debug lines to our logger.
 */
import {
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type GatewayThreadDeleteDispatchData,
} from "discord.js";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { encodeChannel, guildCommunity } from "./ids.ts";
import { NO_MENTIONS } from "./render-payload.ts";
import { type DiscordTuning, restOptions } from "./rest-policy.ts";
import { type AccessLost, watchBotAccess } from "./wiring-access.ts";
import { type Autocomplete, createInteractionHandler } from "./wiring-interactions.ts";

/** What the Client is built from and reports to (documented on `createDiscordAdapter`). */
export interface DiscordClientOptions {
  token: string;
  apiUrl?: string;
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  autocomplete: Autocomplete;
  /** DEFAULT_LANGUAGE: what the adapter says itself where the member's Discord locale is not one we speak. */
  defaultLanguage?: string;
  onChannelGone?(channel: ChannelRef, reason: string): Promise<void>;
  onCommunityGone?(community: CommunityRef, reason: string): Promise<void>;
  /**
   * The bot lost a permission it needs to post in a channel (wiring-access.ts): pause that channel's
   * subscription and tell its moderator, once. Regaining it is not reported.
   */
  onAccessLost?: AccessLost;
  /** DISCORD_SHARD_IDS / DISCORD_SHARD_COUNT: the gateway shards this process runs; default one shard. */
  shards?: { ids: number[]; count: number };
}

export function createDiscordClient(
  options: DiscordClientOptions,
  logger: Logger,
  tuning: Required<DiscordTuning>,
): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // One process per shard (or group of shards) for bots in over 2,500 servers; posting goes over REST
    // from any process, so only which servers' interactions arrive here depends on it.
    ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    rest: restOptions(options.apiUrl, tuning),
    // A second guard: every body sets this explicitly too.
    allowedMentions: NO_MENTIONS,
  });
  // REST works without the gateway, so `deliver` and `register-commands` need no login.
  client.rest.setToken(options.token);
  const { dispatch, autocomplete, commands, defaultLanguage } = options;
  const handle = createInteractionHandler({
    dispatch,
    autocomplete,
    commands,
    logger,
    tuning,
    ...(defaultLanguage ? { defaultLanguage } : {}),
  });

  const report = (what: string, task: Promise<void> | undefined) =>
    task?.catch((err: unknown) => logger.error({ err }, `${what} handler failed`));
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.ChannelDelete, (channel) => {
    if (!("guildId" in channel)) return;
    void report(
      "channel-gone",
      options.onChannelGone?.(encodeChannel(channel.guildId, channel.id), "channel deleted"),
    );
  });
  // A deleted thread is emitted as threadDelete only if discord.js had it cached (with only the Guilds
  // intent, often not): the raw dispatch always arrives, so a subscribed thread is paused either way.
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t !== GatewayDispatchEvents.ThreadDelete) return;
    const thread = packet.d as GatewayThreadDeleteDispatchData;
    void report(
      "channel-gone",
      options.onChannelGone?.(encodeChannel(thread.guild_id, thread.id), "thread deleted"),
    );
  });
  // discord.js emits guildDelete only when the bot left, was removed or the server was deleted; an
  // outage (`unavailable: true`) comes as guildUnavailable and must not pause anything.
  client.on(Events.GuildDelete, (guild) => {
    void report(
      "community-gone",
      options.onCommunityGone?.(guildCommunity(guild.id), "bot removed from server"),
    );
  });
  watchBotAccess(client, logger, options.onAccessLost);
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord.js warning"));
  // discord.js announces the token it logs in with ("Provided token: <bot id>.<timestamp>.***"): even
  // censored, half a token has no place in a log.
  client.on(Events.Debug, (message) => {
    if (!message.includes("Provided token")) logger.debug({ message }, "discord.js");
  });
  return client;
}
