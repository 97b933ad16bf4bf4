/**
 * Channel and community references for Telegram: `telegram:<chatId>`. A Telegram chat (private chat, group,
 * supergroup or channel) is both the place we post and the community it belongs to, so both refs match.
 */
import { type ChannelRef, type CommunityRef, channelRef, communityRef } from "../../src/core/channel.ts";

// Chat ids are signed integers (supergroups and channels are -100…); they fit in 52 bits, so a JS number
// holds them exactly (Bot API docs: "at most 52 significant bits").
const CHAT_ID = /^-?[1-9]\d{0,15}$/;

export function encodeChannel(chatId: number): ChannelRef {
  if (!Number.isSafeInteger(chatId) || chatId === 0) throw new TypeError(`not a Telegram chat id: ${chatId}`);
  return channelRef(`telegram:${chatId}`);
}

export function encodeCommunity(chatId: number): CommunityRef {
  return communityRef(encodeChannel(chatId));
}

/** The chat id inside a `telegram:` reference; throws for another platform's reference or a malformed id. */
export function decodeChannel(ref: ChannelRef | CommunityRef): number {
  const prefix = "telegram:";
  const rest = ref.startsWith(prefix) ? ref.slice(prefix.length) : "";
  if (!CHAT_ID.test(rest)) throw new TypeError(`not a Telegram channel reference: ${JSON.stringify(ref)}`);
  const id = Number(rest);
  if (!Number.isSafeInteger(id)) throw new TypeError(`Telegram chat id out of range: ${JSON.stringify(ref)}`);
  return id;
}

/**
 * Where a sent message opens in Telegram: `t.me/c/<id>/<message>` for a supergroup or channel (its chat id
 * without the -100), which opens for its members. Basic groups and private chats have no message links.
 */
export function messageLink(
  channel: ChannelRef,
  ref: { channelId: string; messageId: string },
): string | undefined {
  const match = /^-100(\d{1,13})$/.exec(ref.channelId);
  if (!match || !/^[1-9]\d{0,9}$/.test(ref.messageId) || channel !== `telegram:${ref.channelId}`)
    return undefined;
  return `https://t.me/c/${match[1]}/${ref.messageId}`;
}
