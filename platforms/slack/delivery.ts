/**
 * Scheduled posts to Slack channels, and what Slack's answer means for the delivery ledger: sent, try again
 * (429, 5xx, no connection), maybe sent (a timeout or a connection lost after the request went out), or
 * never as things are (channel gone, bot removed, token revoked).
 */
import { webApi } from "@slack/bolt";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { OutboundPost, SendResult } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports.ts";
import { decodeChannelRef } from "./ids.ts";
import { type SlackMessage, renderNotice, renderPost } from "./render.ts";
import type { TokenResolver } from "./web-client.ts";

/** The channel, the workspace or our access to it is gone: retrying cannot help, the subscription pauses. */
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
]);

/** Slack's own trouble: worth another try later. */
const TRANSIENT = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

const INVALID_BLOCKS = "rejected by Slack: invalid_blocks";

/** Recorded with each post, so a later check of the channel's history could tell whether it went out. */
export const POST_EVENT_TYPE = "freetobehome_post";

export function createSender(deps: { client: webApi.WebClient; tokens: TokenResolver; logger: Logger }) {
  async function post(channel: ChannelRef, message: SlackMessage, metadataKey?: string): Promise<SendResult> {
    const target = decodeChannelRef(channel);
    if (!target) return { kind: "permanent", reason: `not a Slack channel reference: ${channel}` };
    try {
      // Inside the try: the token comes from storage, whose outage is a reason to try later, not to throw.
      const token = await deps.tokens(target.teamId);
      if (!token)
        return { kind: "permanent", reason: `the app is not installed in workspace ${target.teamId}` };
      const result = await deps.client.chat.postMessage({
        token,
        channel: target.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadataKey
          ? { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key: metadataKey } } }
          : {}),
      });
      return { kind: "sent", messageId: result.ts ?? "" };
    } catch (err) {
      const outcome = classifySlackError(err);
      const level = outcome.kind === "transient" ? "info" : "warn";
      deps.logger[level]({ channel, reason: outcome.reason, err }, "slack: chat.postMessage failed");
      return outcome;
    }
  }

  return {
    async send(channel: ChannelRef, item: OutboundPost): Promise<SendResult> {
      const result = await post(channel, renderPost(item), item.idempotencyKey);
      // Slack fetches a message's images as it is posted and refuses the whole message when one cannot be
      // downloaded. Nothing went out, so the card goes again without its photo: a dead image link must not
      // pause a subscription.
      if (result.kind === "permanent" && result.reason === INVALID_BLOCKS && item.card.photo) {
        return post(channel, renderPost(item, { photo: false }), item.idempotencyKey);
      }
      return result;
    },
    /** A notice in the channel itself; the channel may be the very thing that is broken, so it never throws. */
    async notify(channel: ChannelRef, text: string): Promise<void> {
      const result = await post(channel, renderNotice(text));
      if (result.kind !== "sent") deps.logger.warn({ channel, result }, "slack: could not notify moderators");
    },
  };
}

/** Connection failures that happen before a byte of the request is written: nothing can have been posted. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function classifySlackError(err: unknown): Exclude<SendResult, { kind: "sent" } | { kind: "moved" }> {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return { kind: "transient", reason: "ratelimited", retryAfterMs: Math.max(0, err.retryAfter) * 1000 };
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    if (PERMANENT.has(code)) return { kind: "permanent", reason: code };
    if (TRANSIENT.has(code)) return { kind: "transient", reason: code };
    // Slack refused this request itself (invalid_blocks, msg_too_long, …). Sending the same post again
    // gets the same answer, so it is not transient; the reason names the code for whoever reads the ledger.
    return { kind: "permanent", reason: `rejected by Slack: ${code}` };
  }
  // Slack answered, but not with a verdict: it posted nothing we know of and may do better later.
  if (err instanceof webApi.WebAPIHTTPError) return { kind: "transient", reason: `http ${err.statusCode}` };
  if (err instanceof webApi.WebAPIRequestError) {
    const original = err.original as Error & { cause?: { code?: unknown } };
    // The request was written and no answer came: Slack may have posted it, and it dedupes nothing, so
    // sending again could post twice.
    if (original.name === "TimeoutError" || original.name === "AbortError") {
      return { kind: "uncertain", reason: "timeout" };
    }
    const code = typeof original.cause?.code === "string" ? original.cause.code : undefined;
    if (code && NOT_CONNECTED.has(code)) return { kind: "transient", reason: `network: ${code}` };
    return { kind: "uncertain", reason: `network: ${code ?? original.message}` };
  }
  return { kind: "transient", reason: `unexpected: ${err instanceof Error ? err.message : String(err)}` };
}
