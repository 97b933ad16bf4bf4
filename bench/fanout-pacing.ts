/**
 * How the benchmark divides its subscriptions and paces them: in proportion to the platforms' caps, so all
 * three run at their caps for the whole pass, and with the shipped pacers unless a guard is asked for.
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

/** The shipped pacers (undefined: the service builds them), or the same with each global window widened. */
export function guardedPacers(config: Config, platforms: readonly FanoutPlatform[], guardMs: number) {
  if (guardMs === 0) return undefined;
  return new Map<string, Pacer>(
    platforms.map((p) => {
      const limits = paceLimits(p, configuredRate(config, p));
      const global = limits.global.map((w) => ({ ...w, intervalMs: w.intervalMs + guardMs }));
      return [p, createPacer({ ...limits, global })];
    }),
  );
}
