/**
 * The fake's servers: guilds, roles, channels, members and the bot, with Discord's permission rules
 * (base from roles, Administrator = all, then @everyone / role / member overwrites of the channel).
 */
import { ChannelType, PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { snowflake } from "./snowflake.ts";

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  /** "Allow anyone to @mention this role": without it only senders with Mention Everyone ping it. */
  mentionable?: boolean;
  /** Owned by an integration (a bot's own role, boosters): nobody can be given it by hand. */
  managed?: boolean;
}

export interface FakeOverwrite {
  /** A role id (type 0) or a user id (type 1). */
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface FakeChannel {
  id: string;
  guildId: string;
  name: string;
  /** A text channel, an announcement channel whose messages can be published to followers, or a thread. */
  type: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.PublicThread;
  /** A thread's channel: the thread has no overwrites and takes its permissions from it. */
  parentId?: string;
  overwrites: FakeOverwrite[];
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The first is @everyone, whose id is the guild's. */
  roles: FakeRole[];
  channels: FakeChannel[];
  members: Map<string, { user: FakeUser; roles: string[]; joinedAt: string }>;
  /** False once the bot left or was removed. */
  botPresent: boolean;
}

export const ALL_PERMISSIONS = PermissionsBitField.All;
/** What a bot invited with the usual scopes gets: see, read, post and embed. */
export const BOT_DEFAULT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.SendMessagesInThreads;
const EVERYONE_DEFAULT = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

export function createUser(username: string, bot = false): FakeUser {
  return { id: snowflake(), username, globalName: bot ? null : username, bot };
}

export function createGuild(name: string, owner: FakeUser, bot: FakeUser): FakeGuild {
  const id = snowflake();
  const guild: FakeGuild = {
    id,
    name,
    ownerId: owner.id,
    roles: [{ id, name: "@everyone", permissions: EVERYONE_DEFAULT }],
    channels: [],
    members: new Map(),
    botPresent: true,
  };
  addMember(guild, owner, []);
  // As when a bot joins with permissions asked in its invite: a role of its own, managed by Discord.
  const botRole = addRole(guild, bot.username, BOT_DEFAULT_PERMISSIONS, { managed: true });
  addMember(guild, bot, [botRole.id]);
  return guild;
}

export function addRole(
  guild: FakeGuild,
  name: string,
  permissions: bigint,
  flags: Pick<FakeRole, "mentionable" | "managed"> = {},
): FakeRole {
  const role = { id: snowflake(), name, permissions, ...flags };
  guild.roles.push(role);
  return role;
}

export function addMember(guild: FakeGuild, user: FakeUser, roles: string[]): void {
  guild.members.set(user.id, { user, roles, joinedAt: new Date().toISOString() });
}

export function addChannel(
  guild: FakeGuild,
  name: string,
  overwrites: FakeOverwrite[] = [],
  type: FakeChannel["type"] = ChannelType.GuildText,
): FakeChannel {
  const channel: FakeChannel = { id: snowflake(), guildId: guild.id, name, type, overwrites };
  guild.channels.push(channel);
  return channel;
}

/** Discord's documented algorithm ("Permission Overwrites", topics/permissions). */
export function permissionsIn(guild: FakeGuild, channel: FakeChannel, userId: string): bigint {
  const parent = channel.parentId && guild.channels.find((c) => c.id === channel.parentId);
  if (parent) return permissionsIn(guild, parent, userId);
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let perms = guild.roles
    .filter((role) => role.id === guild.id || member.roles.includes(role.id))
    .reduce((acc, role) => acc | role.permissions, 0n);
  if (perms & PermissionFlagsBits.Administrator) return ALL_PERMISSIONS;
  const everyone = channel.overwrites.find((o) => o.id === guild.id);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  const roleOverwrites = channel.overwrites.filter((o) => o.type === 0 && member.roles.includes(o.id));
  const deny = roleOverwrites.reduce((acc, o) => acc | o.deny, 0n);
  const allow = roleOverwrites.reduce((acc, o) => acc | o.allow, 0n);
  perms = (perms & ~deny) | allow;
  const own = channel.overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  return perms;
}

// === Gateway / REST shapes ======================================================================

export function userJson(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: "0",
    avatar: null,
    bot: user.bot,
  };
}

export function channelJson(channel: FakeChannel) {
  if (channel.parentId) return threadJson(channel);
  return {
    id: channel.id,
    guild_id: channel.guildId,
    type: channel.type,
    name: channel.name,
    position: 0,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}

export function guildCreateJson(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId,
    unavailable: false,
    member_count: guild.members.size,
    joined_at: new Date().toISOString(),
    large: false,
    features: [],
    roles: guild.roles.map(roleJson),
    channels: guild.channels.filter((c) => !c.parentId).map(channelJson),
    // Discord includes the bot's own member, so discord.js knows `guild.members.me` and its roles.
    members: [...guild.members.values()].filter((m) => m.user.bot).map(memberJson),
    threads: guild.channels.filter((c) => c.parentId).map(threadJson),
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function roleJson(role: FakeRole, position = 0) {
  return {
    id: role.id,
    name: role.name,
    permissions: role.permissions.toString(),
    position,
    color: 0,
    hoist: false,
    managed: role.managed ?? false,
    mentionable: role.mentionable ?? false,
    flags: 0,
  };
}

export function memberJson(member: { user: FakeUser; roles: string[]; joinedAt: string }) {
  return {
    user: userJson(member.user),
    roles: member.roles,
    joined_at: member.joinedAt,
    nick: null,
    avatar: null,
    flags: 0,
    pending: false,
    deaf: false,
    mute: false,
    premium_since: null,
  };
}

/** A public thread as Discord sends it (GUILD_CREATE's active threads, THREAD_CREATE). */
export function threadJson(thread: FakeChannel) {
  return {
    id: thread.id,
    guild_id: thread.guildId,
    parent_id: thread.parentId,
    type: thread.type,
    name: thread.name,
    owner_id: thread.guildId,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
}
