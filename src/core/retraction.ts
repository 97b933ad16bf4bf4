/**
 * Retraction: taking back a post already delivered, when its profile is taken down. A retraction deletes
 * the bot's message where the platform lets it, and otherwise edits it to a neutral line; it never posts
 * anything new. These are the pure rules; the ledger (db/repositories/retractions.ts) keeps one job per
 * delivered post, and src/delivery/retract.ts runs the jobs in the delivery pass.
 */
import type { ChannelRef } from "./channel.ts";
import { english, type Translator } from "./i18n/translator.ts";
import type { MessageRef } from "./platform.ts";
import type { UpdateState } from "./status-update.ts";

/** The whole text a withdrawn post is edited to, in the channel's language: nothing about the person stays. */
export function withdrawnText(tr: Translator): string {
  return tr.t("notice.withdrawn");
}

/** The English withdrawn text ("This post was withdrawn."): what an edit says when no language is given. */
export const WITHDRAWN_TEXT = withdrawnText(english);

export type RetractMode = "delete" | "edit";

/** The platform's answer to one retract call, never thrown. */
export type RetractResult =
  | { kind: "deleted" }
  | { kind: "edited" }
  /** The message is not there any more (deleted by someone else): nothing left to retract. */
  | { kind: "gone"; reason: string }
  /** The platform will not let the bot delete it (Telegram after 48 hours): edit it instead. */
  | { kind: "not-deletable"; reason: string }
  /** Try again later: 429, 5xx, a timeout. */
  | { kind: "transient"; reason: string; retryAfterMs?: number }
  /** Never going to work: channel gone, bot removed, no permission. Recorded, not retried. */
  | { kind: "permanent"; reason: string };

export const RETRACTION_STATES = ["pending", "claimed", "deleted", "edited", "gone", "failed"] as const;
export type RetractionState = (typeof RETRACTION_STATES)[number];

/** A delivered post owed a retraction, as claimed from the ledger. */
export interface RetractionJob {
  /** The ledger row of the post. */
  deliveryId: number;
  channel: ChannelRef;
  /** The post's local date (its ledger row's). */
  localDate: string;
  platform: string;
  ref: MessageRef;
  sentAt: Date;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** How a claimed job ends this attempt: settled, or back to pending at `nextAttemptAt`. */
export type RetractionOutcome =
  | { state: "deleted" | "edited" | "gone" | "failed"; detail: string }
  | { state: "pending"; detail: string; nextAttemptAt: Date };

/** Transient failures are retried this many times, then recorded as failed. */
export const MAX_RETRACT_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;

/**
 * Delete first, unless the platform is known to refuse it for a post this old (Telegram: 48 hours; the
 * clock is the app's, so a test can make a post old).
 */
export function retractModeFor(sentAt: Date, now: Date, deleteWithinMs: number | undefined): RetractMode {
  if (deleteWithinMs === undefined) return "delete";
  return now.getTime() - sentAt.getTime() < deleteWithinMs ? "delete" : "edit";
}

/** What the ledger records for the platform's final answer to an attempt. */
export function retractionOutcome(result: RetractResult, attempts: number, now: Date): RetractionOutcome {
  switch (result.kind) {
    case "deleted":
      return { state: "deleted", detail: "deleted" };
    case "edited":
      return { state: "edited", detail: `edited to "${WITHDRAWN_TEXT}"` };
    case "gone":
      return { state: "gone", detail: result.reason };
    case "permanent":
      return { state: "failed", detail: result.reason };
    case "not-deletable":
      // Only reached when the edit that follows was not possible either: nothing more to try.
      return { state: "failed", detail: result.reason };
    case "transient":
      return retryOrGiveUp(result, attempts, now);
  }
}

/**
 * A transient failure of a job on a delivered post (a retraction, an update edit, an announcement): tried
 * again with backoff (or after the platform's `retryAfterMs`), until MAX_RETRACT_ATTEMPTS, then failed.
 */
export function retryOrGiveUp(
  result: { reason: string; retryAfterMs?: number },
  attempts: number,
  now: Date,
): RetractionOutcome {
  if (attempts >= MAX_RETRACT_ATTEMPTS) {
    return { state: "failed", detail: `${result.reason}; gave up after ${attempts} attempts` };
  }
  const backoff = BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1);
  const waitMs = Math.max(result.retryAfterMs ?? 0, backoff);
  return { state: "pending", detail: result.reason, nextAttemptAt: new Date(now.getTime() + waitMs) };
}

/** Takes a job through the platform: delete (or edit when the delete is refused as too old). */
export async function retractOnce(
  retract: (channel: ChannelRef, ref: MessageRef, mode: RetractMode, text?: string) => Promise<RetractResult>,
  job: RetractionJob,
  mode: RetractMode,
  text?: string,
): Promise<RetractResult> {
  const first = await retract(job.channel, job.ref, mode, text);
  if (mode === "delete" && first.kind === "not-deletable") return retract(job.channel, job.ref, "edit", text);
  return first;
}

/** A delivered post and its retraction, as moderators see it (`freetobehome deliveries show`). */
export interface DeliveredPost {
  deliveryId: number;
  channel: ChannelRef;
  localDate: string;
  sentAt?: Date;
  ref?: MessageRef;
  /** Its update edit after a status change (src/core/status-update.ts), if one was owed. */
  update?: {
    state: UpdateState;
    attempts: number;
    detail?: string;
    settledAt?: Date;
  };
  retraction?: {
    state: RetractionState;
    requestedAt?: Date;
    attempts: number;
    detail?: string;
    settledAt?: Date;
  };
}

/** The ledger's side of retraction: db/repositories/retractions.ts, on the deliveries table. */
export interface RetractionLedger {
  /**
   * Owes a retraction for every post of the profile sent at or after `since` with a message reference and
   * none owed yet; due at once. Returns how many were added (none for a repeated takedown).
   */
  requestFor(profileId: string, input: { since: Date; now: Date }): Promise<number>;
  /** Claims up to `limit` due jobs of a platform for `owner` (SKIP LOCKED); a dead claimer's lease runs out. */
  claim(input: {
    platform: string;
    now: Date;
    limit: number;
    leaseMs: number;
    owner: string;
  }): Promise<RetractionJob[]>;
  /** Records how a job held by `owner` ended this attempt; false when the claim was lost. */
  finish(deliveryId: number, owner: string, outcome: RetractionOutcome, now: Date): Promise<boolean>;
  /** The profile's sent posts, newest first, with their retraction. */
  forProfile(profileId: string): Promise<DeliveredPost[]>;
}

/**
 * A failed retract call read through the adapter's own send-error mapping: anything that may pass (429,
 * 5xx, a timeout) is tried again later, since a repeated delete or edit is harmless; anything final (no
 * access, channel gone, a refused body) is recorded and never retried.
 */
export function retractFailureOf(failure: {
  kind: "transient" | "uncertain" | "permanent" | "rejected";
  reason: string;
  retryAfterMs?: number;
}): RetractResult {
  if (failure.kind === "transient" || failure.kind === "uncertain") {
    return {
      kind: "transient",
      reason: failure.reason,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    };
  }
  return { kind: "permanent", reason: failure.reason };
}
