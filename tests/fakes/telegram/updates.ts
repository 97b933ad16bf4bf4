/**
 * Builders for the updates Telegram would send: commands typed by members, anonymous admins and linked
 * channels, channel posts, button presses and inline queries. Messages are stored in their chat (so
 * replies to them work) and query ids are registered (so the bot's answers are accepted).
 */
import type { FakeWorld } from "./methods.ts";
import type { FakeChat, FakeUser, StoredMessage } from "./state.ts";

export const TELEGRAM_SERVICE_USER = 777000;
export const GROUP_ANONYMOUS_BOT = 1087968824;

export interface BuiltUpdate {
  update_id: number;
  [key: string]: unknown;
}

function commandEntities(text: string) {
  const token = /^\/\S+/.exec(text);
  return token ? [{ type: "bot_command", offset: 0, length: token[0].length }] : undefined;
}

export function createUpdateBuilders(world: FakeWorld) {
  const { state, queue } = world;
  const user = (id: number): FakeUser => {
    const found = state.users.get(id);
    if (!found) throw new Error(`fake Telegram: no user ${id}; add it first`);
    return found;
  };
  const store = (chat: FakeChat, content: Partial<StoredMessage>): StoredMessage => {
    const entities = typeof content.text === "string" ? commandEntities(content.text) : undefined;
    return state.store(chat, { ...content, ...(entities && { entities }) });
  };

  return {
    /** A message from a user: `/prisoner Məmmədov` gets its bot_command entity like Telegram adds. */
    message(chatId: number, userId: number, text: string, extra: Partial<StoredMessage> = {}): BuiltUpdate {
      const chat = state.chat(chatId);
      return { update_id: queue.newId(), message: store(chat, { from: user(userId), text, ...extra }) };
    },

    /** An edit of an earlier message: Telegram sends the whole message again as `edited_message`. */
    editedMessage(chatId: number, messageId: number, text: string): BuiltUpdate {
      const chat = state.chat(chatId);
      const original = chat.messages.get(messageId);
      if (!original) throw new Error(`fake Telegram: no message ${messageId} in chat ${chatId}`);
      const entities = commandEntities(text);
      const { entities: _old, ...rest } = original;
      const edited = { ...rest, text, ...(entities && { entities }), edit_date: original.date + 60 };
      chat.messages.set(messageId, edited);
      return { update_id: queue.newId(), edited_message: edited };
    },

    /** A photo whose caption starts with a command: its entity is in `caption_entities`, with no `text`. */
    photoWithCaption(chatId: number, userId: number, caption: string): BuiltUpdate {
      const chat = state.chat(chatId);
      const photo = [{ file_id: `photo${queue.newId()}`, file_unique_id: "u1", width: 90, height: 90 }];
      const message = state.store(chat, {
        from: user(userId),
        photo,
        caption,
        caption_entities: commandEntities(caption),
      });
      return { update_id: queue.newId(), message };
    },

    /** An anonymous admin: from @GroupAnonymousBot, sender_chat = the group itself. */
    anonymousAdmin(chatId: number, text: string): BuiltUpdate {
      const chat = state.chat(chatId);
      const from: FakeUser = {
        id: GROUP_ANONYMOUS_BOT,
        is_bot: true,
        first_name: "Group",
        username: "GroupAnonymousBot",
      };
      return {
        update_id: queue.newId(),
        message: store(chat, { from, sender_chat: state.summary(chat), text }),
      };
    },

    /** A linked channel's post auto-forwarded to its discussion group: from 777000, sender_chat = the channel. */
    linkedChannelForward(chatId: number, channelId: number, text: string): BuiltUpdate {
      const chat = state.chat(chatId);
      const channel = state.summary(state.chat(channelId));
      const from: FakeUser = { id: TELEGRAM_SERVICE_USER, is_bot: false, first_name: "Telegram" };
      const message = store(chat, { from, sender_chat: channel, is_automatic_forward: true, text });
      return { update_id: queue.newId(), message };
    },

    /** A post in a channel: no `from`, sender_chat = the channel. */
    channelPost(channelId: number, text: string, signature?: string): BuiltUpdate {
      const chat = state.chat(channelId);
      const post = store(chat, {
        sender_chat: state.summary(chat),
        text,
        ...(signature && { author_signature: signature }),
      });
      return { update_id: queue.newId(), channel_post: post };
    },

    /** A press on a callback button of a message the bot sent. */
    callbackQuery(chatId: number, messageId: number, userId: number, data: string): BuiltUpdate {
      const chat = state.chat(chatId);
      const message = chat.messages.get(messageId);
      if (!message) throw new Error(`fake Telegram: no message ${messageId} in chat ${chatId}`);
      const id = `cb${queue.newId()}`;
      world.openQueries.add(`callback:${id}`);
      const query = { id, from: user(userId), message, chat_instance: String(chatId), data };
      return { update_id: queue.newId(), callback_query: query };
    },

    /** `@bot <query>` typed in any chat. */
    inlineQuery(userId: number, query: string): BuiltUpdate {
      const id = `iq${queue.newId()}`;
      world.openQueries.add(`inline:${id}`);
      return { update_id: queue.newId(), inline_query: { id, from: user(userId), query, offset: "" } };
    },
  };
}
