/**
 * A local Discord for tests and benchmarks: REST under /api/v10 and the gateway on one 127.0.0.1 port.
 * Point discord.js at `apiUrl` (rest.api); gateway discovery (GET /gateway/bot) leads to the ws side.
 *
 * A fan-out benchmark: `const fake = await startFakeDiscord({ limits: { globalPerSecond: 50,
 * channelMessages: { limit: 5, windowMs: 5000 } } })`, add a guild and channels, build the adapter with
 * `apiUrl: fake.apiUrl, token: fake.token` (send() needs no start()), send, then read `fake.stats()`:
 * 429s by kind and messages per channel.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { ChannelType, PermissionFlagsBits } from "discord.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  type CommandInput,
  commandInteraction,
  type Where,
} from "./driver.ts";
import { FakeGateway } from "./gateway.ts";
import type { FaultRule } from "./limits.ts";
import { pinged } from "./messages.ts";
import { authorizePage } from "./oauth.ts";
import { accessEvents } from "./access-events.ts";
import { createRestHandler } from "./rest.ts";
import { type FakeOptions, FakeState, type StoredMessage } from "./state.ts";
import {
  addChannel,
  addMember,
  addRole,
  channelJson,
  createGuild,
  createUser,
  type FakeChannel,
  type FakeGuild,
  type FakeOverwrite,
  type FakeRole,
  type FakeUser,
  guildCreateJson,
  roleJson,
} from "./world.ts";

export type { Fault, FaultRule } from "./limits.ts";
export type { FakeInteraction, RecordedRequest, StoredMessage } from "./state.ts";
export type { FakeChannel, FakeGuild, FakeRole, FakeUser } from "./world.ts";

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

export async function startFakeDiscord(options: FakeOptions = {}) {
  const state = new FakeState(options);
  let base = "";
  const server = createServer(
    (req, res) => void authorizePage(state, req, res).then((done) => (done ? undefined : rest(req, res))),
  );
  const rest = createRestHandler(state, () => base.replace("http", "ws"));
  const gateway = new FakeGateway(state, server, () => base.replace("http", "ws"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api`,
    token: state.token,
    applicationId: state.applicationId,
    bot: state.bot,
    state,
    gateway,

    // --- the world -------------------------------------------------------------------------------
    addGuild(name: string): FakeGuild {
      const guild = createGuild(name, createUser(`${name} owner`), state.bot);
      state.guilds.push(guild);
      if (gateway.connected) gateway.dispatch("GUILD_CREATE", guildCreateJson(guild));
      return guild;
    },
    /** A server that never added the bot: reached only through a member's own install of the app. */
    addForeignGuild(name: string): FakeGuild {
      const guild = createGuild(name, createUser(`${name} owner`), state.bot);
      guild.members.delete(state.bot.id);
      guild.botPresent = false;
      state.guilds.push(guild);
      return guild;
    },
    addChannel(
      guild: FakeGuild,
      name: string,
      overwrites: FakeOverwrite[] = [],
      type?: FakeChannel["type"],
    ): FakeChannel {
      const channel = addChannel(guild, name, overwrites, type);
      if (gateway.connected) gateway.dispatch("CHANNEL_CREATE", channelJson(channel));
      return channel;
    },
    /** A member holding one role with these permissions (guild-wide). */
    addMember(guild: FakeGuild, username: string, permissions: bigint = 0n): FakeUser {
      const user = createUser(username);
      addMember(guild, user, permissions ? [addRole(guild, `${username} role`, permissions).id] : []);
      return user;
    },
    /** A public thread in `parent`: THREAD_CREATE; its permissions are the parent's. */
    addThread(parent: FakeChannel, name: string): FakeChannel {
      const guild = state.guilds.find((g) => g.id === parent.guildId)!;
      const thread = addChannel(guild, name, [], ChannelType.PublicThread);
      thread.parentId = parent.id;
      if (gateway.connected)
        gateway.dispatch("THREAD_CREATE", { ...channelJson(thread), newly_created: true });
      return thread;
    },
    /** A role (mentionable or not, managed or not); GUILD_ROLE_CREATE when the bot is connected. */
    addRole(guild: FakeGuild, name: string, flags: Partial<FakeRole> = {}): FakeRole {
      const role = addRole(guild, name, flags.permissions ?? 0n, flags);
      if (gateway.connected && guild.botPresent)
        gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: guild.id, role: roleJson(role) });
      return role;
    },
    ...accessEvents(state, gateway),
    /** A channel overwrite taking permissions away from the bot (no event: see `setOverwrites`). */
    denyBot(channel: FakeChannel, deny: bigint): void {
      channel.overwrites.push({ id: state.bot.id, type: 1, allow: 0n, deny });
    },
    /** The user blocks the bot, or turns off DMs from server members: DMs to them get 50007. */
    closeDms(user: FakeUser): void {
      state.closedDms.add(user.id);
    },
    /** The bot's DM channel with a user, if one was opened; `messagesIn` reads what it holds. */
    dmChannelWith: (user: FakeUser): string | undefined => state.dmChannels.get(user.id),
    /** What an admin does in Server Settings → Integrations: let this user run the command anyway. */
    allowCommand(name: string, user: FakeUser): void {
      const users = state.commandOverrides.get(name) ?? new Set<string>();
      users.add(user.id);
      state.commandOverrides.set(name, users);
    },

    // --- OAuth2 (people signing in elsewhere with Discord) ------------------------------------------
    /** The application's OAuth2 client, as the Developer Portal shows it; register redirects on it. */
    oauthClient: {
      id: state.applicationId,
      secret: state.oauth.clientSecret,
      redirectUris: state.oauth.redirectUris,
    },
    /** Who is signed in to Discord in the browser: the person the consent page asks. */
    signInAs(user: FakeUser): void {
      state.oauth.user = user;
    },

    // --- gateway events ----------------------------------------------------------------------------
    /** `event: false`: deleted while the bot was offline, so no CHANNEL_DELETE ever reaches it. */
    deleteChannel(channel: FakeChannel, { event = true }: { event?: boolean } = {}): void {
      const found = state.channel(channel.id);
      if (!found) return;
      found.guild.channels.splice(found.guild.channels.indexOf(found.channel), 1);
      if (event) gateway.dispatch("CHANNEL_DELETE", channelJson(channel));
    },
    /** A thread under `parent` was deleted: THREAD_DELETE, for a thread the client never saw created. */
    deleteThread(parent: FakeChannel, threadId: string): void {
      gateway.dispatch("THREAD_DELETE", {
        id: threadId,
        guild_id: parent.guildId,
        parent_id: parent.id,
        type: 11,
      });
    },
    /** The bot was kicked or left: GUILD_DELETE without `unavailable`. */
    removeBot(guild: FakeGuild): void {
      guild.botPresent = false;
      gateway.dispatch("GUILD_DELETE", { id: guild.id });
    },
    /** Cuts every gateway socket as a network failure would (close 1006); sessions stay resumable. */
    dropConnections(): void {
      gateway.drop();
    },
    /** A Discord outage: GUILD_DELETE with `unavailable: true`; the bot is still a member. */
    outage(guild: FakeGuild): void {
      gateway.dispatch("GUILD_DELETE", { id: guild.id, unavailable: true });
    },

    // --- interactions ------------------------------------------------------------------------------
    command: (input: CommandInput) => commandInteraction(state, gateway, input),
    autocomplete: (input: CommandInput & { focused: string }) =>
      autocompleteInteraction(state, gateway, input),
    click: (input: Where & { message: StoredMessage; customId: string }) =>
      buttonInteraction(state, gateway, input),

    // --- faults and observation --------------------------------------------------------------------
    inject(rule: FaultRule): void {
      state.faults.push({ ...rule });
    },
    requestsTo(route: string) {
      return state.requests.filter((r) => r.route === route);
    },
    messagesIn: (channel: FakeChannel | string) =>
      state.messagesIn(typeof channel === "string" ? channel : channel.id),
    /** For benchmarks: channel messages created (in all and per channel), and 429s by kind. */
    stats() {
      const perChannel = new Map<string, number>();
      let messages = 0;
      for (const m of state.messages) {
        if (m.interactionId) continue;
        messages += 1;
        perChannel.set(m.channelId, (perChannel.get(m.channelId) ?? 0) + 1);
      }
      const { global429, bucket429, injected429 } = state.limiter.counts;
      return {
        requests: state.requests.length,
        messages,
        rateLimited: global429 + bucket429 + injected429,
        global429,
        bucket429,
        injected429,
        messagesPerChannel: perChannel,
        pings: state.messages.filter(pinged).length,
      };
    },
    /** Polls until `check` returns something truthy. */
    async waitFor<T>(check: () => T | undefined | false | null, timeoutMs = 3_000): Promise<T> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > until) throw new Error("fake discord: condition not met in time");
        await sleep(5);
      }
    },
    async close(): Promise<void> {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const Permission = PermissionFlagsBits;
