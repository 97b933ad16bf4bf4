/**
 * The retraction step of a delivery pass: for each platform whose adapter can retract, claim the due jobs
 * (posts of a taken-down profile, src/core/retraction.ts) and delete or edit each message through the
 * adapter, at the platform's pace. Every attempt is counted and its answer recorded on the post's ledger
 * row; a dead channel or a missing permission settles the job as failed, never retried. An edit says the
 * withdrawn text in the channel's language.
 */
import type { PlatformAdapter } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import {
  type RetractionJob,
  type RetractionLedger,
  type RetractResult,
  retractionOutcome,
  retractModeFor,
  retractOnce,
  withdrawnText,
} from "../core/retraction.ts";
import type { ChannelTranslators } from "./languages.ts";
import type { OutageWatch } from "./outage.ts";
import type { PassLine } from "./report.ts";

export interface RetractDeps {
  retractions: RetractionLedger;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  logger: Logger;
  owner: string;
  outage: OutageWatch;
  /** Each channel's language; absent: English. */
  translators?: ChannelTranslators;
}

/** Longer than a delete and an edit take together; a job whose process died is taken over after it. */
const RETRACT_LEASE_MS = 2 * 60_000;
const BATCH = 100;

/** Runs every due retraction job of every platform that can retract; `now` is the real time. */
export async function runRetractions(deps: RetractDeps, now: () => Date, lines: PassLine[]): Promise<void> {
  await Promise.all(
    [...deps.adapters.values()]
      .filter((adapter) => adapter.retract !== undefined)
      .map((adapter) => retractPlatform(deps, adapter, now, lines)),
  );
}

async function retractPlatform(
  deps: RetractDeps,
  adapter: PlatformAdapter,
  now: () => Date,
  lines: PassLine[],
): Promise<void> {
  for (;;) {
    let jobs: RetractionJob[];
    try {
      jobs = await deps.retractions.claim({
        platform: adapter.platform,
        now: now(),
        limit: BATCH,
        leaseMs: RETRACT_LEASE_MS,
        owner: deps.owner,
      });
    } catch (err) {
      if (!deps.outage.failed(err)) deps.logger.error({ err }, "claiming retraction jobs failed");
      return;
    }
    if (jobs.length === 0) return;
    for (const job of jobs) {
      try {
        lines.push(await retractJob(deps, adapter, job, now));
      } catch (err) {
        // The lease hands the job to a later pass; a repeated delete or edit is harmless.
        if (!deps.outage.failed(err)) deps.logger.error({ err, job }, "a retraction failed");
        return;
      }
    }
  }
}

async function retractJob(
  deps: RetractDeps,
  adapter: PlatformAdapter,
  job: RetractionJob,
  now: () => Date,
): Promise<PassLine> {
  const base = { channel: job.channel, localDate: job.localDate };
  const mode = retractModeFor(job.sentAt, now(), adapter.deleteWithinMs);
  // A delete refused as too old is followed by an edit: each call waits its turn at the platform's pace
  // (the adapters here are paced: delivery/paced-adapter.ts).
  const paced = (...args: Parameters<NonNullable<PlatformAdapter["retract"]>>) =>
    safeRetract(deps.logger, adapter, ...args);
  const tr = deps.translators?.(job.channel);
  const result = await retractOnce(paced, job, mode, tr ? withdrawnText(tr) : undefined);
  const outcome = retractionOutcome(result, job.attempts, now());
  const recorded = await deps.retractions.finish(job.deliveryId, deps.owner, outcome, now());
  const post = `post ${job.ref.messageId}`;
  if (!recorded)
    return { ...base, kind: "skipped", detail: `${post}: another process took this retraction over` };
  if (outcome.state === "pending") {
    return {
      ...base,
      kind: "retrying",
      detail: `${post}: ${outcome.detail}; next attempt at ${outcome.nextAttemptAt.toISOString()}`,
    };
  }
  if (outcome.state === "failed")
    return { ...base, kind: "failed", detail: `${post} not retracted: ${outcome.detail}` };
  return { ...base, kind: "retracted", detail: `${post}: ${outcome.detail}` };
}

async function safeRetract(
  logger: Logger,
  adapter: PlatformAdapter,
  ...args: Parameters<NonNullable<PlatformAdapter["retract"]>>
): Promise<RetractResult> {
  try {
    return await adapter.retract!(...args);
  } catch (err) {
    // An adapter must not throw: a bug. Retrying a delete or an edit is harmless, so try again later.
    logger.error({ err, platform: adapter.platform }, "platform adapter threw from retract");
    return { kind: "transient", reason: `adapter error: ${(err as Error).message}` };
  }
}
