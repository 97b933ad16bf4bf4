/**
 * Turning a platform's answer into the ledger's record and its consequences: a permanent error pauses the
 * subscription (never deletes it) and tells its subscriber in private where the platform lets us; a moved
 * chat takes its subscription along and is posted to at its new address; transient errors come back later.
 */
import type { ChannelRef } from "../core/channel.ts";
import type { DeliveryLedger, DeliveryOutcome, DeliveryRow } from "../core/delivery.ts";
import type { OutboundPost, PlatformAdapter, SendResult } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { ChannelTranslators } from "./languages.ts";
import { tellSubscriber } from "./moderator-notice.ts";
import type { PassLine } from "./report.ts";
import { nextAttempt } from "./retry.ts";

export interface OutcomeDeps {
  ledger: DeliveryLedger;
  subscriptions: SubscriptionRepository;
  logger: Logger;
  owner: string;
  /** Each channel's language (delivery/languages.ts); absent: English. */
  translators?: ChannelTranslators;
}

const ACTOR = "delivery";
const RESEND_AFTER_UNCERTAIN_MS = 2_000;

/**
 * Pauses the row's subscription and tells its subscriber in private (never in `channel`, which just failed
 * for good); returns what became of the notice. `channel`: where the post went, which is the row's new
 * address after a move (a Telegram supergroup).
 */
async function pauseFor(
  deps: OutcomeDeps,
  adapter: PlatformAdapter,
  row: DeliveryRow,
  channel: ChannelRef,
  reason: string,
): Promise<string | undefined> {
  if (row.subscriptionId === undefined) return undefined;
  const paused = await deps.subscriptions.pause(channel, { reason, actor: ACTOR });
  // No longer active (paused meanwhile by another process or a platform event, or stopped): not ours
  // to tell.
  if (!paused) return undefined;
  return tellSubscriber(deps, adapter, paused, reason, deps.translators?.(paused.channel));
}

/** Sends, following one move of the chat (a Telegram group upgraded to a supergroup). */
export async function sendFollowingMoves(
  deps: OutcomeDeps,
  adapter: PlatformAdapter,
  row: DeliveryRow,
  post: OutboundPost,
  lines: PassLine[],
): Promise<{ result: SendResult; channel: ChannelRef }> {
  const first = await safeSend(deps, adapter, row.channel, post);
  if (first.kind !== "moved") return { result: first, channel: row.channel };
  const moved =
    row.subscriptionId === undefined || (await deps.subscriptions.moveChannel(row.channel, first.to, ACTOR));
  lines.push({ kind: "moved", channel: row.channel, localDate: row.localDate, detail: `now ${first.to}` });
  if (!moved) {
    return {
      result: { kind: "permanent", reason: `the chat moved to ${first.to}, which has its own subscription` },
      channel: row.channel,
    };
  }
  const second = await safeSend(deps, adapter, first.to, post);
  const result: SendResult =
    second.kind === "moved"
      ? { kind: "permanent", reason: `the chat moved twice (now ${second.to})` }
      : second;
  return { result, channel: first.to };
}

async function safeSend(
  deps: OutcomeDeps,
  adapter: PlatformAdapter,
  channel: ChannelRef,
  post: OutboundPost,
) {
  try {
    return await adapter.send(channel, post);
  } catch (err) {
    // An adapter must not throw; if it does, that is a bug, and the send may or may not have happened.
    deps.logger.error({ err, channel }, "platform adapter threw from send");
    return { kind: "uncertain", reason: `adapter error: ${(err as Error).message}` } satisfies SendResult;
  }
}

type Decision = { outcome: DeliveryOutcome; kind: PassLine["kind"]; detail: string };

/** An attempt's result with what the row needs to decide about it. */
interface Attempt {
  result: SendResult;
  /** When this attempt began: the start of the dedupe window if it turns out uncertain. */
  startedAt: Date;
}

/** What the ledger records for a platform's answer, and the report line it becomes. */
function decide(
  adapter: PlatformAdapter,
  row: DeliveryRow,
  { result, startedAt }: Attempt,
  now: Date,
  wallNow: Date,
): Decision {
  if (result.kind === "sent") {
    const outcome: DeliveryOutcome = {
      state: "sent",
      messageId: result.messageId,
      // Kept so that a takedown can find the message again. Real time (not `deliver --at`): a platform's
      // limit on deleting it (Telegram: 48 h) runs from when it was really posted.
      ...(result.messageRef ? { messageRef: result.messageRef } : {}),
      sentAt: wallNow,
    };
    return { outcome, kind: "sent", detail: `message ${result.messageId}` };
  }
  const retryable =
    result.kind === "transient" || (result.kind === "uncertain" && adapter.afterUncertainSend === "resend");
  if (retryable) return retry(adapter, row, result, startedAt, now, wallNow);
  if (result.kind === "uncertain") {
    const detail = `${result.reason}; not resent, since this platform cannot drop a duplicate`;
    return { outcome: { state: "uncertain", detail }, kind: "uncertain", detail: result.reason };
  }
  if (result.kind === "rejected") {
    const detail = `${result.reason}; the platform refused this message (the subscription stays active)`;
    return { outcome: { state: "failed", detail }, kind: "failed", detail };
  }
  const reason = result.kind === "permanent" ? result.reason : "the chat moved";
  return { outcome: { state: "paused", detail: reason }, kind: "paused", detail: reason };
}

/**
 * A transient failure, or an uncertain one on a platform that dedupes, comes back later. Once a send may
 * have posted, every later try must land inside the platform's dedupe window (Discord's nonce holds for
 * "a few minutes"): resends go out within seconds, doubling, and one that would come too late is not made.
 */
function retry(
  adapter: PlatformAdapter,
  row: DeliveryRow,
  result: Extract<SendResult, { kind: "transient" | "uncertain" }>,
  startedAt: Date,
  now: Date,
  wallNow: Date,
): Decision {
  // `since` and `startedAt` are on the real clock (a platform's window is real time); `now` is the pass's.
  const since = result.kind === "uncertain" ? (row.uncertainSince ?? startedAt) : row.uncertainSince;
  const elapsed = since ? wallNow.getTime() - since.getTime() : 0;
  const retryAfterMs =
    result.kind === "transient" ? result.retryAfterMs : Math.max(RESEND_AFTER_UNCERTAIN_MS, elapsed);
  const at = nextAttempt({
    now,
    attempt: row.attempts,
    localDate: row.localDate,
    timezone: row.timezone,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  if (since && at && adapter.resendWithinMs !== undefined) {
    if (elapsed + (at.getTime() - now.getTime()) > adapter.resendWithinMs) {
      const window = Math.round(adapter.resendWithinMs / 1000);
      const detail = `${result.reason}; not resent: an earlier try may have posted, and the platform drops a duplicate only within ${window} s of it`;
      return { outcome: { state: "uncertain", detail }, kind: "uncertain", detail: result.reason };
    }
  }
  if (at) {
    const outcome: DeliveryOutcome = {
      state: "pending",
      detail: result.reason,
      nextAttemptAt: at,
      ...(since ? { uncertainSince: since } : {}),
    };
    return { outcome, kind: "retrying", detail: `${result.reason}; next attempt at ${at.toISOString()}` };
  }
  const detail = `${result.reason}; the local day ended before a retry could succeed`;
  return { outcome: { state: "failed", detail }, kind: "failed", detail: result.reason };
}

/** One attempt's answer from the platform, with where it went, what it posted and when it began. */
export interface SentAttempt {
  result: SendResult;
  channel: ChannelRef;
  profileId: string;
  startedAt: Date;
}

/** Records the result of one attempt and returns the report line. */
export async function recordResult(
  deps: OutcomeDeps,
  adapter: PlatformAdapter,
  row: DeliveryRow,
  sent: SentAttempt,
  now: Date,
  /** The real time, when the pass runs as of another instant (`deliver --at`); leases and windows use it. */
  wallNow: Date = now,
): Promise<PassLine> {
  const { outcome, kind, detail } = decide(adapter, row, sent, now, wallNow);
  const base = { channel: sent.channel, localDate: row.localDate };
  const recorded = await deps.ledger.finish(row.id, deps.owner, { profileId: sent.profileId, ...outcome });
  if (!recorded) {
    // Our lease ran out mid-send and another process took the row over: the ledger keeps its record.
    return {
      ...base,
      kind: "skipped",
      detail: `this process lost the row to another (it had: ${kind}, ${detail})`,
    };
  }
  if (kind === "paused") {
    const notice = await pauseFor(deps, adapter, row, sent.channel, detail);
    return { ...base, kind, detail: notice ? `${detail}; ${notice}` : detail };
  }
  if (kind !== "sent") return { ...base, kind, detail };
  // `now` is read right after the platform answered, on the same clock as `dueAt` (the pass's).
  return { ...base, kind, detail: `${detail}, profile ${sent.profileId}`, dueAt: row.dueAt, sentAt: now };
}
