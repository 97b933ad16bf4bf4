/**
 * Delivery over a real database: the app's repositories and services on a migrated PGlite (or a Postgres
 * server), the shipped sample campaign, a clock the test sets, and recording platforms.
 */
import { fileURLToPath } from "node:url";
import type { Database } from "../../../db/client.ts";
import { createRepositories, type Repositories } from "../../../db/repositories/index.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef, communityRef, type ChannelRef } from "../../../src/core/channel.ts";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { createDeliveryService } from "../../../src/delivery/service.ts";
import { createBotServices } from "../../../src/services/create-services.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { truncateAll } from "../../support/test-database.ts";

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
    /** Subscribes a channel as a moderator would, at the clock's current time. */
    async subscribe(channel: string, postTime = "09:00", timezone = "UTC"): Promise<ChannelRef> {
      const ref = channelRef(channel);
      const community = communityRef(channel.split(":").slice(0, 2).join(":"));
      await repositories.subscriptions.upsert({
        channel: ref,
        community,
        campaignId: CAMPAIGN,
        postTime,
        timezone,
        actor: "mod",
        at: now,
      });
      return ref;
    },
  };
}

export type DeliveryWorld = ReturnType<typeof deliveryWorld>;
