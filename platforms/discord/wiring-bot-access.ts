/**
 * Whether the bot itself can post the daily card in a channel, from the `app_permissions` Discord sends
 * with every interaction. Checked when a channel subscribes: without Embed Links Discord still accepts a
 * message with text but silently drops its embeds, so the card would never show and nobody would know.
 */
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";

const NEEDED_IN_CHANNEL = [
  ["View Channel", PermissionFlagsBits.ViewChannel],
  ["Send Messages", PermissionFlagsBits.SendMessages],
  ["Embed Links", PermissionFlagsBits.EmbedLinks],
] as const;

const NEEDED_IN_THREAD = [
  ["View Channel", PermissionFlagsBits.ViewChannel],
  ["Send Messages in Threads", PermissionFlagsBits.SendMessagesInThreads],
  ["Embed Links", PermissionFlagsBits.EmbedLinks],
] as const;

/** The names of the permissions the bot lacks to post the card here; empty when it has them all. */
export function missingPostingPermissions(
  appPermissions: Readonly<PermissionsBitField> | null,
  inThread: boolean,
): string[] {
  const needed = inThread ? NEEDED_IN_THREAD : NEEDED_IN_CHANNEL;
  // No app permissions means a DM, where the command is refused anyway for lack of a server.
  if (!appPermissions) return [];
  return needed.filter(([, flag]) => !appPermissions.has(flag, true)).map(([name]) => name);
}

/** In `tr`'s language; the permissions keep the names Discord's settings show in English. */
export function missingPermissionsMessage(missing: readonly string[], tr: Translator = english): string {
  return tr.t("render.missingPermissions", { permissions: missing.join(", ") });
}
