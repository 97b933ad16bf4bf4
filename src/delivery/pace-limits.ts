/**
 * Each platform's caps for scheduled posts (../shared/briefs/platforms.md): the global rate is a setting,
 * the per-channel windows are the platforms' own. Discord's 5 per 5 s per channel is observed, not
 * documented; Telegram's 1/s per chat and 20/min per group are from its Bot FAQ; Slack's 1/s per channel
 * is from its rate-limit page.
 */
import type { Config } from "../config.ts";
import { createPacer, type Pacer, type PaceLimits, type RateWindow } from "./pacer.ts";

export const PACED_PLATFORMS = ["discord", "slack", "telegram"] as const;
export type PacedPlatform = (typeof PACED_PLATFORMS)[number];
type Shape = NonNullable<RateWindow["shape"]>;

const PER_CHANNEL: Record<PacedPlatform, PaceLimits["perChannel"]> = {
  discord: [{ limit: 5, intervalMs: 5_000 }],
  slack: [{ limit: 1, intervalMs: 1_000 }],
  telegram: [
    { limit: 1, intervalMs: 1_000 },
    { limit: 20, intervalMs: 60_000 },
  ],
};

/**
 * A cap of `perSecond` as whole messages per second (a fractional rate above 1 rounds down, never up), or
 * one message per 1/rate seconds below 1.
 */
function globalCap(perSecond: number, shape: Shape): PaceLimits["global"] {
  if (perSecond >= 1) return [{ limit: Math.floor(perSecond), intervalMs: 1000, shape }];
  return [{ limit: 1, intervalMs: 1000 / perSecond, shape }];
}

/**
 * Discord's global limit is counted in fixed one-second windows (its fake and discord.js's own limiter do
 * the same), and its 429s count towards the invalid-request ban, so it is kept as a sliding window, which
 * holds every fixed window too. Telegram "may allow short bursts" and Slack's budget is ours, both token
 * buckets of one second's messages (as their fakes count), which a steady rate at the cap keeps. Since
 * the pacer counts each request until its answer (pace-windows.ts), none needs a guard for lateness: a
 * late arrival is already inside its count. Per-channel caps are sliding windows on every platform.
 */
const GLOBAL_SHAPE: Record<PacedPlatform, Shape> = {
  discord: "window",
  slack: "bucket",
  telegram: "bucket",
};

export function paceLimits(platform: PacedPlatform, perSecond: number): PaceLimits {
  return { global: globalCap(perSecond, GLOBAL_SHAPE[platform]), perChannel: PER_CHANNEL[platform] };
}

export function configuredRate(config: Config, platform: PacedPlatform): number {
  const rates = {
    discord: config.DISCORD_MESSAGES_PER_SECOND,
    slack: config.SLACK_MESSAGES_PER_SECOND,
    telegram: config.TELEGRAM_MESSAGES_PER_SECOND,
  };
  return rates[platform];
}

/**
 * One pacer per chat platform at its configured rate, made once by the composition root (app.ts) and
 * shared by that platform's scheduled posts (delivery) and command answers (its adapter), which the
 * platform counts against the same caps. The console needs none.
 */
export function platformPacers(config: Config): Map<string, Pacer> {
  return new Map(PACED_PLATFORMS.map((p) => [p, createPacer(paceLimits(p, configuredRate(config, p)))]));
}
