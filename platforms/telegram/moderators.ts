/**
 * Who moderates a Telegram chat: its creator and administrators (anonymous ones included). The decision
 * from the message alone is pure (`authorityOf`); only ordinary members cost a getChatMember call, cached.
 */
import type { Logger } from "../../src/core/ports/logger.ts";

/** Service accounts shown as `from` on messages sent on behalf of a chat; never authority by themselves. */
const SERVICE_USERS = new Set([
  777000, // "Telegram": linked-channel posts auto-forwarded into the discussion group
  1087968824, // @GroupAnonymousBot: anonymous group admins (the proof is sender_chat, not this id)
  136817688, // @Channel_Bot: users posting in a group on behalf of one of their channels
]);

export interface SenderFacts {
  chat: { id: number; type: string };
  from?: { id: number; is_bot?: boolean };
  sender_chat?: { id: number };
  /** True for a callback-button press: the presser is a user even in a channel. */
  isButtonPress?: boolean;
}

export type Authority =
  | { kind: "granted"; reason: "channel-post" | "anonymous-admin" | "private-chat" }
  | { kind: "denied"; reason: "other-sender-chat" | "service-account" | "bot" | "no-sender" | "foreign-user" }
  | { kind: "ask"; chatId: number; userId: number };

export function authorityOf(f: SenderFacts): Authority {
  // Only a channel's administrators can post in it, so a channel post is a moderator's act.
  if (f.chat.type === "channel" && !f.isButtonPress) return { kind: "granted", reason: "channel-post" };
  if (f.sender_chat) {
    // The group itself as sender = an anonymous admin. Any other chat is the linked channel's auto-forward
    // (from 777000) or a user speaking as one of their own channels: neither administers this chat.
    return f.sender_chat.id === f.chat.id
      ? { kind: "granted", reason: "anonymous-admin" }
      : { kind: "denied", reason: "other-sender-chat" };
  }
  if (!f.from) return { kind: "denied", reason: "no-sender" };
  if (SERVICE_USERS.has(f.from.id)) return { kind: "denied", reason: "service-account" };
  if (f.from.is_bot) return { kind: "denied", reason: "bot" };
  // Policy: a private chat has exactly one person besides the bot, and it is their channel (they may
  // subscribe it to the daily post), so they moderate that private chat and nothing else.
  if (f.chat.type === "private") {
    return f.chat.id === f.from.id
      ? { kind: "granted", reason: "private-chat" }
      : { kind: "denied", reason: "foreign-user" };
  }
  return { kind: "ask", chatId: f.chat.id, userId: f.from.id };
}

export interface ModeratorCheckOptions {
  getChatMember(chatId: number, userId: number): Promise<{ status: string }>;
  logger: Logger;
  /** Admin lists change rarely: a minute turns a burst of commands into one call, and stale rights soon expire. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export type ModeratorCheck = (authority: Authority) => Promise<boolean>;

export function createModeratorCheck(options: ModeratorCheckOptions): ModeratorCheck {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 5_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: boolean; expires: number }>();
  const inFlight = new Map<string, Promise<boolean>>();

  async function ask(chatId: number, userId: number): Promise<boolean> {
    try {
      const member = await options.getChatMember(chatId, userId);
      const value = member.status === "creator" || member.status === "administrator";
      remember(`${chatId}:${userId}`, value);
      return value;
    } catch (err) {
      // Deny rather than guess, and don't cache: the next command asks again.
      options.logger.warn(
        { err, chatId, userId },
        "telegram getChatMember failed; treating caller as member",
      );
      return false;
    }
  }

  function remember(key: string, value: boolean): void {
    cache.delete(key);
    cache.set(key, { value, expires: now() + ttlMs });
    // Map keeps insertion order, so the first key is the least recently stored: a cheap bounded cache.
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }

  return (authority) => {
    if (authority.kind !== "ask") return Promise.resolve(authority.kind === "granted");
    const key = `${authority.chatId}:${authority.userId}`;
    const hit = cache.get(key);
    if (hit && hit.expires > now()) return Promise.resolve(hit.value);
    const pending = inFlight.get(key) ?? ask(authority.chatId, authority.userId);
    inFlight.set(key, pending);
    return pending.finally(() => inFlight.delete(key));
  };
}
