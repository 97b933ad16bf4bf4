/**
 * Who counts as a moderator on Discord, and the default a moderator command is registered with.
 * The default only hides a command; server admins can grant it to anyone (Server Settings → Integrations),
 * so the adapter re-checks the caller's own channel permissions on every moderator command.
 */
import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";

/**
 * Registered as `default_member_permissions` on moderator commands. Discord requires ALL bits of that
 * field, so "Manage Server | Manage Channels" would hide the commands from people holding only one of them,
 * although the runtime rule accepts either. Manage Channels is the bit moderators are usually given, it can
 * be granted for one channel (matching per-channel subscriptions), and Administrator passes any default.
 * Members with only Manage Server still pass the runtime check once an admin shows them the command.
 */
export const MODERATOR_DEFAULT_PERMISSIONS = PermissionFlagsBits.ManageChannels;

/** Manage Server or Manage Channels in the channel; `has` treats Administrator as every permission. */
const MODERATOR_PERMISSIONS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels];

/**
 * `permissions` are the member's permissions in the interaction's channel (overwrites applied), as
 * Discord sends them with every interaction; null outside a server (a DM), where nobody moderates.
 */
export function isModerator(permissions: Readonly<PermissionsBitField> | null): boolean {
  if (!permissions) return false;
  return MODERATOR_PERMISSIONS.some((flag) => permissions.has(flag, true));
}

/** Manage Server (or Administrator): may change what every channel of the server shows. */
export function isServerModerator(permissions: Readonly<PermissionsBitField> | null): boolean {
  return permissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false;
}
