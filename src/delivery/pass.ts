/**
 * One delivery pass: plan what has come due (ledger rows, unique per channel and local date), take over
 * rows whose process died, then claim due rows platform by platform and send each through its adapter at
 * the platform's pace. Every step goes through the ledger, so any number of passes in any number of
 * processes add up to one post per channel per day.
 */
import type { DeliveryLedger, DeliveryRow } from "../core/delivery.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { SpotlightRepository } from "../core/ports/spotlights.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import { earliestLocalDateAnywhere } from "../core/channel-clock.ts";
import type { PlanningSubscription } from "../core/delivery.ts";
import { anniversariesOn } from "../core/post-of-the-day.ts";
import type { PostOptions } from "../core/post-options.ts";
import { LOOKBACK_DAYS } from "../core/delivery.ts";
import type { RetractionLedger } from "../core/retraction.ts";
import type { Presenter } from "../core/services.ts";
import type { StatusUpdateLedger } from "../core/status-update.ts";
import type { CatalogService } from "../services/catalog.ts";
import { type HeldRows, resumeHeldRows } from "./held-rows.ts";
import { type ChannelTranslators, channelTranslators, type LanguageDeps } from "./languages.ts";
import type { OutageWatch } from "./outage.ts";
import { recordResult, type SentAttempt, sendFollowingMoves } from "./outcome.ts";
import { catchUpMs, planDeliveries } from "./planner.ts";
import type { PostResolver } from "./post-resolver.ts";
import { previewPass } from "./preview.ts";
import { type PassProgress, type PassProgressListener, startPassProgress } from "./pass-progress.ts";
import type { PassLine, PassReport } from "./report.ts";
import { runRetractions } from "./retract.ts";
import { runStatusUpdates } from "./status-updates.ts";
import { cancelSpotlightsAfterStatusChange } from "./spotlight-status.ts";

export interface DeliveryDeps extends LanguageDeps {
  ledger: DeliveryLedger;
  /** Posts of taken-down profiles to take back; absent: this process retracts nothing. */
  retractions?: RetractionLedger;
  /** Status changes to carry to posts already out, and releases to announce; absent: none are. */
  statusUpdates?: { ledger: StatusUpdateLedger; presenter: Presenter; editWithinDays: number };
  subscriptions: SubscriptionRepository;
  spotlights: SpotlightRepository;
  catalog: CatalogService;
  resolver: PostResolver;
  /** A fresh resolver for a dry run: its rotation picks are kept in memory, never recorded. */
  previewResolver: () => PostResolver;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  clock: Clock;
  logger: Logger;
  /** This process, as recorded on the rows it claims: unique to it, and no two of its passes run at once. */
  owner: string;
  /** Logs a database outage once, and says whether one is on. */
  outage: OutageWatch;
  /** What this process knows of the rows it held when the database went out, until it is back. */
  held: HeldRows;
  catchUpHours: number;
  staleAfterDays: number;
  defaultPostTime: string;
  /** How long a claim holds before another process may take the row over. */
  leaseMs?: number;
  /** Sends in flight at once per platform (the pacer keeps them within the caps). */
  concurrency?: number;
}

export interface PassOptions {
  /**
   * Run as of this instant instead of now (time still moves on from it while the pass runs). `deliver`
   * takes only an instant up to now for a real pass (see as-of.ts); tests also use it to stand for time
   * passing while the app's clock stays put.
   */
  at?: Date;
  /** Plan and print, write and send nothing. */
  dryRun?: boolean;
  /** Wait for retries that fall due within this long, so a one-off pass finishes what it can. */
  settleWithinMs?: number;
  /** Told how far sending has got on each platform, as each row finishes (not in a dry run). */
  onProgress?: PassProgressListener;
}

export { LOOKBACK_DAYS };
const DEFAULT_LEASE_MS = 5 * 60_000;
/** Longer than any adapter's send timeout (10-15 s), shorter than Discord's nonce window. */
const SENDING_LEASE_MS = 60_000;
const BATCH = 200;

/** The pass's two clocks: `due` runs from `--at` (what is due), `wall` is real time (leases, windows). */
interface PassTimes {
  due: () => Date;
  wall: () => Date;
}

export async function runDeliveryPass(deps: DeliveryDeps, options: PassOptions = {}): Promise<PassReport> {
  // The pass's own time: from `at` (or the clock) on, moving with real time while it waits for retries.
  const origin = (options.at ?? deps.clock.now()).getTime();
  const wallOrigin = deps.clock.now().getTime();
  const started = performance.now();
  const now = () => new Date(origin + (performance.now() - started));
  // Leases and dedupe windows are about other processes and platforms, which live in real time: a pass run
  // as of another instant must not treat a running process's claims as expired, nor make its own expire.
  const times: PassTimes = { due: now, wall: () => new Date(wallOrigin + (performance.now() - started)) };
  const start = now();
  const lines: PassLine[] = [];
  const report: PassReport = { at: start, dryRun: options.dryRun ?? false, lines };

  const fromDate = earliestLocalDateAnywhere(start, LOOKBACK_DAYS);
  const planned = await planPass(deps, options, { start, fromDate, wallNow: times.wall() }, lines);
  if (!planned) return report;
  const { translators, anniversaries, optionsOf, recovered } = planned;
  // Before any takeover, so that this process's own rows are not taken for a dead process's.
  if (recovered) await resumeHeldRows({ ...deps, translators }, times, lines);

  const resend = [...deps.adapters.values()]
    .filter((a) => a.afterUncertainSend === "resend")
    .map((a) => ({
      platform: a.platform,
      ...(a.resendWithinMs === undefined ? {} : { withinMs: a.resendWithinMs }),
    }));
  for (const row of await deps.ledger.reclaimExpired(times.wall(), resend)) {
    lines.push({ kind: "uncertain", channel: row.channel, localDate: row.localDate, detail: row.detail! });
  }
  // After the takeover, so a row taken back from a dead process is not sent after its day either.
  for (const row of await deps.ledger.settleOverdue(start, catchUpMs(deps.catchUpHours))) {
    const kind = row.state === "missed" ? "missed" : "failed";
    lines.push({ kind, channel: row.channel, localDate: row.localDate, detail: row.detail ?? "" });
  }

  const platforms = [...deps.adapters.keys()];
  const progress = options.onProgress
    ? await startPassProgress(deps.ledger, { fromDate, now: times.due(), platforms }, options.onProgress)
    : undefined;
  // Alongside the posts, so a takedown reaches the channels within the minute even during a big fan-out.
  const retracting = deps.retractions
    ? runRetractions({ ...deps, retractions: deps.retractions, translators }, times.wall, lines)
    : undefined;
  const updating = deps.statusUpdates
    ? runStatusUpdates(
        {
          ...deps,
          statusUpdates: deps.statusUpdates.ledger,
          presenter: deps.statusUpdates.presenter,
          editWithinDays: deps.statusUpdates.editWithinDays,
          translators,
          optionsOf,
        },
        times.wall,
        lines,
      )
    : undefined;
  for (;;) {
    await Promise.all(
      platforms.map((p) =>
        drainPlatform(
          { ...deps, translators, anniversaries, optionsOf },
          deps.adapters.get(p)!,
          times,
          lines,
          progress,
        ),
      ),
    );
    if (deps.outage.out) break; // the next pass resumes, once the database answers
    const next = await deps.ledger.nextPendingAt(platforms);
    const wait = next ? next.getTime() - now().getTime() : Number.POSITIVE_INFINITY;
    if (wait > (options.settleWithinMs ?? 0)) break;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await retracting;
  await updating;
  return report;
}

/**
 * Plans what has come due and records it, and cancels spotlights whose profile changed, returning only
 * what sending needs: each channel's language and post options and which subscriptions have
 * anniversaries on. The subscriptions as read and the planned rows (ten thousand of each in a big
 * fan-out) stay here, so they are free once planning is done rather than held for the whole pass.
 * Undefined after a dry run, which only previews (its lines are in `lines`).
 */
async function planPass(
  deps: DeliveryDeps,
  options: PassOptions,
  at: { start: Date; fromDate: string; wallNow: Date },
  lines: PassLine[],
) {
  const { start, fromDate } = at;
  const input = await deps.ledger.planningInput(fromDate);
  const recovered = deps.outage.answered();
  const plan = planDeliveries({
    ...input,
    now: start,
    catchUpHours: deps.catchUpHours,
    lookbackDays: LOOKBACK_DAYS,
    defaultPostTime: deps.defaultPostTime,
  });
  const anniversaries = anniversariesOf(input.subscriptions);
  const optionsOf = postOptionsByChannel(input.subscriptions);
  if (options.dryRun) {
    const previewDeps = { ...deps, resolver: deps.previewResolver(), anniversaries };
    lines.push(
      ...(await previewPass(previewDeps, { planned: plan.rows, fromDate, at: start, wallNow: at.wallNow })),
    );
    return undefined;
  }
  await deps.ledger.recordPlan(plan.rows, plan.plannedThrough);
  // Each channel's language, read once for the whole pass: posts, notices and withdrawn edits use it.
  const translators = await channelTranslators(deps);
  for (const row of plan.rows) {
    if (row.state === "missed")
      lines.push({ kind: "missed", channel: row.channel, localDate: row.localDate, detail: row.detail! });
    else if (!deps.adapters.has(row.platform)) {
      lines.push({
        kind: "skipped",
        channel: row.channel,
        localDate: row.localDate,
        detail: `no ${row.platform} adapter is running; left pending`,
      });
    }
  }
  lines.push(...(await cancelSpotlightsAfterStatusChange(deps, input.spotlights, translators, optionsOf)));
  return { translators, anniversaries, optionsOf, recovered };
}

/**
 * Claims and sends this platform's due rows until none is left due. The next batch is claimed while the
 * current one still has work, so the workers never stand idle at a batch boundary and the platform's cap
 * stays in use; at most a batch plus the workers' share is held unsent at any time.
 */
/** A pass's deps with each channel's language and anniversaries setting, as read when the pass began. */
type SendingDeps = DeliveryDeps & {
  translators: ChannelTranslators;
  anniversaries: RowAnniversaries;
  optionsOf: RowPostOptions;
};

/** How a row's channel's subscription asks its posts to go out (a spotlight's too), as the pass read it. */
type RowPostOptions = (row: Pick<DeliveryRow, "channel">) => PostOptions | undefined;

/** Keeps each channel's post options alone, not its whole subscription, for the pass's duration. */
function postOptionsByChannel(subscriptions: readonly PlanningSubscription[]): RowPostOptions {
  const byChannel = new Map(subscriptions.map((s) => [s.channel as string, s.postOptions]));
  return (row) => byChannel.get(row.channel);
}

/** Whether a row's subscription has anniversaries on, as the pass read the subscriptions. */
export type RowAnniversaries = (row: Pick<DeliveryRow, "subscriptionId">) => boolean;

/** Keeps each subscription's setting alone, not the subscription, for the pass's duration. */
function anniversariesOf(subscriptions: readonly PlanningSubscription[]): RowAnniversaries {
  const byId = new Map(subscriptions.map((s) => [s.id, anniversariesOn(s)]));
  // A spotlight's own row has no subscription and no rotation: the setting does not apply to it.
  return (row) =>
    row.subscriptionId !== undefined && (byId.get(row.subscriptionId) ?? anniversariesOn(undefined));
}

async function drainPlatform(
  deps: SendingDeps,
  adapter: PlatformAdapter,
  times: PassTimes,
  lines: PassLine[],
  progress?: PassProgress,
) {
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = deps.concurrency ?? 16;
  const queue: DeliveryRow[] = [];
  let exhausted = false;
  let claiming: Promise<void> | undefined;
  const refill = () => {
    claiming ??= deps.ledger
      .claim({
        platform: adapter.platform,
        now: times.due(),
        leaseFrom: times.wall(),
        limit: BATCH,
        leaseMs,
        owner: deps.owner,
      })
      .then((rows) => {
        queue.push(...rows);
        exhausted = rows.length === 0;
      })
      .catch((err: unknown) => {
        // The next pass claims again; stop this platform's drain rather than spin on a failing database.
        if (!deps.outage.failed(err)) {
          deps.logger.error({ err, platform: adapter.platform }, "claiming delivery rows failed");
        }
        exhausted = true;
      })
      .finally(() => {
        claiming = undefined;
      });
    return claiming;
  };
  const worker = async () => {
    for (;;) {
      if (deps.outage.out) {
        // The rows left in the queue stay claimed by this process and are given back once it is over.
        await claiming;
        return;
      }
      if (!exhausted && queue.length <= concurrency) void refill();
      const row = queue.shift();
      if (row) {
        const line = await deliverRow(deps, adapter, row, times, lines);
        lines.push(line);
        progress?.finished(adapter.platform, line);
      } else if (claiming) {
        await claiming;
      } else if (exhausted) {
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function deliverRow(
  deps: SendingDeps,
  adapter: PlatformAdapter,
  row: DeliveryRow,
  times: PassTimes,
  lines: PassLine[],
): Promise<PassLine> {
  const base = { channel: row.channel, localDate: row.localDate };
  let answer: SentAttempt | undefined;
  try {
    const startedAt = times.wall();
    const marked = await deps.ledger.markSending(row.id, deps.owner, {
      startedAt,
      leaseUntil: new Date(startedAt.getTime() + SENDING_LEASE_MS),
    });
    if (!marked) return { ...base, kind: "skipped", detail: "another process took this row over" };
    const tr = deps.translators(row.channel);
    const target = { ...row, anniversaries: deps.anniversaries(row) };
    const resolved = await deps.resolver.resolve(target, marked.catalogVersion, tr);
    if (resolved.kind === "nothing") {
      await deps.ledger.finish(row.id, deps.owner, { state: "cancelled", detail: resolved.reason });
      return { ...base, kind: "cancelled", detail: resolved.reason };
    }
    // The adapters are paced around each call (delivery/paced-adapter.ts): nothing to wait for here.
    const outcomeDeps = {
      ledger: deps.ledger,
      subscriptions: deps.subscriptions,
      logger: deps.logger,
      owner: deps.owner,
      translators: deps.translators,
    };
    const options = deps.optionsOf(row);
    const post = options ? { ...resolved.post, options } : resolved.post;
    const sent = await sendFollowingMoves(outcomeDeps, adapter, row, post, lines);
    answer = { ...sent, profileId: resolved.profileId, startedAt };
    return await recordResult(outcomeDeps, adapter, row, answer, times.due(), times.wall());
  } catch (err) {
    if (deps.outage.failed(err)) {
      // This process knows whether the post reached the platform: keep that for when the database is back.
      if (answer) deps.held.answers.set(row.id, { row, attempt: answer });
      else deps.held.unsentIds.add(row.id);
      const detail = "the database went out; the row is taken up again once it is back";
      return { ...base, kind: "skipped", detail };
    }
    // A database or bug failure mid-row: the lease will hand the row to the next pass (as uncertain if it
    // was mid-send on a platform that cannot dedupe). Log and go on with the other rows.
    deps.logger.error({ err, channel: row.channel, localDate: row.localDate }, "delivery of one row failed");
    return { ...base, kind: "skipped", detail: `error: ${(err as Error).message}` };
  }
}
