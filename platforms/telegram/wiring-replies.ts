/**
 * Sends the answer to a command. Unlike scheduled posts, answers may span several messages and wait out a
 * short flood-control pause, since someone is waiting for them and nothing else will retry.
 */
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Telegram } from "telegraf";
import type { Outgoing } from "./render.ts";

export interface ReplyTarget {
  chatId: number;
  /** The message being answered; the first part of the answer quotes it. */
  replyTo?: number;
  threadId?: number;
  /** Meant for one person in a shared chat: sent without a notification sound for everyone else. */
  quiet?: boolean;
}

/** Longest flood-control pause an answer waits out; beyond it the person has moved on. */
const MAX_WAIT_MS = 5_000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(err: unknown): number | undefined {
  const e = err as { response?: { error_code?: number; parameters?: { retry_after?: number } } };
  const seconds = e.response?.error_code === 429 ? e.response.parameters?.retry_after : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

async function withFloodWait<T>(call: () => Promise<T>): Promise<T> {
  let waited = 0;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const ms = retryAfterMs(err);
      if (ms === undefined || waited + ms > MAX_WAIT_MS) throw err;
      waited += ms;
      await wait(ms);
    }
  }
}

/** Whether any part was delivered: false when the chat refused the first text (e.g. a user who never started the bot). */
export async function sendReply(
  telegram: Telegram,
  target: ReplyTarget,
  parts: readonly Outgoing[],
  logger: Logger,
): Promise<boolean> {
  let quoted = false;
  for (const part of parts) {
    const extra = {
      ...(target.threadId !== undefined && { message_thread_id: target.threadId }),
      ...(target.quiet && { disable_notification: true }),
      // Quote the command once; if it was deleted meanwhile, answer anyway.
      ...(!quoted &&
        target.replyTo !== undefined && {
          reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true },
        }),
    };
    try {
      if (part.kind === "photo") {
        const { photo, caption } = part;
        await withFloodWait(() =>
          telegram.callApi("sendPhoto", {
            chat_id: target.chatId,
            photo,
            caption,
            parse_mode: "HTML",
            ...extra,
          }),
        );
      } else {
        const { kind: _kind, ...params } = part;
        await withFloodWait(() =>
          telegram.callApi("sendMessage", { chat_id: target.chatId, ...params, ...extra }),
        );
      }
      quoted = true;
    } catch (err) {
      // A photo Telegram can't fetch shouldn't cost the person the card itself; any other failure means
      // the chat refuses us, so the remaining parts would fail the same way.
      logger.warn(
        { platform: "telegram", chatId: target.chatId, part: part.kind, err },
        "telegram reply part failed",
      );
      if (part.kind !== "photo") return quoted;
    }
  }
  return quoted;
}
