/**
 * Delivery through telegraf: one sendMessage per post, mapped to a SendResult, never thrown. No retries
 * here on purpose: the delivery ledger owns retries and pacing, and telegraf itself never retries.
 */
import type { ChannelRef } from "../../src/core/channel.ts";
import type { OutboundPost, SendResult } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports.ts";
import type { Telegram } from "telegraf";
import { decodeChannel } from "./ids.ts";
import { renderNotice, renderPost } from "./render.ts";
import { toSendResult } from "./results.ts";

// telegraf types the signal as its abort-controller polyfill; node-fetch accepts any real AbortSignal.
type CallSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];
const timeout = (ms: number) => ({ signal: AbortSignal.timeout(ms) as unknown as CallSignal });

export interface TelegramSender {
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  /** Posts a short notice in the chat, where its moderators (the admins) will see it; failures are logged. */
  notifyModerators(channel: ChannelRef, text: string): Promise<void>;
}

export interface SenderOptions {
  telegram: Telegram;
  logger: Logger;
  /** A post that gets no answer in this time is reported uncertain (telegraf's own limit is 500 s). */
  timeoutMs?: number;
}

export function createSender({ telegram, logger, timeoutMs = 15_000 }: SenderOptions): TelegramSender {
  return {
    async send(channel, post) {
      let chatId: number;
      try {
        chatId = decodeChannel(channel);
      } catch (err) {
        return { kind: "permanent", reason: (err as Error).message };
      }
      try {
        const message = await telegram.callApi(
          "sendMessage",
          { chat_id: chatId, ...renderPost(post) },
          timeout(timeoutMs),
        );
        return { kind: "sent", messageId: String(message.message_id) };
      } catch (err) {
        const result = toSendResult(err);
        logger.warn({ platform: "telegram", channel, result }, "telegram post not sent");
        return result;
      }
    },
    async notifyModerators(channel, text) {
      try {
        await telegram.callApi(
          "sendMessage",
          { chat_id: decodeChannel(channel), ...renderNotice(text) },
          timeout(timeoutMs),
        );
      } catch (err) {
        logger.warn({ platform: "telegram", channel, err }, "telegram moderator notice not sent");
      }
    },
  };
}
