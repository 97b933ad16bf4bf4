/**
 * Configuration: one zod schema over the environment, read once at start. Every problem is listed at
 * once; secrets are never echoed back (a problem names the variable, never its value).
 */
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { z } from "zod";
import { type AnyLanguageTag, languageOf, USER_LANGUAGES } from "./core/i18n/languages.ts";
import { ConfigError } from "./core/errors.ts";
import { canonicalTimeZone, TIME_OF_DAY } from "./core/time.ts";
import { STAFF_OAUTH_ROLES } from "./core/staff-oauth.ts";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const httpUrl = (what: string) =>
  optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), {
    error: `must be an http(s) URL (${what})`,
  });
// Digits only: Number() would also take "0x10", "1e3", " " and "", which no one means as a port or a count.
const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const digits = (v: string | undefined, pattern: RegExp): number | undefined =>
  v === undefined ? undefined : pattern.test(v) ? Number(v) : Number.NaN;

const port = (fallback: number) =>
  optionalText
    .transform((v) => digits(v, WHOLE) ?? fallback)
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
      error: "must be a port number from 0 to 65535 (digits only)",
    });
const positiveInt = (fallback: number) =>
  optionalText
    .transform((v) => digits(v, WHOLE) ?? fallback)
    .refine((n) => Number.isInteger(n) && n > 0, { error: "must be a whole number above 0 (digits only)" });

const rate = (fallback: number, why: string) =>
  optionalText
    .transform((v) => digits(v, DECIMAL) ?? fallback)
    .refine((n) => Number.isFinite(n) && n > 0 && n <= 1000, {
      error: `must be a number of messages per second above 0 and at most 1000, such as 20 or 0.5 (${why})`,
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
  "PANEL_DISCORD_CLIENT_SECRET",
  "PANEL_SLACK_CLIENT_SECRET",
] as const;

export const configSchema = z
  .object({
    DATABASE_URL: optionalText.superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : databaseUrlProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    DATA_DIR: optionalText.transform((v) => v ?? "./.data"),
    DISCORD_TOKEN: optionalText,
    DISCORD_API_URL: httpUrl("a proxy, or a local fake of Discord's REST API"),
    DISCORD_SHARD_COUNT: optionalText
      .transform((v) => digits(v, WHOLE))
      .refine((n) => n === undefined || (Number.isInteger(n) && n > 0), {
        error: "must be a whole number above 0, digits only (the bot's total number of gateway shards)",
      }),
    // A clean list only: "0,,1" or "," would otherwise read as shard 0, twice.
    DISCORD_SHARD_IDS: optionalText
      .transform((v) =>
        v === undefined ? undefined : /^\d+(\s*,\s*\d+)*$/.test(v) ? v.split(",").map(Number) : [Number.NaN],
      )
      .refine((ids) => ids === undefined || ids.every((n) => Number.isInteger(n)), {
        error: "must be a comma-separated list of shard numbers from 0, digits only, such as 0,1",
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
    // The staff panel (src/panel/): served by `start` only when PANEL_PORT is set.
    PANEL_PORT: optionalText
      .transform((v) => digits(v, WHOLE))
      .refine((n) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 65535), {
        error: "must be a port number from 0 to 65535 (digits only)",
      }),
    PANEL_HOST: optionalText.transform((v) => v ?? "127.0.0.1"),
    // An origin only: the panel's pages link to /today, /profiles…, so it cannot live under a path prefix.
    PANEL_PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/?#]+\/?$/i.test(v), {
      error:
        "must be the panel's http(s) address as people open it, without a path, such as https://panel.example.org",
    }),
    // Signing in to the panel with Discord or Slack (README, "Staff panel"): the OAuth client of the bot's
    // Discord application and of a Slack app; the endpoints are DISCORD_API_URL's and SLACK_API_URL's.
    PANEL_DISCORD_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d{1,20}$/.test(v), {
      error: "must be the Discord application's id (digits only, from the Developer Portal's OAuth2 page)",
    }),
    PANEL_DISCORD_CLIENT_SECRET: optionalText,
    PANEL_SLACK_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
      error: "must be the Slack app's Client ID, such as 1111.2222 (Basic Information → App Credentials)",
    }),
    PANEL_SLACK_CLIENT_SECRET: optionalText,
    // Never admin: see src/services/platform-sign-in.ts.
    PANEL_OAUTH_ROLE: optionalText
      .transform((v) => v ?? "viewer")
      .pipe(
        z.enum(STAFF_OAUTH_ROLES, {
          error: "must be viewer or editor (signing in with Discord or Slack never makes an admin)",
        }),
      ),
    DEFAULT_TIMEZONE: optionalText
      .transform((v) => canonicalTimeZone(v ?? "UTC") ?? `invalid:${v ?? ""}`)
      .refine((v) => !v.startsWith("invalid:"), { error: "must be an IANA time zone such as Asia/Baku" }),
    // The language of channels whose moderators chose none (`/language`); members' own requests still
    // use their language where their platform tells it.
    DEFAULT_LANGUAGE: optionalText
      .transform((v) => (v === undefined ? "en" : (languageOf(v)?.tag ?? `invalid:${v}`)))
      .refine((v) => !v.startsWith("invalid:"), {
        error: `must be one of the bot's languages: ${USER_LANGUAGES.map((l) => l.tag).join(", ")} (freetobehome languages lists them)`,
      })
      .transform((v) => v as AnyLanguageTag),
    DEFAULT_POST_TIME: optionalText
      .transform((v) => v ?? "09:00")
      .refine((v) => TIME_OF_DAY.test(v), { error: "must be a time of day as HH:MM, 00:00 to 23:59" }),
    STALE_AFTER_DAYS: positiveInt(90),
    // How far back a takedown reaches: posts of the profile sent within this many days are deleted (or
    // edited to a neutral line where the platform no longer lets the bot delete them).
    RETRACT_WITHIN_DAYS: positiveInt(30),
    // Where the catalog keeps profiles' whole records between uses (services/catalog-entries.ts): in
    // memory (a lookup reads nothing), or in the database only (a lookup reads one profile; the bot keeps
    // each profile's head, a fraction of the memory). Only a database server can be told "store".
    CATALOG_RECORDS: z.enum(["memory", "store"], { error: 'must be "memory" or "store"' }).default("memory"),
    // Where /help sends problems with the bot itself (the operator's issue page or contact form).
    SUPPORT_URL: httpUrl("the page where people report problems with this bot"),
    CATCH_UP_HOURS: optionalText
      .transform((v) => digits(v, DECIMAL) ?? 6)
      .refine((n) => Number.isFinite(n) && n >= 0 && n <= 24, {
        error: "must be a number of hours from 0 to 24, such as 6 or 1.5",
      }),
    // Pacing of scheduled posts, as messages per second across the bot on each platform (per-channel
    // caps are the platforms' own and fixed). Lower them to leave room for other bots on the same token.
    DISCORD_MESSAGES_PER_SECOND: rate(50, "Discord's global cap is 50 requests/s"),
    SLACK_MESSAGES_PER_SECOND: rate(20, "Slack allows 1/s per channel and an undocumented workspace budget"),
    TELEGRAM_MESSAGES_PER_SECOND: rate(30, "Telegram's broadcast cap is about 30/s"),
    // https://no-color.org: set to anything but the empty string, no colours in the console chat.
    NO_COLOR: optionalText.transform((v) => v !== undefined),
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
    for (const p of ["DISCORD", "SLACK"] as const) {
      const [id, secret] = [`PANEL_${p}_CLIENT_ID`, `PANEL_${p}_CLIENT_SECRET`] as const;
      if (c[id] === undefined && c[secret] === undefined) continue;
      needs(true, id, `with ${secret}`);
      needs(true, secret, `with ${id}`);
      needs(
        true,
        "PANEL_PUBLIC_URL",
        `with ${id}: the sign-in returns to it (register <PANEL_PUBLIC_URL>/sign-in/${p.toLowerCase()}/callback with the platform)`,
      );
    }
    if (
      c.PANEL_SLACK_CLIENT_ID !== undefined &&
      c.SLACK_BOT_TOKEN === undefined &&
      c.SLACK_CLIENT_ID === undefined
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["PANEL_SLACK_CLIENT_ID"],
        message:
          "needs the bot on Slack (SLACK_BOT_TOKEN or SLACK_CLIENT_ID): whether someone is a workspace admin is asked with the bot's token",
      });
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
    for (const [name, message] of portClashes(c)) ctx.addIssue({ code: "custom", path: [name], message });
    if (c.CATALOG_RECORDS === "store" && c.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["CATALOG_RECORDS"],
        message:
          'may be "store" only with DATABASE_URL (a database server): the embedded database reads on the bot\'s own thread, so it keeps records in memory',
      });
    }
  });

/**
 * The servers `start` opens each need their own port: /healthz and /metrics always, Slack's when it
 * receives over HTTP or serves OAuth install pages (Socket Mode with one bot token listens nowhere), and
 * Telegram's webhook when a webhook URL is set. Port 0 picks a free port, so it never clashes.
 */
function portClashes(c: {
  HTTP_PORT: number;
  SLACK_PORT: number;
  TELEGRAM_WEBHOOK_PORT: number;
  PANEL_PORT?: number | undefined;
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_CLIENT_ID?: string | undefined;
  TELEGRAM_WEBHOOK_URL?: string | undefined;
}): Array<[string, string]> {
  const slackListens =
    c.SLACK_CLIENT_ID !== undefined || (c.SLACK_BOT_TOKEN !== undefined && !c.SLACK_APP_TOKEN);
  const listening: Array<[string, number]> = [["HTTP_PORT", c.HTTP_PORT]];
  if (c.PANEL_PORT !== undefined) listening.push(["PANEL_PORT", c.PANEL_PORT]);
  if (slackListens) listening.push(["SLACK_PORT", c.SLACK_PORT]);
  if (c.TELEGRAM_WEBHOOK_URL !== undefined)
    listening.push(["TELEGRAM_WEBHOOK_PORT", c.TELEGRAM_WEBHOOK_PORT]);
  return listening.flatMap(([name, value], i): Array<[string, string]> => {
    const earlier = listening.slice(0, i).find(([, other]) => other === value && value !== 0);
    return earlier
      ? [[name, `must differ from ${earlier[0]} (both are ${value}): each server needs its own port`]]
      : [];
  });
}

/**
 * What postgres.js would choke on, said without the value (it holds the password). It splits off a list
 * of hosts (`h1:5432,h2:5432`), parses the rest with URL and %-decodes the user and password; a broken
 * escape or a port past 65535 would otherwise surface as a stack trace at the first query.
 */
export function databaseUrlProblem(url: string): string | undefined {
  const scheme = /^postgres(ql)?:\/\//.exec(url);
  if (!scheme) return "must be a postgres:// or postgresql:// URL";
  const authority = url.slice(scheme[0].length).split(/[?/]/)[0] ?? "";
  const at = authority.lastIndexOf("@");
  const hosts = authority.slice(at + 1).split(",");
  const badPort = hosts.some((host) => {
    const port = /:([^:\]]*)$/.exec(host)?.[1];
    return (
      port !== undefined && port !== "" && (!WHOLE.test(port) || Number(port) < 1 || Number(port) > 65535)
    );
  });
  if (badPort) return "has a port that is not a number from 1 to 65535";
  let parsed: URL;
  try {
    parsed = new URL(url.replace(authority, `${authority.slice(0, at + 1)}${hosts[0] ?? ""}`));
    for (const host of hosts.slice(1)) new URL(`postgres://${host}`);
  } catch {
    return "is not a valid URL: the form is postgres://user:password@host:5432/database, with special characters in the user name and password %-encoded";
  }
  try {
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
  } catch {
    return "has a broken %-escape in its user name or password (write a special character as % and two hex digits, such as %40 for @)";
  }
  return undefined;
}

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

/**
 * Reads `.env` into the environment when the file exists, with Node's own parser (the one behind
 * `node --env-file`: comments, quotes, `export`); a variable already set wins, even when set to "".
 * A `.env` that is there but cannot be read (a folder, no permission) is a settings problem, named.
 */
export function readDotEnv(path = ".env", env: NodeJS.ProcessEnv = process.env): void {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    throw new ConfigError([
      `${path} is there but could not be read (${code ?? String(err)}); fix or remove it`,
    ]);
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (value !== undefined && !Object.hasOwn(env, name)) env[name] = value;
  }
}

/** The configuration with every secret replaced, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  for (const name of SECRET_SETTINGS) if (copy[name] !== undefined) copy[name] = "[set]";
  return copy;
}
