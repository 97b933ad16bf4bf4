/**
 * Where an interaction comes from, as Discord decides it for an app users can install to their account
 * (interactions/receiving-and-responding, "Authorizing Integration Owners"; application-commands,
 * "Contexts" and "Installation Context"): the context (0 a server, 1 the bot's DM, 2 a group DM or another
 * DM) and who authorized it (`{ "0": guild id }` for the server's install, `{ "1": user id }` for the
 * member's own). Discord offers a command only where its `contexts` and `integration_types` allow.
 */
import { ChannelType, PermissionFlagsBits } from "discord.js";
import type { FakeGuild, FakeUser } from "./world.ts";
import { userJson } from "./world.ts";

type Json = Record<string, unknown>;

export interface Installation {
  /** "user": the member's own install, in a server that has not installed the app (guild given). */
  install?: "user";
  /** A group DM (or a DM between two people): context 2, only through the member's own install. */
  groupDm?: { id: string };
}

/** What a user-installed app may do where the bot is not a member (Discord's fixed set). */
const GUEST_APP_PERMISSIONS =
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.UseExternalEmojis;

export function contextOf(where: Installation & { guild?: FakeGuild }): 0 | 1 | 2 {
  if (where.groupDm) return 2;
  return where.guild ? 0 : 1;
}

/** The installation the interaction goes through: the member's own (1) or the server's (0). */
export function integrationOf(where: Installation): 0 | 1 {
  return where.install === "user" || where.groupDm ? 1 : 0;
}

/** Throws as Discord would refuse to offer the command here (it does not show in the member's menu). */
export function checkInstallation(name: string, command: Json, where: Installation & { guild?: FakeGuild }) {
  const contexts = (command.contexts as number[] | undefined) ?? [0, 1, 2];
  const types = (command.integration_types as number[] | undefined) ?? [0];
  const context = contextOf(where);
  if (!contexts.includes(context)) throw new Error(`/${name} is not available in this context`);
  // The bot's DM: the server install covers it (owners {"0": "0"}), so only 0 or 2 check the type.
  if (context !== 1 && !types.includes(integrationOf(where)))
    throw new Error(`/${name} is not installable this way (integration_types ${JSON.stringify(types)})`);
  if (where.guild && where.install === "user" && where.guild.botPresent)
    throw new Error("the fake models a user install only in a server without the bot");
}

/** A server without the bot, through the member's own install: no app member, fixed app permissions. */
export function guestGuildExtras(user: FakeUser): Json {
  return {
    app_permissions: GUEST_APP_PERMISSIONS.toString(),
    authorizing_integration_owners: { "1": user.id },
    context: 0,
  };
}

export function groupDmPart(channelId: string, user: FakeUser): Json {
  return {
    channel: { id: channelId, type: ChannelType.GroupDM, recipients: [userJson(user)] },
    channel_id: channelId,
    user: userJson(user),
    app_permissions: GUEST_APP_PERMISSIONS.toString(),
    authorizing_integration_owners: { "1": user.id },
    context: 2,
  };
}
