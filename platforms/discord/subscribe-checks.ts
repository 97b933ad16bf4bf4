/**
 * What only Discord can tell about `/subscribe`'s post options, checked from the interaction before
 * anything changes: the mentioned role (from Discord's resolved role) and the channel's type. The core
 * checks the rest (core/post-options.ts, commands/subscribe-options.ts).
 */
import { ChannelType, PermissionFlagsBits, type PermissionsBitField } from "discord.js";
import type { Translator } from "../../src/core/i18n/translator.ts";
import type { RawOption } from "./parse.ts";

export interface SubscribeSource {
  guildId: string | null;
  /** The bot's permissions in the channel (`app_permissions`). */
  appPermissions: Readonly<PermissionsBitField> | null;
  /** The channel's type, where discord.js knows the channel. */
  channelType: ChannelType | undefined;
  options: readonly RawOption[];
}

const ROLE_OPTION = "mention";
const CROSSPOST_OPTION = "crosspost";
/** Channels whose messages can be published to following servers. */
const ANNOUNCEMENT = new Set<ChannelType>([ChannelType.GuildAnnouncement]);

/** Why Discord would not honour the options asked for, in `tr`'s language; undefined when it would. */
export function subscribeRefusal(source: SubscribeSource, tr: Translator): string | undefined {
  const role = source.options.find((o) => o.name === ROLE_OPTION)?.role;
  // @everyone (the server's own id) means "no role" (parse.ts), so it is never refused as a role.
  if (role && role.id !== source.guildId) {
    // Bot, subscription and booster roles belong to an integration: members cannot join them.
    if (role.managed) return tr.t("native.roleManaged", { role: role.name ?? role.id });
    // Discord drops the ping of a role not open to mentions unless the sender may mention every role.
    const mayMentionAll = source.appPermissions?.has(PermissionFlagsBits.MentionEveryone, true) ?? false;
    if (role.mentionable === false && !mayMentionAll)
      return tr.t("native.roleNotMentionable", { role: role.name ?? role.id });
  }
  const crosspost = source.options.find((o) => o.name === CROSSPOST_OPTION)?.value;
  const turningOn = typeof crosspost === "string" && crosspost.trim().toLowerCase() === "on";
  if (turningOn && (source.channelType === undefined || !ANNOUNCEMENT.has(source.channelType)))
    return tr.t("native.crosspostNotAnnouncement");
  return undefined;
}
