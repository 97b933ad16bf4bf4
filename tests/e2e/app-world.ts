/**
 * The whole app for end-to-end tests of a platform: the real composition root (createApp,
 * createPlatformAdapters, app.delivery) on a migrated PGlite with the sample campaign, configured
 * from an environment the test writes (pointing each platform at its local fake), with a clock it sets.
 */
import { fileURLToPath } from "node:url";
import { createApp, type App } from "../../src/app.ts";
import { createPlatformAdapters } from "../../src/app-platforms.ts";
import { readImportFiles } from "../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../src/config.ts";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import type { DeliveryService } from "../../src/delivery/service.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../data", import.meta.url));

export interface AppWorld {
  app: App;
  adapters: PlatformAdapter[];
  delivery: DeliveryService;
  logger: ReturnType<typeof createMemoryLogger>;
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function startAppWorld(env: Record<string, string>, start: string): Promise<AppWorld> {
  let now = new Date(start);
  const clock = { now: () => now };
  const logger = createMemoryLogger();
  const database = await openPgliteTestDatabase();
  const app = await createApp(loadConfig(env), { logger, clock, database });
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  const adapters = await createPlatformAdapters(app);
  for (const adapter of adapters) await adapter.start();
  const delivery = app.delivery(adapters);
  return {
    app,
    adapters,
    delivery,
    logger,
    setNow(iso) {
      now = new Date(iso);
    },
    async close() {
      for (const adapter of adapters) await adapter.stop();
      await app.close();
    },
  };
}
