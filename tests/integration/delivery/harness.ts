/**
 * Delivery over a real database: the app's repositories and services on a migrated PGlite (or a Postgres
 * server), the shipped sample campaign, a clock the test sets, and recording platforms.
 */
import { fileURLToPath } from "node:url";
import type { Database } from "../../../db/client.ts";
import { createRepositories, type Repositories } from "../../../db/repositories/index.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef, communityRef, type ChannelRef, platformOf } from "../../../src/core/channel.ts";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { createDeliveryService } from "../../../src/delivery/service.ts";
import { createBotServices } from "../../../src/services/create-services.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type databaseTargets, truncateAll } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
export const CAMPAIGN = "free-to-be-home-2016";

export function deliveryWorld(database: Database, start = new Date("2026-11-24T08:00:00Z")) {
  const repositories: Repositories = createRepositories(database.db);
  let now = start;
  const clock = { now: () => now };
  const config = loadConfig({});
  const logger = createMemoryLogger();
  const services = createBotServices(repositories, {
    clock,
    defaults: { postTime: config.DEFAULT_POST_TIME, timezone: config.DEFAULT_TIMEZONE },
    staleAfterDays: config.STALE_AFTER_DAYS,
  });

  return {
    database,
    repositories,
    services,
    logger,
    clock,
    setNow(iso: string) {
      now = new Date(iso);
    },
    async reset() {
      await truncateAll(database.db);
      const read = await readImportFiles([SAMPLE]);
      await repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
      now = start;
    },
    /** A delivery service over these adapters, without pacing unless pacers are given. */
    delivery(adapters: PlatformAdapter[], extra: Partial<Parameters<typeof createDeliveryService>[0]> = {}) {
      return createDeliveryService({
        config,
        repositories,
        services,
        adapters,
        clock,
        logger,
        pacers: new Map(),
        ...extra,
      });
    },
    /** The states of a channel's ledger rows, newest date first. */
    async statesOf(channel: string) {
      return (await repositories.deliveries.list({ channel: channelRef(channel) })).map((r) => r.state);
    },
    /** Subscribes a channel as a moderator (user 42 of its platform) would, at the clock's current time. */
    async subscribe(channel: string, postTime = "09:00", timezone = "UTC"): Promise<ChannelRef> {
      const ref = channelRef(channel);
      const community = communityRef(channel.split(":").slice(0, 2).join(":"));
      await repositories.subscriptions.upsert({
        channel: ref,
        community,
        campaignId: CAMPAIGN,
        postTime,
        timezone,
        actor: `${platformOf(ref)}:42`,
        at: now,
      });
      return ref;
    },
  };
}

export type DeliveryWorld = ReturnType<typeof deliveryWorld>;

/**
 * For a describe block on one database target: opens the migrated database once, resets the world before
 * each test and closes the database after the block. The world is reachable only once the block has begun.
 */
export function useDeliveryWorld(target: (typeof databaseTargets)[number]): DeliveryWorld {
  let database: Database | undefined;
  let world: DeliveryWorld | undefined;
  beforeAll(async () => {
    database = await target.open();
    world = deliveryWorld(database);
  });
  beforeEach(() => current().reset());
  afterAll(() => database?.close());
  const current = () => {
    if (!world) throw new Error("the delivery world is used outside its describe block");
    return world;
  };
  return new Proxy({} as DeliveryWorld, { get: (_target, key) => Reflect.get(current(), key) });
}
