/**
 * Telegram API failures → delivery outcomes. Only an answer about the chat itself (gone, bot removed, no
 * rights, upgraded) is permanent; flood control, server errors, timeouts and anything about our own token
 * are transient, so a revoked token or an outage never pauses every subscription at once. A call that got
 * no answer at all may have posted: Telegram has no idempotency key, so that is "uncertain", not retried.
 */
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
  /group chat was deactivated/i,
  /TOPIC_CLOSED/,
];

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

export function toSendResult(err: unknown): SendResult {
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
  if (code >= 500) return { kind: "transient", reason: `Telegram server error ${code}: ${description}` };
  if (CHAT_GONE.some((p) => p.test(description))) return { kind: "permanent", reason: description };
  // Any other 403 is about this chat too (Forbidden is always per chat for a valid token).
  if (code === 403) return { kind: "permanent", reason: description };
  // A 400 we don't recognise is a payload Telegram refuses; resending the same post can't help.
  if (code === 400) return { kind: "permanent", reason: `rejected by Telegram: ${description}` };
  // 401/404 mean our token or API root is wrong: every chat fails alike, so wait rather than pause them all.
  return { kind: "transient", reason: `Telegram error ${code}: ${description}` };
}

/** Errors where the request surely never reached Telegram, so a resend cannot make a second message. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function networkFailure(err: unknown): SendResult {
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === "string" && NEVER_SENT.has(code)) {
    return { kind: "transient", reason: `network error: ${message}` };
  }
  if (err instanceof Error && err.name === "AbortError") {
    return { kind: "uncertain", reason: "timed out waiting for Telegram's answer" };
  }
  return { kind: "uncertain", reason: `network error after the request was sent: ${message}` };
}
