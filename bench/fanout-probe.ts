/**
 * What the benchmark measures from inside the process, without touching the delivery core: database
 * queries per platform (drizzle's query hook, attributed through AsyncLocalStorage by thin wrappers around
 * the ledger and the adapters), when each platform's posts were accepted, and the event loop's delay
 * (memory: fanout-memory.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { DeliveryLedger } from "../src/core/delivery.ts";
import type { PlatformAdapter } from "../src/core/platform.ts";

/** Queries made outside any platform's work: planning, reclaiming, the catalog, the pass's bookkeeping. */
export const PASS_LEVEL = "pass";

export function createQueryCounter() {
  const scope = new AsyncLocalStorage<string>();
  const counts = new Map<string, number>();
  let counting = false;
  return {
    /** For openBenchDatabase: drizzle calls it in the async context of whoever sent the query. */
    onQuery() {
      if (!counting) return;
      const key = scope.getStore() ?? PASS_LEVEL;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    start() {
      counts.clear();
      counting = true;
    },
    stop(): Map<string, number> {
      counting = false;
      return new Map(counts);
    },
    /** Runs `work` with its queries counted against `platform`. */
    within<T>(platform: string | undefined, work: () => T): T {
      return platform === undefined ? work() : scope.run(platform, work);
    },
  };
}

export type QueryCounter = ReturnType<typeof createQueryCounter>;

/**
 * The real ledger; claims, and every later step of a claimed row (found by its id), count against the
 * row's platform. Each method still makes exactly the queries it makes in production.
 */
export function attributedLedger(inner: DeliveryLedger, counter: QueryCounter): DeliveryLedger {
  const platformOfRow = new Map<number, string>();
  return {
    ...inner,
    claim: (input) =>
      counter.within(input.platform, async () => {
        const rows = await inner.claim(input);
        for (const row of rows) platformOfRow.set(row.id, row.platform);
        return rows;
      }),
    markSending: (id, owner, attempt) =>
      counter.within(platformOfRow.get(id), () => inner.markSending(id, owner, attempt)),
    finish: (id, owner, outcome) =>
      counter.within(platformOfRow.get(id), () => inner.finish(id, owner, outcome)),
  };
}

/**
 * The real adapter, its sends timed (when each was accepted, by this process's clock) and their queries
 * (Slack reads the workspace's token per post) counted against the platform.
 */
export function timedAdapter(inner: PlatformAdapter, counter: QueryCounter) {
  const acceptedAt: number[] = [];
  const adapter: PlatformAdapter = {
    platform: inner.platform,
    afterUncertainSend: inner.afterUncertainSend,
    start: () => inner.start(),
    stop: () => inner.stop(),
    send: (channel, post) =>
      counter.within(inner.platform, async () => {
        const result = await inner.send(channel, post);
        if (result.kind === "sent") acceptedAt.push(performance.now());
        return result;
      }),
    ...(inner.notifyModerators ? { notifyModerators: inner.notifyModerators.bind(inner) } : {}),
  };
  return { adapter, acceptedAt };
}

/**
 * How late the main thread's event loop ran while the pass was going. The database (PGlite in process) and
 * delivery share it, so a stall delays some sends and bunches them up with the next ones; the fakes run on
 * a process of their own and count those sends by their own clock, as a real platform would.
 */
export function watchEventLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = (ns: number) => Math.round(ns / 1e5) / 10;
      return {
        p50Ms: ms(histogram.percentile(50)),
        p99Ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
      };
    },
  };
}

export type EventLoopDelay = ReturnType<ReturnType<typeof watchEventLoop>["stop"]>;
