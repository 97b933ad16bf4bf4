/**
 * Discord ids in the core's terms. Only this file builds or takes apart the part of a ChannelRef after
 * `discord:`: `discord:<guild>:<channel>` for server channels, `discord:dm:<channel>` for the bot's DMs.
 * Also the custom_id of choice buttons, which must carry everything needed to re-run a command.
 */
import { type ChannelRef, type CommunityRef, channelRef, communityRef } from "../../src/core/channel.ts";

/** Discord snowflakes are 17–19 digits today; 20 allows for the far future without accepting junk. */
const SNOWFLAKE = /^\d{17,20}$/;
const DM = "dm";
const GUEST = "guest";

export function isSnowflake(value: string): boolean {
  return SNOWFLAKE.test(value);
}

/** `guildId` null means a DM with the bot (no server, so no community beyond the DM itself). */
export function encodeChannel(guildId: string | null, channelId: string): ChannelRef {
  return channelRef(`discord:${guildId ?? DM}:${channelId}`);
}

/** A server is `discord:<guild>`; a DM has no server, so it is its own community. */
export function encodeCommunity(guildId: string | null, channelId: string): CommunityRef {
  return guildId ? guildCommunity(guildId) : communityRef(`discord:${DM}:${channelId}`);
}

/**
 * Where the bot is not a member (a user install used in a group DM or a server without the bot):
 * `discord:guest:<channel>`, a place of its own, so no subscription, language or spotlight of a channel
 * the bot serves is ever read for it. Nothing is ever posted there (decodeChannel refuses it).
 */
export function encodeGuestPlace(channelId: string): { channel: ChannelRef; community: CommunityRef } {
  return {
    channel: channelRef(`discord:${GUEST}:${channelId}`),
    community: communityRef(`discord:${GUEST}:${channelId}`),
  };
}

export function guildCommunity(guildId: string): CommunityRef {
  return communityRef(`discord:${guildId}`);
}

export interface DecodedChannel {
  guildId: string | null;
  channelId: string;
}

/** Undefined for anything that is not a well-formed Discord channel reference. */
export function decodeChannel(ref: string): DecodedChannel | undefined {
  const [platform, guild, channel, ...rest] = ref.split(":");
  if (platform !== "discord" || rest.length > 0 || !guild || !channel || !isSnowflake(channel))
    return undefined;
  if (guild === DM) return { guildId: null, channelId: channel };
  return isSnowflake(guild) ? { guildId: guild, channelId: channel } : undefined;
}

// === Choice buttons ===========================================================================

/** Discord's cap on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;
/** Versioned so a later format can still read (or politely refuse) buttons on old messages. */
const CHOICE_PREFIX = "ftbh1";

/** Undefined when the command and its arguments do not fit in a custom_id. */
export function encodeChoiceId(command: string, args: string): string | undefined {
  const id = `${CHOICE_PREFIX}:${command}:${args}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function decodeChoiceId(customId: string): { command: string; args: string } | undefined {
  const first = customId.indexOf(":");
  const second = customId.indexOf(":", first + 1);
  if (first < 0 || second < 0 || customId.slice(0, first) !== CHOICE_PREFIX) return undefined;
  const command = customId.slice(first + 1, second);
  // Arguments may contain colons themselves, so everything after the command belongs to them.
  return command ? { command, args: customId.slice(second + 1) } : undefined;
}

// === Message links ============================================================================

/** Where a sent message opens in Discord (its "Copy Message Link"); undefined for a malformed reference. */
export function messageLink(
  channel: string,
  ref: { channelId: string; messageId: string },
): string | undefined {
  const decoded = decodeChannel(channel);
  if (!decoded || !isSnowflake(ref.channelId) || !isSnowflake(ref.messageId)) return undefined;
  return `https://discord.com/channels/${decoded.guildId ?? "@me"}/${ref.channelId}/${ref.messageId}`;
}
