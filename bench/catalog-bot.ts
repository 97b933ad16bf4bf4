/**
 * The bot's side of the catalog benchmark, run in a process of its own against a database the import
 * step filled: `seed` adds 10,000 subscriptions; `serve` opens the app as `start` does and loads the
 * catalog (the first /prisoner's work), then times lookups and autocomplete in process. Prints JSON.
 */
import { readFile } from "node:fs/promises";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { channelRef, communityRef } from "../src/core/channel.ts";
import { subscriptions } from "../db/schema/index.ts";
import { createLogger } from "../src/ops/logger.ts";
import { BENCH_CAMPAIGN } from "./catalog-generate.ts";
import { latencyStats } from "./measure.ts";
import { searchQueries, suggestQueries } from "./queries.ts";
import { createRandom } from "./random.ts";
import { syntheticCampaign } from "./synthetic-names.ts";

const [mode, profilesArg, seedArg, subscriptionsArg] = process.argv.slice(2);
const profiles = Number(profilesArg);
const seed = Number(seedArg);
const logger = createLogger({ level: "warn", stream: "stderr" });

async function peakRssMb(): Promise<number> {
  const status = await readFile("/proc/self/status", "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Heap figures after a full collection (the child runs with --expose-gc), so they count what is kept. */
function settledMemoryMb() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => n / 1024 / 1024;
  return {
    rss: mb(m.rss),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
}

const started = performance.now();
const app = await createApp(loadConfig(), { logger, owner: "bench" });
const appOpen = settledMemoryMb();
try {
  if (mode === "seed") {
    const count = Number(subscriptionsArg);
    for (let i = 0; i < count; i += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, count - i) }, (_, k) => ({
        channelRef: channelRef(`console:bench-${i + k}`),
        communityRef: communityRef(`console:bench-${i + k}`),
        campaignId: BENCH_CAMPAIGN.id,
        postTime: `${String((i + k) % 24).padStart(2, "0")}:00`,
        timezone: "UTC",
        state: "active" as const,
        createdBy: "bench",
      }));
      await app.database.db.insert(subscriptions).values(rows);
    }
    console.log(JSON.stringify({ seeded: count }));
  } else {
    const snapshot = await app.services.catalog.snapshot();
    const readyMs = performance.now() - started;
    const readyRssMb = process.memoryUsage().rss / 1024 / 1024;
    const ready = settledMemoryMb();
    // The people the catalog was generated from (same seed), so queries hit, miss and misspell as real ones.
    const people = syntheticCampaign(profiles, seed);
    const random = createRandom(11);
    const queries = searchQueries(people, 2_000, random).map((q) => q.text);
    const prefixes = suggestQueries(people, 2_000, random);
    const time = async (items: string[], f: (q: string) => Promise<unknown> | unknown) => {
      const samples: number[] = [];
      for (const item of items) {
        const t = performance.now();
        await f(item);
        samples.push(performance.now() - t);
      }
      return latencyStats(samples);
    };
    const lookup = await time(queries, (q) => app.services.catalog.lookup(q));
    const suggest = await time(prefixes, (q) => app.services.catalog.suggest(q, 25));
    const indexSearch = await time(queries, (q) => snapshot.index.search(q));
    // The one query each lookup makes: has the stored catalog changed (a takedown in any process)?
    const versionCheck = await time(queries, () => app.repositories.catalog.version());
    console.log(
      JSON.stringify({
        profiles: snapshot.all.length,
        readyMs,
        readyRssMb,
        lookup,
        suggest,
        indexSearch,
        versionCheck,
        memory: {
          appHeapMb: appOpen.heapUsed,
          catalogHeapMb: ready.heapUsed - appOpen.heapUsed,
          externalMb: ready.external,
          arrayBuffersMb: ready.arrayBuffers,
          settledRssMb: ready.rss,
        },
        peakRssMb: await peakRssMb(),
      }),
    );
  }
} finally {
  await app.close();
}
