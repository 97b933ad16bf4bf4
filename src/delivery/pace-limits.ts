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

/** A cap of `perSecond`, expressed as a whole number of messages per window of at least one second. */
function globalWindow(perSecond: number): PaceLimits["global"] {
  if (perSecond >= 1)
    return [{ limit: Math.floor(perSecond), intervalMs: (1000 * Math.floor(perSecond)) / perSecond }];
  return [{ limit: 1, intervalMs: 1000 / perSecond }];
}

export function paceLimits(platform: PacedPlatform, perSecond: number): PaceLimits {
  return { global: globalWindow(perSecond), perChannel: PER_CHANNEL[platform] };
}

export function configuredRate(config: Config, platform: PacedPlatform): number {
  const rates = {
    discord: config.DISCORD_MESSAGES_PER_SECOND,
    slack: config.SLACK_MESSAGES_PER_SECOND,
    telegram: config.TELEGRAM_MESSAGES_PER_SECOND,
  };
  return rates[platform];
}
