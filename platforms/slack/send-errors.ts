/**
 * What a failed Slack Web API call means for the delivery ledger. Error codes and their meanings are from
 * Slack's chat.postMessage reference and its list of errors common to every method.
 */
import { webApi } from "@slack/bolt";
import { neverSentCode } from "../../src/core/network-failure.ts";
import type { SendResult } from "../../src/core/platform.ts";

export type SlackFailure = Exclude<SendResult, { kind: "sent" } | { kind: "moved" }>;

/**
 * The channel, the workspace or our access to it is gone: retrying cannot help, the subscription pauses and
 * moderators are told to fix access. Only codes a moderator or workspace admin can do something about.
 */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "invalid_auth",
  "not_authed",
  "missing_scope",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "restricted_action_non_threadable_channel",
  "team_access_not_granted",
  "ekm_access_denied",
  "no_permission",
  "access_denied",
  // "Access to this method is limited on the current network": an admin's IP allow-list.
  "accesslimited",
  "enterprise_is_restricted",
]);

/** Slack is throttling us or briefly unavailable, and nothing was posted: worth another try later. */
const TRANSIENT = new Set([
  "ratelimited",
  // "Application has posted too many messages": an answer in the body, not a 429 with Retry-After.
  "rate_limited",
  // A free workspace's message limit; it resets with time.
  "message_limit_exceeded",
  // The workspace is moving into an Enterprise org: "intermittently unavailable until the transition".
  "team_added_to_org",
  "org_login_required",
  "service_unavailable",
]);

/**
 * Slack failed part-way: "It's possible some aspect of the operation succeeded before the error was
 * raised." It dedupes nothing, so sending again could post twice. request_timeout is documented as missing
 * or truncated POST data, but its name and our inability to tell make it the same risk.
 */
const MAYBE_POSTED = new Set(["internal_error", "fatal_error", "request_timeout"]);

export function classifySlackError(err: unknown): SlackFailure {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return { kind: "transient", reason: "ratelimited", retryAfterMs: Math.max(0, err.retryAfter) * 1000 };
  }
  if (err instanceof webApi.WebAPIPlatformError) return classifyPlatformError(err.data.error);
  // Slack answered, but not with a verdict: it posted nothing we know of and may do better later.
  if (err instanceof webApi.WebAPIHTTPError) return { kind: "transient", reason: `http ${err.statusCode}` };
  if (err instanceof webApi.WebAPIRequestError) {
    const original = err.original as Error & { cause?: { code?: unknown } };
    // The request was written and no answer came: Slack may have posted it, and it dedupes nothing, so
    // sending again could post twice.
    if (original.name === "TimeoutError" || original.name === "AbortError") {
      return { kind: "uncertain", reason: "timeout" };
    }
    // A connection that failed before a byte was written cannot have posted anything.
    const notSent = neverSentCode(original);
    if (notSent) return { kind: "transient", reason: `network: ${notSent}` };
    const code = typeof original.cause?.code === "string" ? original.cause.code : undefined;
    return { kind: "uncertain", reason: `network: ${code ?? original.message}` };
  }
  return { kind: "transient", reason: `unexpected: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * Slack's own error code (`invalid_blocks`, `channel_not_found`, …) when it answered the call with one;
 * undefined for a network failure, a timeout or an HTTP error without a verdict.
 */
export function slackErrorCode(err: unknown): string | undefined {
  return err instanceof webApi.WebAPIPlatformError ? err.data.error : undefined;
}

function classifyPlatformError(code: string): SlackFailure {
  if (PERMANENT.has(code)) return { kind: "permanent", reason: code };
  if (TRANSIENT.has(code)) return { kind: "transient", reason: code };
  if (MAYBE_POSTED.has(code)) return { kind: "uncertain", reason: code };
  // Everything else is Slack refusing this request itself (invalid_blocks, msg_too_long,
  // msg_blocks_too_long, invalid_arguments, too_many_attachments, …): a bug in what we sent, not the
  // channel's fault, so the day's post fails and the subscription stays active. An unknown code lands here
  // too: pausing a community over a code we have never seen would be worse than one failed post.
  return { kind: "rejected", reason: `rejected by Slack: ${code}` };
}
