/**
 * Interactions as Discord sends them (INTERACTION_CREATE with every field discord.js needs), after the
 * checks Discord makes first: the command is registered, allowed in that context, and visible to the
 * member (default_member_permissions, Administrator, or an admin's per-user override).
 */
import { ChannelType, ComponentType, PermissionFlagsBits } from "discord.js";
import { dmChannelOf } from "./direct-messages.ts";
import { checkInstallation, groupDmPart, guestGuildExtras, type Installation } from "./install-contexts.ts";
import type { FakeGateway } from "./gateway.ts";
import { snowflake } from "./snowflake.ts";
import type { FakeInteraction, FakeState, StoredMessage } from "./state.ts";
import {
  ALL_PERMISSIONS,
  type FakeChannel,
  type FakeGuild,
  type FakeUser,
  permissionsIn,
  roleJson,
  userJson,
} from "./world.ts";

type Json = Record<string, unknown>;

/** In a server channel, or (no guild) in the user's DM with the bot. */
export interface Where extends Installation {
  user: FakeUser;
  guild?: FakeGuild;
  channel?: FakeChannel;
  /** The language the member's Discord runs in (interaction `locale`); en-US unless given. */
  locale?: string;
}

export interface CommandInput extends Where {
  name: string;
  subcommand?: string;
  options?: Record<string, string>;
}

export function commandInteraction(
  state: FakeState,
  gateway: FakeGateway,
  input: CommandInput,
): FakeInteraction {
  const command = visibleCommand(state, input);
  return emit(state, gateway, 2, input, {
    id: command.id,
    name: input.name,
    type: 1,
    options: options(command, input),
    ...resolvedRoles(command, input),
  });
}

/** The roles chosen in role options (type 8), as Discord resolves them alongside the ids. */
function resolvedRoles(command: { json: Json }, input: CommandInput): Json {
  const registered = (command.json.options as Json[] | undefined) ?? [];
  const roles: Record<string, Json> = {};
  for (const [name, value] of Object.entries(input.options ?? {})) {
    if (registered.find((o) => o.name === name)?.type !== 8) continue;
    const index = input.guild?.roles.findIndex((r) => r.id === value) ?? -1;
    const role = input.guild?.roles[index];
    if (!role) throw new Error(`the server has no role ${value} to choose`);
    roles[value] = roleJson(role, index);
  }
  return Object.keys(roles).length > 0 ? { resolved: { roles } } : {};
}

export function autocompleteInteraction(
  state: FakeState,
  gateway: FakeGateway,
  input: CommandInput & { focused: string },
): FakeInteraction {
  const command = visibleCommand(state, input);
  const data = { id: command.id, name: input.name, type: 1, options: options(command, input, input.focused) };
  return emit(state, gateway, 4, input, data);
}

/** A click on a button of a message the bot sent; Discord only sends clicks for buttons that exist. */
export function buttonInteraction(
  state: FakeState,
  gateway: FakeGateway,
  input: Where & { message: StoredMessage; customId: string },
): FakeInteraction {
  const rows = (input.message.json.components ?? []) as Array<{ components: Json[] }>;
  if (!rows.some((row) => row.components.some((b) => b.custom_id === input.customId))) {
    throw new Error(`message ${input.message.id} has no button ${input.customId}`);
  }
  const data = { custom_id: input.customId, component_type: ComponentType.Button };
  return emit(state, gateway, 3, input, data, { message: input.message.json });
}

function visibleCommand(state: FakeState, input: CommandInput) {
  const command = state.commands.find((c) => c.name === input.name);
  if (!command) throw new Error(`/${input.name} is not registered, so Discord would not offer it`);
  checkInstallation(input.name, command.json, input);
  const required = command.json.default_member_permissions;
  // default_member_permissions apply to the server's install only.
  if (input.guild && input.channel && input.install !== "user" && typeof required === "string") {
    const perms = memberPermissions(input.guild, input.channel, input.user);
    const granted = state.commandOverrides.get(input.name)?.has(input.user.id) ?? false;
    if ((perms & BigInt(required)) !== BigInt(required) && !granted) {
      throw new Error(`Discord would hide /${input.name} from ${input.user.username}`);
    }
  }
  return command;
}

function memberPermissions(guild: FakeGuild, channel: FakeChannel, user: FakeUser): bigint {
  const perms = permissionsIn(guild, channel, user.id);
  return perms & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
}

/** Option values typed as registered (strings here), nested under the subcommand when there is one. */
function options(command: { json: Json }, input: CommandInput, focused?: string): Json[] {
  const registered = (command.json.options as Json[] | undefined) ?? [];
  const leaves = Object.entries(input.options ?? {}).map(([name, value]) => ({
    name,
    type: registered.find((o) => o.name === name)?.type === 8 ? 8 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
  if (!input.subcommand) return leaves;
  if (!registered.some((o) => o.name === input.subcommand && o.type === 1)) {
    throw new Error(`/${input.name} has no subcommand ${input.subcommand}`);
  }
  return [{ name: input.subcommand, type: 1, options: leaves }];
}

function emit(
  state: FakeState,
  gateway: FakeGateway,
  type: number,
  where: Where,
  data: Json,
  extra: Json = {},
) {
  const id = snowflake();
  const token = `aW50ZXJhY3Rpb24.${id}.${snowflake()}`;
  const inGuild = where.guild && where.channel;
  const channelId = inGuild ? where.channel!.id : (where.groupDm?.id ?? dmChannelOf(state, where.user));
  const interaction: FakeInteraction = {
    id,
    token,
    type,
    createdAt: Date.now(),
    guildId: where.guild?.id ?? null,
    channelId,
    user: where.user,
    callbacks: [],
    followUps: [],
  };
  state.interactions.set(id, interaction);
  const place = inGuild
    ? {
        ...guildPart(state, where.guild!, where.channel!, where.user),
        ...(where.install === "user" ? guestGuildExtras(where.user) : {}),
      }
    : where.groupDm
      ? groupDmPart(channelId, where.user)
      : dmPart(channelId, where.user);
  interaction.payload = {
    id,
    application_id: state.applicationId,
    type,
    token,
    version: 1,
    data,
    ...place,
    locale: where.locale ?? "en-US",
    entitlements: [],
    attachment_size_limit: 26_214_400,
    ...extra,
  };
  gateway.dispatch("INTERACTION_CREATE", interaction.payload);
  return interaction;
}

function guildPart(state: FakeState, guild: FakeGuild, channel: FakeChannel, user: FakeUser): Json {
  const member = guild.members.get(user.id);
  return {
    guild_id: guild.id,
    guild_locale: "en-US",
    channel: {
      id: channel.id,
      type: channel.type,
      guild_id: guild.id,
      name: channel.name,
      ...(channel.parentId ? { parent_id: channel.parentId } : {}),
    },
    channel_id: channel.id,
    member: {
      user: userJson(user),
      roles: member?.roles ?? [],
      permissions: memberPermissions(guild, channel, user).toString(),
      joined_at: member?.joinedAt ?? new Date().toISOString(),
      nick: null,
      avatar: null,
      flags: 0,
      pending: false,
      deaf: false,
      mute: false,
      premium_since: null,
    },
    app_permissions: permissionsIn(guild, channel, state.bot.id).toString(),
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
  };
}

function dmPart(channelId: string, user: FakeUser): Json {
  return {
    channel: { id: channelId, type: ChannelType.DM, recipients: [userJson(user)] },
    channel_id: channelId,
    user: userJson(user),
    app_permissions: "0",
    authorizing_integration_owners: { "0": "0" },
    context: 1,
  };
}
