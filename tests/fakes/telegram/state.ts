/**
 * The fake's world: users, chats with members and the bot's own standing, and every message in them.
 * Sending into a chat checks what Telegram checks: does it exist, was it upgraded, is the bot still there
 * and allowed to write.
 */
import { badRequest, forbidden } from "./errors.ts";

export type ChatType = "private" | "group" | "supergroup" | "channel";
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  /** The language of the user's Telegram app, sent in `from` of their messages, presses and queries. */
  language_code?: string;
}

export interface ChatSummary {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  /** A supergroup with topics turned on (a forum): its messages carry `message_thread_id`. */
  is_forum?: boolean;
}

/** An administrator's rights the fake checks: in a channel, posting needs `can_post_messages`. */
export interface AdminRights {
  can_post_messages?: boolean;
}

export interface StoredMessage {
  message_id: number;
  date: number;
  chat: ChatSummary;
  from?: FakeUser;
  sender_chat?: ChatSummary;
  text?: string;
  caption?: string;
  reply_markup?: unknown;
  [key: string]: unknown;
}

export interface Member {
  user: FakeUser;
  status: MemberStatus;
  is_anonymous?: boolean;
}

export interface FakeChat extends ChatSummary {
  members: Map<number, Member>;
  /** The bot's own status: "kicked" in a private chat means the user blocked the bot. */
  botStatus: MemberStatus;
  /** The bot's rights when it is an administrator (a channel's admin may lack "Post messages"). */
  botRights?: AdminRights;
  /** A forum's open topics, by message_thread_id (the id of the message that created the topic). */
  topics?: Set<number>;
  /** Set when a group was upgraded to a supergroup: sends then fail with migrate_to_chat_id. */
  migratedTo?: number;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
}

export class FakeState {
  readonly users = new Map<number, FakeUser>();
  readonly chats = new Map<number, FakeChat>();

  constructor(readonly bot: FakeUser) {
    this.users.set(bot.id, bot);
  }

  summary(chat: FakeChat): ChatSummary {
    const { id, type, title, username, first_name, is_forum } = chat;
    return Object.fromEntries(
      Object.entries({ id, type, title, username, first_name, is_forum }).filter(([, v]) => v !== undefined),
    ) as unknown as ChatSummary;
  }

  /** Resolves a chat_id parameter (number, numeric string or @username) like Telegram does. */
  chat(chatId: unknown): FakeChat {
    let chat: FakeChat | undefined;
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      chat = [...this.chats.values()].find(
        (c) => c.username?.toLowerCase() === chatId.slice(1).toLowerCase(),
      );
    } else if (typeof chatId === "number" || (typeof chatId === "string" && /^-?\d+$/.test(chatId))) {
      chat = this.chats.get(Number(chatId));
    }
    if (!chat) throw badRequest("chat not found");
    return chat;
  }

  /**
   * The chat a message goes to. A user's private chat with the bot exists only once they started it: until
   * then Telegram refuses with 403, and a bot cannot write to another bot at all.
   */
  chatToPost(chatId: unknown): FakeChat {
    const id = typeof chatId === "string" && /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    const user = typeof id === "number" && !this.chats.has(id) ? this.users.get(id) : undefined;
    if (user?.is_bot) throw forbidden("bot can't send messages to bots");
    if (user) throw forbidden("bot can't initiate conversation with a user");
    return this.chat(chatId);
  }

  /** Throws what Telegram answers when the bot may not post in this chat. */
  assertCanPost(chat: FakeChat): void {
    if (chat.migratedTo !== undefined) {
      throw badRequest("group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: chat.migratedTo,
      });
    }
    const kind = chat.type === "private" ? "user" : `${chat.type} chat`;
    if (chat.type === "private" && chat.botStatus === "kicked")
      throw forbidden("bot was blocked by the user");
    if (chat.botStatus === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
    if (chat.botStatus === "left") throw forbidden(`bot is not a member of the ${kind}`);
    // An admin of a channel posts only with the "Post messages" right (Bot API ChatMemberAdministrator).
    const admin = chat.botStatus === "administrator" || chat.botStatus === "creator";
    if (chat.type === "channel" && (!admin || chat.botRights?.can_post_messages === false)) {
      throw badRequest("need administrator rights in the channel chat");
    }
    if (chat.botStatus === "restricted")
      throw badRequest("not enough rights to send text messages to the chat");
  }

  /**
   * A `message_thread_id` must name an open topic of a forum: a deleted topic, or any thread elsewhere,
   * answers 400 "message thread not found" (as the Bot API does; tdlib/telegram-bot-api#854, #472).
   */
  assertThread(chat: FakeChat, threadId: unknown): void {
    if (threadId === undefined) return;
    if (typeof threadId !== "number" || !chat.is_forum || !chat.topics?.has(threadId))
      throw badRequest("message thread not found");
  }

  store(chat: FakeChat, message: Omit<StoredMessage, "message_id" | "date" | "chat">): StoredMessage {
    const stored: StoredMessage = {
      message_id: chat.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.summary(chat),
      ...message,
    };
    chat.messages.set(stored.message_id, stored);
    return stored;
  }

  message(chat: FakeChat, messageId: unknown): StoredMessage {
    const found = typeof messageId === "number" ? chat.messages.get(messageId) : undefined;
    if (!found) throw badRequest("message to edit not found");
    return found;
  }

  member(chat: FakeChat, userId: unknown): Member {
    if (typeof userId !== "number") throw badRequest("invalid user_id specified");
    const user = this.users.get(userId);
    if (!user) throw badRequest("user not found");
    return chat.members.get(userId) ?? { user, status: "left" };
  }
}
