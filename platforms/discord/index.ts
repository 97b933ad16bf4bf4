/**
 * The Discord adapter: a discord.js Client (Guilds intent only, nothing privileged) wired to the core.
 * Translation lives in parse/render/commands; inbound handling in interactions; posting in delivery.
 *
 * `createDiscordAdapter(options)`:
 * - `token`: the bot token (DISCORD_TOKEN). Never logged.
 * - `apiUrl`: DISCORD_API_URL, the REST base including `/api` (e.g. `http://127.0.0.1:4000/api` for the
 *   test fake, or a proxy). Gateway discovery (GET /gateway/bot) goes through it too, so the whole bot
 *   follows it. Discord's own when absent.
 * - `dispatch`: the core's command dispatcher; it answers every invocation with a Reply.
 * - `commands`: the command definitions, registered by `registerCommands()` (bulk overwrite).
 * - `autocomplete(query)`: `{ name, value }` choices for a profile option as typed so far, answered from
 *   memory (Discord allows 3 s and no deferral; after `tuning.autocompleteTimeoutMs` the user sees none).
 *   `name` is shown, `value` is what the command then receives, so use something the command's lookup
 *   accepts (the profile id). The adapter keeps at most 25 and clips names to 100 characters.
 * - `logger`: gets a child bound to `{ platform: "discord" }`.
 * - `onChannelGone(channel, reason)`: a channel was deleted (CHANNEL_DELETE): pause its subscription.
 * - `onCommunityGone(community, reason)`: the bot was removed from a server, or the server was deleted
 *   (GUILD_DELETE without `unavailable`; an outage is not reported): pause the server's subscriptions.
 * - `tuning`: timeouts, retries and rate-limit patience; see rest-policy.ts for the defaults and why.
 * - `shards` (DISCORD_SHARD_IDS, DISCORD_SHARD_COUNT): the gateway shards this process connects; absent,
 *   one shard for the whole bot.
 *
 * `send` and `registerCommands` work over REST without `start()` (the CLI's `deliver` and
 * `register-commands`); `start()` opens the gateway for interactions and the gone-events.
 */
import {
  type APIApplication,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type GatewayThreadDeleteDispatchData,
  Routes,
} from "discord.js";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch, PlatformAdapter } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports.ts";
import { toApplicationCommands } from "./commands.ts";
import { createDelivery } from "./delivery.ts";
import { encodeChannel, guildCommunity } from "./ids.ts";
import { type Autocomplete, createInteractionHandler } from "./interactions.ts";
import { NO_MENTIONS, NONCE_WINDOW_MS } from "./payload.ts";
import { DEFAULT_TUNING, type DiscordTuning, restOptions } from "./rest-policy.ts";

export {
  createDiscordBenchSender,
  type DiscordBenchOptions,
  type DiscordBenchSender,
} from "./delivery.ts";
export type { Autocomplete, AutocompleteChoice } from "./interactions.ts";
export type { DiscordTuning } from "./rest-policy.ts";

export interface DiscordAdapterOptions {
  token: string;
  apiUrl?: string;
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  autocomplete: Autocomplete;
  logger: Logger;
  onChannelGone?(channel: ChannelRef, reason: string): Promise<void>;
  onCommunityGone?(community: CommunityRef, reason: string): Promise<void>;
  tuning?: DiscordTuning;
  /** DISCORD_SHARD_IDS / DISCORD_SHARD_COUNT: the gateway shards this process runs; default one shard. */
  shards?: { ids: number[]; count: number };
}

export type DiscordAdapter = PlatformAdapter & { registerCommands(): Promise<void> };

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const logger = options.logger.child({ platform: "discord" });
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
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
  const delivery = createDelivery(client.rest, logger);
  const { dispatch, autocomplete, commands } = options;
  const handle = createInteractionHandler({ dispatch, autocomplete, commands, logger, tuning });

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
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord.js warning"));
  // discord.js announces the token it logs in with ("Provided token: <bot id>.<timestamp>.***"): even
  // censored, half a token has no place in a log.
  client.on(Events.Debug, (message) => {
    if (!message.includes("Provided token")) logger.debug({ message }, "discord.js");
  });

  return {
    platform: "discord",
    // Every post carries its idempotency key as `nonce` with `enforce_nonce`: a resend within Discord's
    // window returns the first message instead of making a second one.
    afterUncertainSend: "resend",
    // Discord checks a nonce's uniqueness over "the past few minutes": resend only well inside that.
    resendWithinMs: NONCE_WINDOW_MS,
    async start() {
      let onReady = () => {};
      const ready = new Promise<void>((resolve) => {
        onReady = resolve;
      });
      client.once(Events.ClientReady, onReady);
      try {
        await client.login(options.token);
        await ready;
      } finally {
        client.off(Events.ClientReady, onReady);
      }
      logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, "discord connected");
    },
    async stop() {
      await client.destroy();
    },
    send: (channel, post) => delivery.send(channel, post),
    notifyModerators: (channel, text) => delivery.notify(channel, text),
    notifyModerator: (notice) => delivery.notifyPrivately(notice),
    async registerCommands() {
      const body = toApplicationCommands(options.commands);
      const appId =
        client.application?.id ?? ((await client.rest.get(Routes.currentApplication())) as APIApplication).id;
      await client.rest.put(Routes.applicationCommands(appId), { body });
      logger.info({ commands: body.length }, "discord commands registered");
    },
  };
}
