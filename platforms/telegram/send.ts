/**
 * Delivery through telegraf: one sendMessage per post, mapped to a SendResult, never thrown. No retries
 * here on purpose: the delivery ledger owns retries and pacing, and telegraf itself never retries.
 */
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import type {
  MessageRef,
  NoticeResult,
  OutboundPost,
  PrivateNotice,
  SendResult,
} from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { PostOptions } from "../../src/core/post-options.ts";
import {
  type RetractMode,
  type RetractResult,
  retractFailureOf,
  WITHDRAWN_TEXT,
} from "../../src/core/retraction.ts";
import type { Announcement, EditResult } from "../../src/core/status-update.ts";
import type { Telegram } from "telegraf";
import { decodeChannel } from "./ids.ts";
import { renderedOnce } from "../../src/core/rendered-once.ts";
import { renderAnnouncement, renderNotice, renderPost } from "./render.ts";
import { placementOf } from "./render-options.ts";
import { classifyTelegramError } from "./send-errors.ts";

/** A day's post is the same for every chat that gets it: rendered once (core/rendered-once.ts). */
const renderPostOnce = renderedOnce(renderPost);

/** The chat a post goes to, or why it never can (a malformed reference is our bug, not worth a retry). */
function chatIdOf(channel: ChannelRef): number | { kind: "permanent"; reason: string } {
  try {
    return decodeChannel(channel);
  } catch (err) {
    return { kind: "permanent", reason: (err as Error).message };
  }
}

/** Why an edit or delete of a message already sent failed, as a retraction or update records it. */
function oldMessageFailure(err: unknown) {
  const failure = classifyTelegramError(err);
  // A chat that moved (a group upgraded to a supergroup) keeps its old messages under the old id, out of reach.
  return failure.kind === "moved" || failure.kind === "sent"
    ? ({
        kind: "permanent",
        reason: "the chat moved to a new id; its old messages are out of reach",
      } as const)
    : retractFailureOf(failure);
}

// telegraf types the signal as its abort-controller polyfill; node-fetch accepts any real AbortSignal.
type CallSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];
const timeout = (ms: number) => ({ signal: AbortSignal.timeout(ms) as unknown as CallSignal });

export interface TelegramSender {
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  /**
   * Posts a short notice in the chat, where its moderators (the admins) will see it, in the subscription's
   * topic and as quietly as its posts (`options`); failures are logged.
   */
  notifyModerators(
    channel: ChannelRef,
    text: string,
    language?: string,
    options?: PostOptions,
  ): Promise<void>;
  /**
   * A message in the moderator's private chat with the bot (its chat id is the user's id). Telegram lets a
   * bot write there only to someone who has started it (403 "bot can't initiate conversation with a
   * user"), or not blocked it since: one try, and the answer is the result.
   */
  notifyModerator(notice: PrivateNotice): Promise<NoticeResult>;
  /**
   * deleteMessage, or editMessageText to `text` (the withdrawn text in the channel's language,
   * WITHDRAWN_TEXT by default; daily posts are text messages). Telegram lets a
   * bot delete only messages younger than 48 hours ("message can't be deleted"): that answer says "edit
   * instead"; an edit has no age limit for the bot's own messages.
   */
  retract(channel: ChannelRef, ref: MessageRef, mode: RetractMode, text?: string): Promise<RetractResult>;
  /** editMessageText to the post rendered as `send` would (daily posts are text messages): a status update. */
  edit(channel: ChannelRef, ref: MessageRef, post: OutboundPost): Promise<EditResult>;
  /** sendMessage with a short announcement and its source link. */
  announce(channel: ChannelRef, announcement: Announcement): Promise<SendResult>;
}

/** Telegram deletes a bot's message only within 48 hours of sending it. */
export const TELEGRAM_DELETE_WITHIN_MS = 48 * 3_600_000;

const MESSAGE_GONE = /message to (delete|edit) not found/i;
const NOT_DELETABLE = /message can't be deleted/i;
const NOT_MODIFIED = /message is not modified/i;

export interface SenderOptions {
  telegram: Telegram;
  logger: Logger;
  /** A post that gets no answer in this time is reported uncertain (telegraf's own limit is 500 s). */
  timeoutMs?: number;
}

export function createSender({ telegram, logger, timeoutMs = 15_000 }: SenderOptions): TelegramSender {
  return {
    async send(channel, post) {
      const chatId = chatIdOf(channel);
      if (typeof chatId !== "number") return chatId;
      try {
        const message = await telegram.callApi(
          "sendMessage",
          { chat_id: chatId, ...renderPostOnce(post), ...placementOf(post.options) },
          timeout(timeoutMs),
        );
        const messageId = String(message.message_id);
        return { kind: "sent", messageId, messageRef: { channelId: String(message.chat.id), messageId } };
      } catch (err) {
        const result = classifyTelegramError(err);
        logger.warn({ platform: "telegram", channel, result }, "telegram post not sent");
        return result;
      }
    },
    async notifyModerators(channel, text, _language, options) {
      try {
        await telegram.callApi(
          "sendMessage",
          { chat_id: decodeChannel(channel), ...renderNotice(text), ...placementOf(options) },
          timeout(timeoutMs),
        );
      } catch (err) {
        logger.warn({ platform: "telegram", channel, err }, "telegram moderator notice not sent");
      }
    },
    async notifyModerator({ userId, channel, text, language }) {
      let chatId: number;
      try {
        chatId = decodeChannel(channel);
      } catch (err) {
        return { delivered: false, reason: (err as Error).message };
      }
      // A person's id is positive; a negative one is a chat that spoke for itself (an anonymous admin, a
      // channel post), and a private chat whose post failed is the very chat the notice would go to.
      const user = Number(userId);
      if (!/^[1-9]\d{0,15}$/.test(userId) || !Number.isSafeInteger(user))
        return {
          delivered: false,
          reason: `not a Telegram user: ${userId} (an anonymous admin or a channel)`,
        };
      if (user === chatId) return { delivered: false, reason: "the private chat is the chat that failed" };
      try {
        // A bot removed from a chat cannot read its title, and a chat id means nothing to a person: the
        // text says which subscription by its time and the day it was set up.
        const about = translatorFor(language).t("render.aboutSubscribedChat", { text });
        const notice = renderNotice(about);
        await telegram.callApi("sendMessage", { chat_id: user, ...notice }, timeout(timeoutMs));
        return { delivered: true };
      } catch (err) {
        const result = classifyTelegramError(err);
        const reason = "reason" in result ? result.reason : result.kind;
        logger.warn({ platform: "telegram", channel, userId, reason }, "telegram private notice not sent");
        return { delivered: false, reason };
      }
    },
    async edit(channel, ref, post) {
      const target = { chat_id: Number(ref.channelId), message_id: Number(ref.messageId) };
      try {
        await telegram.callApi("editMessageText", { ...target, ...renderPost(post) }, timeout(timeoutMs));
        return { kind: "edited" };
      } catch (err) {
        const description = (err as { response?: { description?: string } }).response?.description ?? "";
        if (MESSAGE_GONE.test(description)) return { kind: "gone", reason: description };
        // The same post again (an edit repeated after a lost answer): it already says it.
        if (NOT_MODIFIED.test(description)) return { kind: "edited" };
        const result = oldMessageFailure(err);
        logger.warn({ platform: "telegram", channel, ref, result }, "telegram update edit failed");
        return result as EditResult;
      }
    },
    async announce(channel, announcement) {
      const chatId = chatIdOf(channel);
      if (typeof chatId !== "number") return chatId;
      try {
        const params = {
          chat_id: chatId,
          ...renderAnnouncement(announcement.text, announcement.url),
          ...placementOf(announcement.options),
        };
        const message = await telegram.callApi("sendMessage", params, timeout(timeoutMs));
        const messageId = String(message.message_id);
        return { kind: "sent", messageId, messageRef: { channelId: String(message.chat.id), messageId } };
      } catch (err) {
        const result = classifyTelegramError(err);
        logger.warn({ platform: "telegram", channel, result }, "telegram announcement not sent");
        return result;
      }
    },
    async retract(channel, ref, mode, text = WITHDRAWN_TEXT) {
      const target = { chat_id: Number(ref.channelId), message_id: Number(ref.messageId) };
      try {
        if (mode === "delete") {
          await telegram.callApi("deleteMessage", target, timeout(timeoutMs));
          return { kind: "deleted" };
        }
        const edit = { ...target, text, link_preview_options: { is_disabled: true } };
        await telegram.callApi("editMessageText", edit, timeout(timeoutMs));
        return { kind: "edited" };
      } catch (err) {
        const description = (err as { response?: { description?: string } }).response?.description ?? "";
        if (MESSAGE_GONE.test(description)) return { kind: "gone", reason: description };
        if (mode === "delete" && NOT_DELETABLE.test(description))
          return { kind: "not-deletable", reason: description };
        // The same text again: the message already says it was withdrawn.
        if (mode === "edit" && NOT_MODIFIED.test(description)) return { kind: "edited" };
        const result = oldMessageFailure(err);
        logger.warn({ platform: "telegram", channel, ref, mode, result }, "telegram retraction failed");
        return result;
      }
    },
  };
}
