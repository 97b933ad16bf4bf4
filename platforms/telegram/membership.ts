/**
 * The bot's own standing in a chat → a change in its access (core/channel-access.ts), pure. Telegram sends
 * `my_chat_member` with the bot's old and new ChatMember whenever an admin adds, promotes, demotes or
 * removes it. In a channel only administrators post, and only with `can_post_messages`; in a group any
 * member may post unless restricted. Private chats are left out: a user who blocks the bot is a delivery
 * error (403), handled where the post fails.
 */
import type { AccessChange, AccessLoss } from "../../src/core/channel-access.ts";

export interface BotMember {
  status: string;
  /** ChatMemberAdministrator, channels only: may the bot post there. */
  can_post_messages?: boolean;
  /** ChatMemberRestricted: may it send text, and is it still in the chat. */
  can_send_messages?: boolean;
  is_member?: boolean;
}

export interface MyChatMember {
  chat: { id: number; type: string; username?: string };
  from: { id: number };
  old_chat_member: BotMember;
  new_chat_member: BotMember;
}

function canPost(chatType: string, m: BotMember): boolean {
  if (chatType === "channel") {
    return m.status === "creator" || (m.status === "administrator" && m.can_post_messages === true);
  }
  if (m.status === "restricted") return m.is_member === true && m.can_send_messages === true;
  return m.status === "creator" || m.status === "administrator" || m.status === "member";
}

function lossOf(chatType: string, m: BotMember): AccessLoss {
  if (m.status === "left" || m.status === "kicked") return "removed";
  if (chatType === "channel" && m.status !== "administrator") return "not-admin";
  return "cannot-post";
}

/** What changed for posting, or undefined when nothing did (a right unrelated to posting, a private chat). */
export function accessChangeOf(update: MyChatMember): AccessChange | undefined {
  const type = update.chat.type;
  if (type === "private") return undefined;
  const before = canPost(type, update.old_chat_member);
  const after = canPost(type, update.new_chat_member);
  if (before === after) return undefined;
  return after ? { kind: "restored" } : { kind: "lost", loss: lossOf(type, update.new_chat_member) };
}
