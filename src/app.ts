/**
 * The composition root: configuration → clock → database → repositories → services → dispatcher →
 * metrics, and delivery through whichever adapters a caller runs (`app.delivery`). The clock is injected
 * here once (the system clock unless a test gives its own) and everything built from the app reads it.
 * The only file of the core that knows the database layer and the commands exist; the platforms' adapters
 * are built from the app in app-platforms.ts, so a one-off command never loads a platform's SDK.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commands } from "../commands/index.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { createRepositories, type Repositories } from "../db/repositories/index.ts";
import type { Config } from "./config.ts";
import type { AnyCommand } from "./core/command.ts";
import { ImportError } from "./core/errors.ts";
import type { Dispatch, PlatformAdapter } from "./core/platform.ts";
import type { Clock } from "./core/ports/clock.ts";
import type { Logger } from "./core/ports/logger.ts";
import { platformPacers } from "./delivery/pace-limits.ts";
import type { Pacer } from "./delivery/pacer.ts";
import { createDeliveryService, type DeliveryService, type DeliveryTuning } from "./delivery/service.ts";
import { createDispatcher } from "./dispatch.ts";
import { acquireDataDirLock, type DataDirLock } from "./ops/data-dir-lock.ts";
import { createMetrics, type Metrics } from "./ops/metrics.ts";
import { type AppServices, createBotServices } from "./services/create-services.ts";
import { createPressRecorder } from "./services/press-count.ts";

/**
 * The sample campaign shipped in data/, imported into a new, never used embedded database on first start.
 * `npm run build` copies it to the same place relative to the build (scripts/build.js).
 */
export const SAMPLE_DATA_DIR = fileURLToPath(new URL("../data", import.meta.url));

export interface App {
  config: Config;
  logger: Logger;
  database: Database;
  repositories: Repositories;
  services: AppServices;
  commands: readonly AnyCommand[];
  dispatch: Dispatch;
  metrics: Metrics;
  /** The app's one clock: services, delivery and commands all read it. */
  clock: Clock;
  /**
   * Each chat platform's pacer: its scheduled posts (`delivery`) and its adapter's command answers
   * (app-platforms.ts) take their places from the same one, since the platform counts both.
   */
  pacers: ReadonlyMap<string, Pacer>;
  /**
   * Delivery (the pass and the scheduler) through these adapters, on the app's clock, repositories,
   * services and metrics. The bot passes its platforms; `console` and `deliver` add the console's.
   */
  delivery(adapters: readonly PlatformAdapter[], tuning?: DeliveryTuning): DeliveryService;
  /** The embedded database's lock, held while the app is open (none on a server, or in tests). */
  lock?: DataDirLock;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * What opening the app is doing, for a progress display: the steps that can take seconds (creating the
 * embedded database on first start, migrating, loading the sample). Told before each step and after it.
 */
export type StartupStep =
  | { step: "opening"; database: "embedded"; dataDir: string; creating: boolean }
  | { step: "opening"; database: "server" }
  | { step: "migrating" }
  | { step: "migrated"; applied: number }
  | { step: "loading-sample" }
  | { step: "sample-loaded"; campaigns: number; profiles: number };

/**
 * Whether the database has never been used: no campaign, profile or subscription, and nothing in the
 * audit log, so a sample the operator removed (an audited change) does not come back on the next start.
 */
async function neverUsed(repositories: Repositories): Promise<boolean> {
  const { catalog, subscriptions, audit } = repositories;
  if ((await catalog.listCampaigns()).length > 0) return false;
  const [profiles, subscribed, audited] = await Promise.all([
    catalog.listProfiles(),
    subscriptions.list(),
    audit.list({ limit: 1 }),
  ]);
  return profiles.length === 0 && subscribed.length === 0 && audited.length === 0;
}

/** Whether it loaded the sample. */
async function importSampleIfEmpty(
  repositories: Repositories,
  logger: Logger,
  progress: (step: StartupStep) => void,
): Promise<boolean> {
  if (!(await neverUsed(repositories))) return false;
  progress({ step: "loading-sample" });
  // Loaded only here: the file readers (YAML) are a good part of what every other opening would load.
  const { readImportFiles } = await import("./catalog/read-import-files.ts");
  const read = await readImportFiles([SAMPLE_DATA_DIR]);
  if (read.problems.length > 0) throw new ImportError(read.problems);
  const result = await repositories.catalog.importBundle(
    { campaigns: read.campaigns, profiles: read.profiles },
    "sample-data",
  );
  logger.info(
    { profiles: result.profiles.created, campaigns: result.campaigns.created },
    "imported the sample campaign",
  );
  progress({ step: "sample-loaded", campaigns: result.campaigns.created, profiles: result.profiles.created });
  return true;
}

interface OwnedDatabase {
  database: Database;
  lock?: DataDirLock;
  /** Closes the embedded database, keeping its lock, and opens it again. */
  reopen?: () => Promise<Database>;
}

/**
 * Opens the configured database. The embedded one only under its folder's lock (one owner, see
 * data-dir-lock.ts), released when the database closes; a live owner makes this throw DataDirBusyError.
 */
async function openOwnedDatabase(
  config: Config,
  how: { owner: string; thread: boolean; logger: Logger; progress: (step: StartupStep) => void },
): Promise<OwnedDatabase> {
  const { owner, logger, progress } = how;
  if (config.DATABASE_URL) {
    progress({ step: "opening", database: "server" });
    return { database: await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }) };
  }
  await mkdir(config.DATA_DIR, { recursive: true });
  const lock = acquireDataDirLock(config.DATA_DIR, owner);
  if (lock.tookOverFrom) {
    const { pid, command, since } = lock.tookOverFrom;
    logger.warn(
      { dataDir: config.DATA_DIR, pid, command, since },
      "took over the embedded database's lock from a process that is no longer running",
    );
  }
  try {
    // A PGlite folder without PG_VERSION has no database yet: creating one takes seconds.
    const creating = !existsSync(join(config.DATA_DIR, "PG_VERSION"));
    progress({ step: "opening", database: "embedded", dataDir: config.DATA_DIR, creating });
    let closeKeepingLock = async () => {};
    const open = async () => {
      const database = await openDatabase({ dataDir: config.DATA_DIR, thread: how.thread });
      closeKeepingLock = database.close;
      database.close = () => closeKeepingLock().finally(() => lock.release());
      return database;
    };
    const database = await open();
    const reopen = async () => {
      await closeKeepingLock();
      return open();
    };
    return { database, lock, reopen };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export interface AppOptions {
  logger: Logger;
  /** What this process runs ("start", "import", …), recorded in the embedded database's lock. */
  owner?: string;
  clock?: Clock;
  /** Import the sample campaign into an empty embedded database (what `start` and `console` do). */
  seedSample?: boolean;
  /** An already open database to use instead of the configured one (tests); the app closes it. */
  database?: Database;
  /** Told each step of opening the app that can take seconds (the command line shows progress). */
  onProgress?: (step: StartupStep) => void;
  /**
   * Run the embedded database on a worker thread (db/pglite-thread.ts): for a process that lives on and
   * answers while its queries run (the bot, the console). A one-off command keeps it on its own thread,
   * sparing the thread's start.
   */
  databaseThread?: boolean;
  /** Pacers per platform instead of new ones at the configured rates (a benchmark timing them). */
  pacers?: ReadonlyMap<string, Pacer>;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const progress = options.onProgress ?? (() => {});
  const owned: OwnedDatabase = options.database
    ? { database: options.database }
    : await openOwnedDatabase(config, {
        owner: options.owner ?? "freetobehome",
        thread: options.databaseThread ?? false,
        logger,
        progress,
      });
  const { lock } = owned;
  let database = owned.database;
  try {
    progress({ step: "migrating" });
    progress({ step: "migrated", applied: await migrateDatabase(database) });
    // Embedded PGlite has one owner process, which carries out every other command on its folder.
    const soleWriter = database.kind === "pglite";
    let repositories = createRepositories(database.db, { soleWriter });
    if (options.seedSample && database.kind === "pglite") {
      const loaded = await importSampleIfEmpty(repositories, logger, progress);
      // PGlite's WebAssembly memory only grows: what the load took up (about 40 MB) would stay with the
      // bot for its whole life. Opened again, the bot idles as after any later start, for about a second.
      if (loaded && owned.reopen) {
        database = await owned.reopen();
        repositories = createRepositories(database.db, { soleWriter });
      }
    }

    const services = createBotServices(repositories, {
      clock,
      defaults: {
        postTime: config.DEFAULT_POST_TIME,
        timezone: config.DEFAULT_TIMEZONE,
        language: config.DEFAULT_LANGUAGE,
        ...(config.SUPPORT_URL ? { supportUrl: config.SUPPORT_URL } : {}),
      },
      staleAfterDays: config.STALE_AFTER_DAYS,
      catalogRecords: config.CATALOG_RECORDS,
      retractWithinDays: config.RETRACT_WITHIN_DAYS,
    });

    const metrics = createMetrics({
      commandNames: commands.map((c) => c.name),
      pausedSubscriptions: () => repositories.subscriptions.countPaused(),
      logger,
    });
    const countPress = createPressRecorder({ counter: repositories.presses, clock, logger });
    const dispatch = createDispatcher({
      commands,
      services,
      logger,
      onOutcome: metrics.recordCommand,
      countPress,
    });
    const pacers = options.pacers ?? platformPacers(config);
    const parts = { config, logger, repositories, services, metrics, clock, pacers };
    return {
      ...parts,
      database,
      ...(lock ? { lock } : {}),
      commands,
      dispatch,
      delivery: (adapters, tuning = {}) => createDeliveryService({ ...parts, adapters, ...tuning }),
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
