/**
 * The Discord adapter: a discord.js Client (Guilds intent only, nothing privileged) wired to the core.
 * Like every adapter: parse.ts (interaction → CommandInvocation), render.ts (Reply → message body),
 * send.ts (posts → SendResult, errors read in send-errors.ts), wiring.ts (the Client and its listeners;
 * wiring-interactions.ts answers commands), and this file, which puts them together.
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
 * - `onAccessLost(channel, reason)`: the bot lost View Channel, Send Messages or Embed Links in a channel
 *   (a channel's overwrites, a role or the bot's roles changed): pause that channel's subscription and
 *   tell its moderator, once. Getting access back is not reported; /subscribe resumes.
 * - `tuning`: timeouts, retries and rate-limit patience; see rest-policy.ts for the defaults and why.
 * - `shards` (DISCORD_SHARD_IDS, DISCORD_SHARD_COUNT): the gateway shards this process connects; absent,
 *   one shard for the whole bot.
 *
 * `send` and `registerCommands` work over REST without `start()` (the CLI's `deliver` and
 * `register-commands`); `start()` opens the gateway for interactions and the gone-events.
 */
import { type APIApplication, Events, Routes } from "discord.js";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { toApplicationCommands } from "./commands.ts";
import { NONCE_WINDOW_MS } from "./render-payload.ts";
import { DEFAULT_TUNING, type DiscordTuning } from "./rest-policy.ts";
import { createSender } from "./send.ts";
import { createDiscordClient, type DiscordClientOptions } from "./wiring.ts";

export {
  createDiscordBenchSender,
  type DiscordBenchOptions,
  type DiscordBenchSender,
} from "./send.ts";
export type { Autocomplete, AutocompleteChoice } from "./wiring-interactions.ts";
export type { DiscordTuning } from "./rest-policy.ts";

export interface DiscordAdapterOptions extends DiscordClientOptions {
  logger: Logger;
  tuning?: DiscordTuning;
}

export type DiscordAdapter = PlatformAdapter & { registerCommands(): Promise<void> };

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const logger = options.logger.child({ platform: "discord" });
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const client = createDiscordClient(options, logger, tuning);
  const sender = createSender(client.rest, logger);
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
    send: (channel, post) => sender.send(channel, post),
    notifyModerators: (channel, text) => sender.notify(channel, text),
    notifyModerator: (notice) => sender.notifyPrivately(notice),
    retract: (channel, ref, mode, text) => sender.retract(channel, ref, mode, text),
    edit: (channel, ref, post) => sender.edit(channel, ref, post),
    announce: (channel, announcement) => sender.announce(channel, announcement),
    async registerCommands() {
      const body = toApplicationCommands(options.commands);
      const appId =
        client.application?.id ?? ((await client.rest.get(Routes.currentApplication())) as APIApplication).id;
      await client.rest.put(Routes.applicationCommands(appId), { body });
      logger.info({ commands: body.length }, "discord commands registered");
    },
  };
}
