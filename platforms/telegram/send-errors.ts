/**
 * Telegram API failures → delivery outcomes. Only an answer about the chat itself (gone, bot removed, no
 * rights, upgraded) is permanent; any other 400 is about the message we built ("can't parse entities",
 * "message is too long", a bad button URL), so it is "rejected": that post fails and the subscription stays
 * active, since pausing on our own bug would pause every subscription at once. Flood control and anything
 * about our own token are transient. A call that may have reached Telegram without a clear answer (a 5xx,
 * a dropped connection, a timeout) may have posted: Telegram has no idempotency key, so it is "uncertain".
 */
import { neverSentCode } from "../../src/core/network-failure.ts";
import type { SendResult } from "../../src/core/platform.ts";
import { encodeChannel } from "./ids.ts";

interface ApiFailure {
  code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Telegram's descriptions for chats we can no longer post to (403s and a few 400s). */
const CHAT_GONE = [
  /bot was blocked by the user/i,
  /bot was kicked/i,
  /bot is not a member/i,
  /user is deactivated/i,
  /bot can't initiate conversation/i,
  /not enough rights/i,
  /need administrator rights/i,
  /have no rights to send a message/i,
  /CHAT_WRITE_FORBIDDEN/,
  /CHAT_RESTRICTED/,
  /chat not found/i,
  /PEER_ID_INVALID/,
  /CHANNEL_PRIVATE/,
  /CHANNEL_INVALID/,
  /CHAT_ADMIN_REQUIRED/,
  /CHAT_SEND_PLAIN_FORBIDDEN/,
  /USER_BANNED_IN_CHANNEL/,
  /group chat was deactivated/i,
  /chat was deleted/i,
  /TOPIC_CLOSED/,
];

/**
 * The forum topic a subscription posts in was deleted (or topics were turned off): every post there will
 * fail alike, so the subscription pauses, saying what to do.
 */
const TOPIC_GONE = /message thread not found/i;
export const TOPIC_GONE_REASON =
  "the forum topic this subscription posts in was deleted (Telegram: message thread not found); /subscribe in a topic to post there";

function apiFailure(err: unknown): ApiFailure | undefined {
  if (typeof err !== "object" || err === null || !("response" in err)) return undefined;
  const response = (err as { response?: Partial<ApiFailure> & { error_code?: number } }).response;
  if (typeof response?.error_code !== "number") return undefined;
  return {
    code: response.error_code,
    description: String(response.description ?? ""),
    parameters: response.parameters,
  };
}

export function classifyTelegramError(err: unknown): SendResult {
  const failure = apiFailure(err);
  if (!failure) return networkFailure(err);
  const { code, description, parameters } = failure;
  if (parameters?.migrate_to_chat_id !== undefined) {
    return { kind: "moved", to: encodeChannel(parameters.migrate_to_chat_id) };
  }
  if (code === 429) {
    const retryAfter = parameters?.retry_after;
    return retryAfter === undefined
      ? { kind: "transient", reason: description || "Too Many Requests" }
      : { kind: "transient", reason: description || "Too Many Requests", retryAfterMs: retryAfter * 1000 };
  }
  // A 5xx (often a gateway timing out in front of the Bot API) comes after the request arrived, so the
  // message may have been posted; without an idempotency key a resend could post it twice.
  if (code >= 500) return { kind: "uncertain", reason: `Telegram server error ${code}: ${description}` };
  if (CHAT_GONE.some((p) => p.test(description))) return { kind: "permanent", reason: description };
  if (TOPIC_GONE.test(description)) return { kind: "permanent", reason: TOPIC_GONE_REASON };
  // Any other 403 is about this chat too (Forbidden is always per chat for a valid token).
  if (code === 403) return { kind: "permanent", reason: description };
  // Any other 400 refuses this message, not the chat: resending it can't help, pausing would be wrong.
  if (code === 400) return { kind: "rejected", reason: `rejected by Telegram: ${description}` };
  // 401/404 mean our token or API root is wrong: every chat fails alike, so wait rather than pause them all.
  return { kind: "transient", reason: `Telegram error ${code}: ${description}` };
}

function networkFailure(err: unknown): SendResult {
  const message = err instanceof Error ? err.message : String(err);
  // The request surely never reached Telegram, so a resend cannot make a second message.
  if (neverSentCode(err)) return { kind: "transient", reason: `network error: ${message}` };
  if (err instanceof Error && err.name === "AbortError") {
    return { kind: "uncertain", reason: "timed out waiting for Telegram's answer" };
  }
  return { kind: "uncertain", reason: `network error after the request was sent: ${message}` };
}
