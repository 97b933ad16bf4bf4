/**
 * The status-update step of a delivery pass (src/core/status-update.ts): turn the status changes imports
 * recorded into jobs (once, whichever process gets there first), then, for each platform whose adapter
 * can, edit recent posts to carry the dated update line and announce releases, at the platform's pace.
 * Each edit renders the profile as it is now through the presenter, so it never shows a field or relative
 * whose consent was withdrawn; a profile no longer public (taken down, withheld) or, in a live campaign,
 * not verified within STALE_AFTER_DAYS is never edited nor announced: the job is recorded as skipped.
 * Every attempt is counted and its answer recorded.
 */
import type { ChannelRef } from "../core/channel.ts";
import type { PlatformAdapter, SendResult } from "../core/platform.ts";
import type { PostOptions } from "../core/post-options.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { StoredProfile } from "../core/ports/catalog.ts";
import { staleness } from "../core/freshness.ts";
import type { Campaign } from "../core/profile.ts";
import type { Presenter } from "../core/services.ts";
import {
  type AnnouncementJob,
  type AnnouncementOutcome,
  announcementOutcome,
  type EditResult,
  editOutcome,
  type StatusUpdateLedger,
  type UpdateJob,
  type UpdateOutcome,
} from "../core/status-update.ts";
import { releaseAnnouncement, updateLine, withUpdateLine } from "../presentation/status-update.ts";
import { isPubliclyVisible, loadShown } from "../rotation/eligibility.ts";
import type { CatalogService } from "../services/catalog.ts";
import type { ChannelTranslators } from "./languages.ts";
import type { OutageWatch } from "./outage.ts";
import { idempotencyKeyOf, postOf } from "./post-resolver.ts";
import type { PassLine } from "./report.ts";

export interface StatusUpdateDeps {
  statusUpdates: StatusUpdateLedger;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  catalog: CatalogService;
  presenter: Presenter;
  logger: Logger;
  owner: string;
  outage: OutageWatch;
  translators: ChannelTranslators;
  /** RETRACT_WITHIN_DAYS: posts sent this recently are edited. */
  editWithinDays: number;
  /** STALE_AFTER_DAYS: a live campaign's profile not verified within it is held back, as from the daily post. */
  staleAfterDays: number;
  /** The post options of a channel's subscription (a topic, silent), so an announcement goes where posts go. */
  optionsOf?: (job: { channel: ChannelRef }) => PostOptions | undefined;
}

const DAY_MS = 86_400_000;
/** A release is announced in the channels that featured the person within a year. */
export const ANNOUNCE_WITHIN_DAYS = 365;
/** As for retractions: longer than an edit takes; a dead process's job is taken over after it. */
const LEASE_MS = 2 * 60_000;
const BATCH = 100;

/** Enqueues waiting changes, then runs every due edit and announcement; `now` is the real time. */
export async function runStatusUpdates(
  deps: StatusUpdateDeps,
  now: () => Date,
  lines: PassLine[],
): Promise<void> {
  try {
    const at = now();
    await deps.statusUpdates.enqueue({
      now: at,
      editSince: new Date(at.getTime() - deps.editWithinDays * DAY_MS),
      announceSince: new Date(at.getTime() - ANNOUNCE_WITHIN_DAYS * DAY_MS),
    });
  } catch (err) {
    if (!deps.outage.failed(err)) deps.logger.error({ err }, "enqueuing status updates failed");
    return;
  }
  await Promise.all(
    [...deps.adapters.values()].map(async (adapter) => {
      if (adapter.edit) await drain(deps, adapter, now, lines, "edit");
      if (adapter.announce) await drain(deps, adapter, now, lines, "announce");
    }),
  );
}

async function drain(
  deps: StatusUpdateDeps,
  adapter: PlatformAdapter,
  now: () => Date,
  lines: PassLine[],
  what: "edit" | "announce",
): Promise<void> {
  const claim = { platform: adapter.platform, limit: BATCH, leaseMs: LEASE_MS, owner: deps.owner };
  for (;;) {
    try {
      if (what === "edit") {
        const jobs = await deps.statusUpdates.claimEdits({ ...claim, now: now() });
        if (jobs.length === 0) return;
        for (const job of jobs) lines.push(await editJob(deps, adapter, job, now));
      } else {
        const jobs = await deps.statusUpdates.claimAnnouncements({ ...claim, now: now() });
        if (jobs.length === 0) return;
        for (const job of jobs) lines.push(await announceJob(deps, adapter, job, now));
      }
    } catch (err) {
      // The lease hands the job to a later pass; a repeated edit is harmless.
      if (!deps.outage.failed(err)) deps.logger.error({ err, what }, "a status update failed");
      return;
    }
  }
}

/**
 * The profile as it is now, only while it may still be posted: public, not taken down, and (in a live
 * campaign) verified within STALE_AFTER_DAYS as of today, as the daily post requires; else why not.
 */
async function shownNow(
  deps: StatusUpdateDeps,
  now: Date,
  profileId: string,
  campaignId?: string,
): Promise<{ stored: StoredProfile; campaign: Campaign } | { held: string }> {
  const snap = await deps.catalog.snapshot();
  const entry = snap.byId.get(profileId);
  if (!entry || !isPubliclyVisible(entry.profile)) return { held: NOT_SHOWN };
  const stored = await loadShown(entry);
  if (!stored) return { held: NOT_SHOWN };
  const campaign = snap.campaigns.find((c) => c.id === (campaignId ?? stored.profile.campaign));
  if (!campaign) return { held: "its campaign no longer exists: nothing is edited or posted" };
  const today = now.toISOString().slice(0, 10);
  if (staleness(stored.profile, campaign, today, deps.staleAfterDays))
    return {
      held: `not verified within ${deps.staleAfterDays} days: nothing is edited or posted until it is`,
    };
  return { stored, campaign };
}

const NOT_SHOWN = "the profile is taken down or no longer public: nothing is edited or posted about it";

async function editJob(
  deps: StatusUpdateDeps,
  adapter: PlatformAdapter,
  job: UpdateJob,
  now: () => Date,
): Promise<PassLine> {
  const base = { channel: job.channel, localDate: job.localDate };
  const post = `post ${job.ref.messageId}`;
  // Read after the claim: a takedown committed before it is seen here, and one after it waits for this
  // edit to finish before its retraction is claimed (db/repositories/retractions.ts).
  const shown = await shownNow(deps, now(), job.change.profileId, job.campaignId);
  const tr = deps.translators(job.channel);
  let outcome: UpdateOutcome;
  if ("held" in shown) outcome = { state: "skipped", detail: shown.held };
  else {
    const body = postOf(deps.presenter, job, shown.stored, shown.campaign, tr);
    const card = withUpdateLine(body.card, updateLine(job.change, shown.stored.profile, tr));
    // Its subscription's options, so an edit keeps what the post showed (Telegram's link previews).
    const options = deps.optionsOf?.(job);
    const edited = {
      ...body,
      card,
      idempotencyKey: idempotencyKeyOf({ id: job.deliveryId }),
      ...(options ? { options } : {}),
    };
    const result = await safely<EditResult>(deps.logger, adapter, () =>
      adapter.edit!(job.channel, job.ref, edited),
    );
    outcome = editOutcome(result, job.attempts, now());
  }
  if (!(await deps.statusUpdates.finishEdit(job.deliveryId, deps.owner, outcome, now())))
    return { ...base, kind: "skipped", detail: `${post}: another process took this update over` };
  if (outcome.state === "pending")
    return { ...base, kind: "retrying", detail: `${post} update: ${outcome.detail}` };
  if (outcome.state === "failed")
    return { ...base, kind: "failed", detail: `${post} not updated: ${outcome.detail}` };
  if (outcome.state === "skipped")
    return { ...base, kind: "skipped", detail: `${post} not updated: ${outcome.detail}` };
  return { ...base, kind: "updated", detail: `${post}: ${outcome.detail}` };
}

async function announceJob(
  deps: StatusUpdateDeps,
  adapter: PlatformAdapter,
  job: AnnouncementJob,
  now: () => Date,
): Promise<PassLine> {
  const base = { channel: job.channel, localDate: job.change.date };
  const shown = await shownNow(deps, now(), job.change.profileId);
  const tr = deps.translators(job.channel);
  let outcome: AnnouncementOutcome;
  if ("held" in shown) outcome = { state: "skipped", detail: shown.held };
  else {
    const { text, url } = releaseAnnouncement(job.change, shown.stored.profile, tr);
    const options = deps.optionsOf?.(job);
    const item = {
      text,
      url,
      language: tr.language.tag,
      idempotencyKey: `ftbh-a-${job.id}`,
      ...(options ? { options } : {}),
      ...(job.replyTo ? { inReplyTo: job.replyTo } : {}),
    };
    const result = await safely<SendResult>(deps.logger, adapter, () => adapter.announce!(job.channel, item));
    outcome = announcementOutcome(result, job.attempts, now());
  }
  if (!(await deps.statusUpdates.finishAnnouncement(job.id, deps.owner, outcome, now())))
    return { ...base, kind: "skipped", detail: "another process took this announcement over" };
  const what = `release of ${job.change.profileId}`;
  if (outcome.state === "pending") return { ...base, kind: "retrying", detail: `${what}: ${outcome.detail}` };
  if (outcome.state === "failed")
    return { ...base, kind: "failed", detail: `${what} not announced: ${outcome.detail}` };
  if (outcome.state === "skipped")
    return { ...base, kind: "skipped", detail: `${what} not announced: ${outcome.detail}` };
  return { ...base, kind: "announced", detail: `${what} announced` };
}

async function safely<T extends { kind: string }>(
  logger: Logger,
  adapter: PlatformAdapter,
  call: () => Promise<T>,
): Promise<T | { kind: "transient"; reason: string }> {
  try {
    return await call();
  } catch (err) {
    // An adapter must not throw: a bug. A repeated edit is harmless; an announcement is keyed.
    logger.error({ err, platform: adapter.platform }, "platform adapter threw from a status update");
    return { kind: "transient", reason: `adapter error: ${(err as Error).message}` };
  }
}
