/**
 * Which Bot API calls count against Telegram's flood caps, and the one place they wait for their pace.
 * Telegram's Bot FAQ limits the messages a bot sends (~30 a second overall, 1 a second in a chat, 20 a
 * minute in a group), whether they are scheduled posts or answers to commands; edits and deletions of its
 * messages are flood-limited too in practice. Answering a callback or inline query, reading a chat or a
 * member, and polling for updates send nothing into a chat, and are not held back.
 *
 * Every call the bot makes goes through its client's `callApi` (telegraf's methods all call it), so the
 * client itself awaits `beforeRequest` (core/request-pace.ts) before each counted call, with the chat it
 * goes to: inside a paced post or answer it takes its place there; elsewhere it waits for nothing.
 */
import { beforeRequest } from "../../src/core/request-pace.ts";
import type { Telegram } from "telegraf";

const COUNTED = /^(send(?!ChatAction$)|copyMessage|forwardMessage|editMessage|deleteMessage)/;

/** Whether `method` puts something into a chat (or changes what is there): what the caps count. */
export const countsAgainstCaps = (method: string): boolean => COUNTED.test(method);

/** Makes every counted call of `telegram` wait for its pace first; returns the same client. */
export function pacedCalls(telegram: Telegram): Telegram {
  const callApi = telegram.callApi.bind(telegram);
  const paced: typeof telegram.callApi = async (method, payload, options) => {
    if (countsAgainstCaps(method)) {
      const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
      await beforeRequest(typeof chat === "number" ? `telegram:${chat}` : undefined);
    }
    return callApi(method, payload, options);
  };
  telegram.callApi = paced;
  return telegram;
}
