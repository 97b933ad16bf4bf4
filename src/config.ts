/**
 * Configuration: one zod schema over the environment, read once at start. Every problem is listed at
 * once; secrets are never echoed back (a problem names the variable, never its value).
 */
import { existsSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "./core/errors.ts";
import { canonicalTimeZone, TIME_OF_DAY } from "./core/time.ts";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const httpUrl = (what: string) =>
  optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), {
    error: `must be an http(s) URL (${what})`,
  });
const port = (fallback: number) =>
  optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
      error: "must be a port number from 0 to 65535",
    });
const positiveInt = (fallback: number) =>
  optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => Number.isInteger(n) && n > 0, { error: "must be a whole number above 0" });

const rate = (fallback: number, why: string) =>
  optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => Number.isFinite(n) && n > 0 && n <= 1000, {
      error: `must be a number of messages per second above 0 and at most 1000 (${why})`,
    });

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The names of every setting that holds a secret: never logged, never printed. */
export const SECRET_SETTINGS = [
  "DATABASE_URL",
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
] as const;

export const configSchema = z
  .object({
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      error: "must be a postgres:// or postgresql:// URL",
    }),
    DATA_DIR: optionalText.transform((v) => v ?? "./.data"),
    DISCORD_TOKEN: optionalText,
    DISCORD_API_URL: httpUrl("a proxy, or a local fake of Discord's REST API"),
    DISCORD_SHARD_COUNT: optionalText
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .refine((n) => n === undefined || (Number.isInteger(n) && n > 0), {
        error: "must be a whole number above 0 (the bot's total number of gateway shards)",
      }),
    DISCORD_SHARD_IDS: optionalText
      .transform((v) => (v === undefined ? undefined : v.split(",").map((id) => Number(id.trim()))))
      .refine((ids) => ids === undefined || ids.every((n) => Number.isInteger(n) && n >= 0), {
        error: "must be a comma-separated list of shard numbers from 0, such as 0,1",
      }),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xoxb-"), {
      error: "must start with xoxb-",
    }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xapp-"), {
      error: "must start with xapp-",
    }),
    SLACK_PORT: port(3000),
    SLACK_API_URL: httpUrl("GovSlack, or a local fake of Slack's Web API"),
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), {
      error: "must look like 123456:ABC-DEF (from BotFather)",
    }),
    TELEGRAM_API_ROOT: httpUrl("a self-hosted Bot API server, or a local fake"),
    TELEGRAM_WEBHOOK_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), {
      error: "must be an http(s) URL",
    }),
    TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      error: "must be 1-256 characters of A-Z, a-z, 0-9, _ and -",
    }),
    TELEGRAM_WEBHOOK_PORT: port(8443),
    HTTP_PORT: port(8080),
    DEFAULT_TIMEZONE: optionalText
      .transform((v) => canonicalTimeZone(v ?? "UTC") ?? `invalid:${v ?? ""}`)
      .refine((v) => !v.startsWith("invalid:"), { error: "must be an IANA time zone such as Asia/Baku" }),
    DEFAULT_POST_TIME: optionalText
      .transform((v) => v ?? "09:00")
      .refine((v) => TIME_OF_DAY.test(v), { error: "must be a time of day as HH:MM, 00:00 to 23:59" }),
    STALE_AFTER_DAYS: positiveInt(90),
    CATCH_UP_HOURS: optionalText
      .transform((v) => (v === undefined ? 6 : Number(v)))
      .refine((n) => Number.isFinite(n) && n >= 0 && n <= 24, {
        error: "must be a number of hours from 0 to 24",
      }),
    // Pacing of scheduled posts, as messages per second across the bot on each platform (per-channel
    // caps are the platforms' own and fixed). Lower them to leave room for other bots on the same token.
    DISCORD_MESSAGES_PER_SECOND: rate(50, "Discord's global cap is 50 requests/s"),
    SLACK_MESSAGES_PER_SECOND: rate(20, "Slack allows 1/s per channel and an undocumented workspace budget"),
    TELEGRAM_MESSAGES_PER_SECOND: rate(30, "Telegram's broadcast cap is about 30/s"),
    LOG_LEVEL: optionalText
      .transform((v) => v ?? "info")
      .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  })
  .superRefine((c, ctx) => {
    const needs = (when: boolean, name: keyof typeof c, why: string) => {
      if (when && c[name] === undefined)
        ctx.addIssue({ code: "custom", path: [name], message: `is required ${why}` });
    };
    needs(
      c.SLACK_BOT_TOKEN !== undefined && c.SLACK_APP_TOKEN === undefined,
      "SLACK_SIGNING_SECRET",
      "for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)",
    );
    const oauth = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET];
    if (oauth.some((v) => v !== undefined)) {
      needs(true, "SLACK_CLIENT_ID", "for Slack OAuth installs");
      needs(true, "SLACK_CLIENT_SECRET", "for Slack OAuth installs");
      needs(true, "SLACK_STATE_SECRET", "for Slack OAuth installs");
      needs(true, "SLACK_SIGNING_SECRET", "for Slack OAuth installs");
    }
    needs(
      c.TELEGRAM_WEBHOOK_URL !== undefined,
      "TELEGRAM_WEBHOOK_SECRET",
      "with TELEGRAM_WEBHOOK_URL, so forged updates are refused",
    );
    needs(c.TELEGRAM_WEBHOOK_URL !== undefined, "TELEGRAM_BOT_TOKEN", "with TELEGRAM_WEBHOOK_URL");
    needs(c.DISCORD_SHARD_IDS !== undefined, "DISCORD_SHARD_COUNT", "with DISCORD_SHARD_IDS");
    const count = c.DISCORD_SHARD_COUNT;
    if (count !== undefined && c.DISCORD_SHARD_IDS?.some((id) => id >= count)) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_SHARD_IDS"],
        message: `must each be below DISCORD_SHARD_COUNT (${count}): shards are numbered from 0`,
      });
    }
  });

type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** Which platforms have their credentials set. */
  platforms: { discord: boolean; slack: boolean; telegram: boolean };
}

/** Validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
    );
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  return {
    ...c,
    platforms: {
      discord: c.DISCORD_TOKEN !== undefined,
      slack: c.SLACK_BOT_TOKEN !== undefined || c.SLACK_CLIENT_ID !== undefined,
      telegram: c.TELEGRAM_BOT_TOKEN !== undefined,
    },
  };
}

/** Reads `.env` into the environment when the file exists; variables already set win. */
export function readDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** The configuration with every secret replaced, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  for (const name of SECRET_SETTINGS) if (copy[name] !== undefined) copy[name] = "[set]";
  return copy;
}
