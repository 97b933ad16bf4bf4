/** The paused-subscriptions gauge when the database fails or hangs during a scrape. */
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/ops/metrics.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";

function metricsWith(pausedSubscriptions: () => Promise<number>) {
  const logger = createMemoryLogger();
  const metrics = createMetrics({ commandNames: ["help"], pausedSubscriptions, logger, storeTimeoutMs: 100 });
  return { metrics, logger };
}

describe("freetobehome_paused_subscriptions", () => {
  it("is the store's count at each scrape", async () => {
    let paused = 3;
    const { metrics } = metricsWith(async () => paused);
    expect(await metrics.registry.metrics()).toContain("\nfreetobehome_paused_subscriptions 3\n");
    paused = 0;
    expect(await metrics.registry.metrics()).toContain("\nfreetobehome_paused_subscriptions 0\n");
  });

  it("is NaN, not the last count, when the database fails, and the scrape still answers", async () => {
    let fail = false;
    const { metrics, logger } = metricsWith(async () => {
      if (fail) throw new Error("connection refused");
      return 2;
    });
    expect(await metrics.registry.metrics()).toContain("\nfreetobehome_paused_subscriptions 2\n");
    fail = true;
    // prom-client writes NaN as "Nan"; Prometheus reads it in any case.
    expect(await metrics.registry.metrics()).toMatch(/^freetobehome_paused_subscriptions nan$/im);
    expect(logger.records).toEqual([
      expect.objectContaining({ level: "warn", fields: { reason: "Error: connection refused" } }),
    ]);
  });

  it("is NaN within the deadline when the database hangs", async () => {
    const { metrics } = metricsWith(() => new Promise<number>(() => {}));
    const started = Date.now();
    // prom-client writes NaN as "Nan"; Prometheus reads it in any case.
    expect(await metrics.registry.metrics()).toMatch(/^freetobehome_paused_subscriptions nan$/im);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
