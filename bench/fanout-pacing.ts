/**
 * How the benchmark divides its subscriptions and paces them: in proportion to the platforms' caps, so all
 * three run at their caps for the whole pass, and with the shipped pacers unless a guard is asked for,
 * each timed (how long it counted each request).
 */
import type { Config } from "../src/config.ts";
import { configuredRate, paceLimits } from "../src/delivery/pace-limits.ts";
import { createPacer, type Pacer } from "../src/delivery/pacer.ts";
import type { FanoutPlatform } from "./fanout-args.ts";

/** Unscaled global caps; subscriptions are split in this proportion so all platforms run for as long. */
export const CAPS: Record<FanoutPlatform, number> = { telegram: 30, slack: 20, discord: 50 };

/** Shares rounded down, the remainder one each to the first platforms, so the counts add up to `total`. */
export function split(total: number, platforms: readonly FanoutPlatform[]): Map<FanoutPlatform, number> {
  const weight = platforms.reduce((sum, p) => sum + CAPS[p], 0);
  const counts = new Map(platforms.map((p) => [p, Math.floor((total * CAPS[p]) / weight)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const p of platforms) if (left-- > 0) counts.set(p, counts.get(p)! + 1);
  return counts;
}

/** The shipped pacers (as the service builds them), or the same with each global window widened. */
export function benchPacers(config: Config, platforms: readonly FanoutPlatform[], guardMs: number) {
  return new Map<FanoutPlatform, Pacer>(
    platforms.map((p) => {
      const limits = paceLimits(p, configuredRate(config, p));
      const global = limits.global.map((w) => ({ ...w, intervalMs: w.intervalMs + guardMs }));
      return [p, createPacer({ ...limits, global })];
    }),
  );
}

/** How long the pacer counted each request: from its grant until its answer came back. */
export interface HeldStats {
  meanMs: number;
  p90Ms: number;
  /** How long command answers' requests waited for their places (none: no answers on this platform). */
  answerWait?: { count: number; p50Ms: number; p99Ms: number };
}

/**
 * The pacer unchanged, each request's span from grant to answer recorded. A window-shaped cap (Discord's)
 * keeps a request's place from its grant until a whole window after its answer (pace-windows.ts), so at
 * a mean span of m ms it can let go at most limit × 1000 / (1000 + m) per second: the report's ceiling.
 */
export function timedPacer(inner: Pacer) {
  const spans: number[] = [];
  const answerWaits: number[] = [];
  const pacer: Pacer = {
    async acquire(channel, urgency) {
      const asked = performance.now();
      const answered = await inner.acquire(channel, urgency);
      const granted = performance.now();
      if (urgency?.answer) answerWaits.push(granted - asked);
      return () => {
        spans.push(performance.now() - granted);
        answered();
      };
    },
  };
  return {
    pacer,
    stats(): HeldStats {
      const sorted = [...spans].sort((a, b) => a - b);
      const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
      const p90 = sorted[Math.max(0, Math.ceil(0.9 * sorted.length) - 1)] ?? 0;
      const waits = [...answerWaits].sort((a, b) => a - b);
      const at = (p: number) =>
        Math.round((waits[Math.max(0, Math.ceil(p * waits.length) - 1)] ?? 0) * 10) / 10;
      return {
        meanMs: Math.round(mean * 10) / 10,
        p90Ms: Math.round(p90 * 10) / 10,
        ...(waits.length > 0 ? { answerWait: { count: waits.length, p50Ms: at(0.5), p99Ms: at(0.99) } } : {}),
      };
    },
  };
}
