/**
 * How @discordjs/rest is configured, and why. One place, because these settings decide whether a daily
 * fan-out waits, retries or hands the problem back to the delivery scheduler.
 */
import { DefaultRestOptions, type RateLimitData, type RESTOptions } from "discord.js";
import { beforeRequest } from "../../src/core/request-pace.ts";

export interface DiscordTuning {
  /** Immediate library retries of a 5xx or timed-out request (default 1). */
  retries?: number;
  /** Per-request timeout in ms (default 10,000). */
  timeoutMs?: number;
  /** Our own global pacing; Discord's documented bot-wide limit is 50/s (default 50). */
  globalRequestsPerSecond?: number;
  /** Longest rate-limit wait sat out inside the library; longer ones become `transient` (default 6,000). */
  maxRateLimitWaitMs?: number;
  /** A command answer not ready after this many ms is deferred (Discord allows 3 s in all; default 1,500). */
  deferAfterMs?: number;
  /** Autocomplete cannot be deferred: answer with nothing rather than miss the 3 s (default 2,000). */
  autocompleteTimeoutMs?: number;
}

export const DEFAULT_TUNING: Required<DiscordTuning> = {
  retries: 1,
  timeoutMs: 10_000,
  globalRequestsPerSecond: 50,
  // Discord's observed per-channel message window is 5 s, and the library adds its 50 ms offset twice.
  maxRateLimitWaitMs: 6_000,
  deferAfterMs: 1_500,
  autocompleteTimeoutMs: 2_000,
};

/**
 * - `retries: 1`: one quick retry of a 5xx or timeout. Safe for posts, which carry `nonce` with
 *   `enforce_nonce` (a repeat returns the first message), and for webhook edits (PATCH). A repeated
 *   interaction callback that had landed is refused with 40060 and logged, never doubled. Longer retrying
 *   belongs to the delivery scheduler, which backs off and records each attempt.
 * - `rejectOnRateLimit`: the library waits out short limits itself (the ~5 s per-channel message bucket,
 *   the 1 s global window) so a fan-out keeps flowing; a longer wait is thrown as RateLimitError and
 *   reported as `transient` with `retryAfterMs`, so one channel never holds a delivery worker for minutes.
 *   4xx errors are never retried by the library, so 10003/50001/50013 cost exactly one request.
 * - `makeRequest`: every request the client sends, in a delivery pass, first takes its place with the
 *   platform's pacer (core/request-pace.ts): the crosspost after a post, the message after a DM channel is
 *   opened, the library's retry of a 5xx or of a 429 it waited out each count against Discord's global
 *   limit as much as the post did. Outside a pass (commands, interactions) it waits for nothing.
 */
export function restOptions(
  apiUrl: string | undefined,
  tuning: Required<DiscordTuning>,
): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: tuning.retries,
    timeout: tuning.timeoutMs,
    globalRequestsPerSecond: tuning.globalRequestsPerSecond,
    rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > tuning.maxRateLimitWaitMs,
    makeRequest: async (url, init) => {
      await beforeRequest();
      return DefaultRestOptions.makeRequest(url, init);
    },
  };
}
