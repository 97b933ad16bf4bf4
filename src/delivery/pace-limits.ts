/**
 * Each platform's caps for scheduled posts (../shared/briefs/platforms.md): the global rate is a setting,
 * the per-channel windows are the platforms' own. Discord's 5 per 5 s per channel is observed, not
 * documented; Telegram's 1/s per chat and 20/min per group are from its Bot FAQ; Slack's 1/s per channel
 * is from its rate-limit page.
 */
import type { Config } from "../config.ts";
import type { PaceLimits } from "./pacer.ts";

export type PacedPlatform = "discord" | "slack" | "telegram";

const PER_CHANNEL: Record<PacedPlatform, PaceLimits["perChannel"]> = {
  discord: [{ limit: 5, intervalMs: 5_000 }],
  slack: [{ limit: 1, intervalMs: 1_000 }],
  telegram: [
    { limit: 1, intervalMs: 1_000 },
    { limit: 20, intervalMs: 60_000 },
  ],
};

/**
 * A cap of `perSecond` as a sliding window: whole messages per second (a fractional rate above 1 rounds
 * down, never up), or one message per 1/rate seconds below 1. `guardMs` widens the window for platforms
 * that count in fixed one-second windows from the first request they see (Discord), where a request that
 * arrives a few milliseconds late would otherwise fall into the previous window's count.
 */
function globalWindow(perSecond: number, guardMs: number): PaceLimits["global"] {
  if (perSecond >= 1) return [{ limit: Math.floor(perSecond), intervalMs: 1000 + guardMs }];
  return [{ limit: 1, intervalMs: 1000 / perSecond + guardMs }];
}

/**
 * Discord's global limit is a fixed window, and its 429s count towards the invalid-request ban, so its
 * window is widened by 100 ms, at a cost of about 9% of the rate. Measured with bench:fanout: a request's
 * delay from discord.js to the platform's count was p99 15-73 ms, max 27-171 ms; guards of 20-60 ms drew
 * 429s (as did a pacer with Discord's own fixed windows, tried and dropped), 100 ms drew none on Postgres.
 * Telegram's and Slack's limits behave as token buckets that absorb such lateness, so they need no guard.
 */
const GUARD_MS: Record<PacedPlatform, number> = { discord: 100, slack: 0, telegram: 0 };

export function paceLimits(platform: PacedPlatform, perSecond: number): PaceLimits {
  return { global: globalWindow(perSecond, GUARD_MS[platform]), perChannel: PER_CHANNEL[platform] };
}

export function configuredRate(config: Config, platform: PacedPlatform): number {
  const rates = {
    discord: config.DISCORD_MESSAGES_PER_SECOND,
    slack: config.SLACK_MESSAGES_PER_SECOND,
    telegram: config.TELEGRAM_MESSAGES_PER_SECOND,
  };
  return rates[platform];
}
