/**
 * Updates about where the bot lives: `my_chat_member` when its own standing in a chat changes (added,
 * promoted, demoted, rights changed, removed), and messages in a forum topic. The fake's state changes
 * with the update, as Telegram's does before it tells the bot.
 */
import { CHAT_METHODS } from "./methods-chats.ts";
import type { FakeWorld } from "./methods.ts";
import type { AdminRights, MemberStatus, StoredMessage } from "./state.ts";
import type { BuiltUpdate } from "./updates.ts";

export function createNativeBuilders(world: FakeWorld) {
  const { state, queue } = world;
  const botMember = (chatId: number) =>
    CHAT_METHODS.getChatMember!(world, { chat_id: chatId, user_id: state.bot.id });

  return {
    /**
     * The bot's status in a chat changed by `byUserId` (an admin): Telegram sends the bot's old and new
     * ChatMember. `rights` are the bot's admin rights after the change (a channel's "Post messages").
     */
    myChatMember(
      chatId: number,
      byUserId: number,
      status: MemberStatus,
      rights: AdminRights = {},
    ): BuiltUpdate {
      const chat = state.chat(chatId);
      const from = state.users.get(byUserId);
      if (!from) throw new Error(`fake Telegram: no user ${byUserId}; add it first`);
      const old_chat_member = botMember(chatId);
      chat.botStatus = status;
      chat.botRights = rights;
      const new_chat_member = botMember(chatId);
      const date = Math.floor(Date.now() / 1000);
      const update = { chat: state.summary(chat), from, date, old_chat_member, new_chat_member };
      return { update_id: queue.newId(), my_chat_member: update };
    },

    /** Opens a topic in a forum: its id is the id of the service message that created it, as in Telegram. */
    openTopic(chatId: number, name: string): number {
      const chat = state.chat(chatId);
      if (!chat.is_forum) throw new Error(`fake Telegram: chat ${chatId} is not a forum`);
      const created: Partial<StoredMessage> = { forum_topic_created: { name, icon_color: 7322096 } };
      const message = state.store(chat, { ...created, from: state.bot });
      chat.topics = new Set([...(chat.topics ?? []), message.message_id]);
      return message.message_id;
    },

    /** Deletes a topic with its messages: sending to it answers "message thread not found" from now on. */
    deleteTopic(chatId: number, threadId: number): void {
      state.chat(chatId).topics?.delete(threadId);
    },

    /** A member's message in a forum topic: `message_thread_id` and `is_topic_message`, as Telegram sends. */
    topicExtra(threadId: number): Partial<StoredMessage> {
      return { message_thread_id: threadId, is_topic_message: true };
    },
  };
}
