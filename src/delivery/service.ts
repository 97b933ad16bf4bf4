/**
 * Assembles delivery from the app's repositories and services and the running platform adapters: one
 * pacer per platform at its configured rate, one post resolver, and the pass and scheduler built on them.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Config } from "../config.ts";
import type { DeliveryLedger } from "../core/delivery.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import type { RetractionLedger } from "../core/retraction.ts";
import type { StatusUpdateLedger } from "../core/status-update.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { RotationLog } from "../core/ports/rotation-log.ts";
import type { SpotlightRepository } from "../core/ports/spotlights.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import { createDryRunRotationLog } from "../rotation/dry-run-log.ts";
import type { AppServices } from "../services/create-services.ts";
import { createFeaturedService } from "../services/featured.ts";
import { createHeldRows } from "./held-rows.ts";
import { createOutageWatch } from "./outage.ts";
import { platformPacers } from "./pace-limits.ts";
import { pacedAdapter } from "./paced-adapter.ts";
import type { Pacer } from "./pacer.ts";
import { type PassOptions, runDeliveryPass } from "./pass.ts";
import { createPostResolver } from "./post-resolver.ts";
import type { PassReport } from "./report.ts";
import { createDeliveryScheduler, type DeliveryScheduler } from "./scheduler.ts";

export interface DeliveryService {
  runPass(options?: PassOptions): Promise<PassReport>;
  scheduler: DeliveryScheduler;
}

/** Where each pass's report goes once it is done (the app's metrics). */
export interface PassMetrics {
  recordPass(report: PassReport, seconds: number): void;
}

export interface DeliveryServiceInput {
  config: Config;
  repositories: {
    deliveries: DeliveryLedger;
    /** Absent: passes retract nothing (tests of posting alone). */
    retractions?: RetractionLedger;
    /** Absent: passes make no status update. */
    statusUpdates?: StatusUpdateLedger;
    subscriptions: SubscriptionRepository;
    spotlights: SpotlightRepository;
    rotation: RotationLog;
  };
  services: AppServices;
  adapters: readonly PlatformAdapter[];
  clock: Clock;
  logger: Logger;
  metrics?: PassMetrics;
  /**
   * Pacers per platform: the app's, which its adapters' answers share (app.ts); else new ones at the
   * configured rates. Sends in flight and the claim lease: overrides for tests and benchmarks.
   */
  pacers?: ReadonlyMap<string, Pacer>;
  concurrency?: number;
  leaseMs?: number;
  owner?: string;
  /** How soon the scheduler tries a pass again while the database is out. */
  outageRetryMs?: number;
}

/** What a test or benchmark may tune of a delivery service the app builds (`App.delivery`). */
export type DeliveryTuning = Pick<
  DeliveryServiceInput,
  "pacers" | "concurrency" | "leaseMs" | "owner" | "outageRetryMs"
>;

export function createDeliveryService(input: DeliveryServiceInput): DeliveryService {
  const { config, repositories, services } = input;
  const logger = input.logger.child({ component: "delivery" });
  const pacers = input.pacers ?? platformPacers(config);
  // Every request a pass makes is paced inside the adapter, around the call (paced-adapter.ts).
  const adapters = new Map(
    input.adapters.map((a) => [a.platform as string, pacedAdapter(a, pacers.get(a.platform))]),
  );
  const resolverDeps = {
    catalog: services.catalog,
    featured: services.featured,
    presenter: services.presenter,
    spotlights: repositories.spotlights,
    staleAfterDays: config.STALE_AFTER_DAYS,
  };
  const resolver = createPostResolver(resolverDeps);
  // A dry run chooses the same families a pass would, through a rotation log that records nothing.
  const previewResolver = () =>
    createPostResolver({
      ...resolverDeps,
      featured: createFeaturedService({
        catalog: services.catalog,
        rotation: createDryRunRotationLog(repositories.rotation),
        spotlights: repositories.spotlights,
        subscriptions: repositories.subscriptions,
        clock: input.clock,
        defaults: services.defaults,
        staleAfterDays: config.STALE_AFTER_DAYS,
      }),
    });
  const deps = {
    ledger: repositories.deliveries,
    ...(repositories.retractions ? { retractions: repositories.retractions } : {}),
    ...(repositories.statusUpdates
      ? {
          statusUpdates: {
            ledger: repositories.statusUpdates,
            presenter: services.presenter,
            editWithinDays: config.RETRACT_WITHIN_DAYS,
          },
        }
      : {}),
    subscriptions: repositories.subscriptions,
    spotlights: repositories.spotlights,
    catalog: services.catalog,
    // Each channel's language for its posts and notices, read once per pass.
    channelLanguages: services.channelLanguages,
    ...(services.defaults.language === undefined ? {} : { defaultLanguage: services.defaults.language }),
    resolver,
    previewResolver,
    adapters,
    clock: input.clock,
    logger,
    // Unique to this service, even in a restarted container (same host name, pid 1): its rows claimed
    // before an outage are given back as its own, which must never take another process's.
    owner: input.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    outage: createOutageWatch(logger, input.clock),
    held: createHeldRows(),
    catchUpHours: config.CATCH_UP_HOURS,
    staleAfterDays: config.STALE_AFTER_DAYS,
    defaultPostTime: config.DEFAULT_POST_TIME,
    ...(input.leaseMs === undefined ? {} : { leaseMs: input.leaseMs }),
    ...(input.concurrency === undefined ? {} : { concurrency: input.concurrency }),
  };
  // One pass at a time: a pass gives back the rows this process holds from an earlier one that failed.
  let previous: Promise<unknown> = Promise.resolve();
  const runPass = (options?: PassOptions) => {
    const pass = previous.then(async () => {
      const started = performance.now();
      const report = await runDeliveryPass(deps, options);
      // A dry run wrote and sent nothing: nothing happened to any post.
      if (!report.dryRun) input.metrics?.recordPass(report, (performance.now() - started) / 1000);
      return report;
    });
    previous = pass.catch(() => {});
    return pass;
  };
  const scheduler = createDeliveryScheduler(() => runPass(), logger, deps.outage, input.outageRetryMs);
  return { runPass, scheduler };
}
