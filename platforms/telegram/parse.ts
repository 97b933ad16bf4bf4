/**
 * Telegram updates → commands, pure. A command is a message (group, supergroup, private chat) or a channel
 * post whose text starts with a `bot_command` entity: `/prisoner Məmmədov` or `/prisoner@OurBot Məmmədov`.
 */
import type { CommandInvocation } from "../../src/core/command.ts";
import { readStartPayload } from "../../src/core/deep-link.ts";
import type { Update } from "telegraf/types";
import { encodeChannel, encodeCommunity } from "./ids.ts";
import { type Authority, authorityOf } from "./moderators.ts";

interface Sender {
  id: number;
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
  /** The IETF tag of the language the user's Telegram app runs in ("fa", "pt-br"); absent if unknown. */
  language_code?: string;
}

interface CommandMessage {
  message_id: number;
  message_thread_id?: number;
  is_topic_message?: boolean;
  chat: { id: number; type: string; title?: string };
  from?: Sender;
  sender_chat?: { id: number; title?: string };
  author_signature?: string;
  text?: string;
  entities?: Array<{ type: string; offset: number; length: number }>;
}

export interface ParsedCommand {
  /** Lower-cased command name without the slash or the bot's username. */
  command: string;
  /** Everything after the command, trimmed. */
  text: string;
  /** True when the command named this bot (`/cmd@OurBot`), or in a private chat where only we can hear it. */
  addressed: boolean;
  chatId: number;
  chatType: string;
  messageId: number;
  /** Forum topic to answer in, so replies stay in the topic the command came from. */
  threadId?: number;
  caller: { id: string; name?: string };
  /** The sender's own language (`from.language_code`); none for a chat speaking (channel, anonymous admin). */
  locale?: string;
  authority: Authority;
}

export function parseCommand(update: Update, botUsername: string): ParsedCommand | undefined {
  const message = (
    "message" in update ? update.message : "channel_post" in update ? update.channel_post : undefined
  ) as CommandMessage | undefined;
  if (!message || typeof message.text !== "string") return undefined;
  const head = message.entities?.[0];
  if (head?.type !== "bot_command" || head.offset !== 0) return undefined;

  const [name = "", target] = message.text.slice(1, head.length).split("@", 2);
  // `/cmd@OtherBot` is for another bot in the same group.
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  if (!/^[A-Za-z0-9_]{1,32}$/.test(name)) return undefined;

  return {
    command: name.toLowerCase(),
    text: message.text.slice(head.length).trim(),
    addressed: target !== undefined || message.chat.type === "private",
    chatId: message.chat.id,
    chatType: message.chat.type,
    messageId: message.message_id,
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
    caller: callerOf(message),
    ...localeOf(message),
    authority: authorityOf(message),
  };
}

function callerOf(message: CommandMessage): ParsedCommand["caller"] {
  // Anonymous admins and channel posts speak as a chat; the chat, not the placeholder user, is the actor.
  if (message.sender_chat) {
    const signed = message.author_signature ? ` (${message.author_signature})` : "";
    return { id: String(message.sender_chat.id), name: `${message.sender_chat.title ?? "chat"}${signed}` };
  }
  if (message.from) return { id: String(message.from.id), name: displayName(message.from) };
  return { id: String(message.chat.id), name: message.chat.title };
}

/**
 * The sender's language. When a chat speaks (a channel post, an anonymous admin), `from` is Telegram's
 * placeholder account, whose language says nothing about the people reading: none, the chat's applies.
 */
function localeOf(message: CommandMessage): { locale?: string } {
  const code = message.sender_chat ? undefined : message.from?.language_code;
  return code ? { locale: code } : {};
}

export function displayName(user: Sender): string | undefined {
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return full || user.username || undefined;
}

/**
 * Which registered command to run, if any. In groups, several bots share the `/` namespace: a command we
 * don't know is answered only when it names us; `/start` (sent when someone opens the bot) means help.
 */
export function resolveCommand(parsed: ParsedCommand, known: ReadonlySet<string>): string | undefined {
  const name = parsed.command === "start" && known.has("help") ? "help" : parsed.command;
  if (known.has(name) || parsed.addressed) return name;
  return undefined;
}

/** What a message asks to run: a command with its text, or a deep link we cannot read. */
export type Request = { command: string; text: string } | { badLink: true };

/**
 * Which command to run for a message, and with what text. `/start p_<id>` in a private chat (or naming us)
 * comes from a profile's deep link (core/deep-link.ts) and runs /prisoner <id>; a payload we cannot read is
 * a bad link, said so; anything else goes as resolveCommand decides.
 */
export function resolveRequest(parsed: ParsedCommand, known: ReadonlySet<string>): Request | undefined {
  if (parsed.command === "start" && parsed.addressed) {
    const start = readStartPayload(parsed.text);
    if (start.kind === "profile" && known.has("prisoner"))
      return { command: "prisoner", text: start.profileId };
    if (start.kind !== "plain") return { badLink: true };
  }
  const command = resolveCommand(parsed, known);
  return command === undefined ? undefined : { command, text: parsed.text };
}

/** `parsed.via`: "button" for a press on one of our callback buttons (counted, see CommandInvocation). */
export function toInvocation(
  parsed: Pick<ParsedCommand, "chatId" | "chatType" | "caller" | "text" | "locale" | "threadId"> & {
    via?: "button";
  },
  command: string,
  isModerator: () => Promise<boolean>,
): CommandInvocation {
  return {
    command,
    text: parsed.text,
    ...(parsed.via ? { via: parsed.via } : {}),
    platform: "telegram",
    channel: encodeChannel(parsed.chatId),
    community: encodeCommunity(parsed.chatId),
    // Telegram's chat types: "private" (one person and the bot), "group", "supergroup", "channel".
    ...(parsed.chatType === "private" ? { privateChat: true } : {}),
    ...(parsed.locale ? { locale: parsed.locale } : {}),
    // A forum topic (set only for is_topic_message): /subscribe there makes the topic the posts' home.
    ...(parsed.threadId !== undefined ? { thread: String(parsed.threadId) } : {}),
    caller: { ...parsed.caller, isModerator },
  };
}
