/**
 * One line saying which platform failed to start and why, for the operator. The SDKs' errors carry stacks
 * and, at times, request URLs with the token in them: only the first line of the message is kept, with every
 * configured secret blotted out.
 */
import { type Config, SECRET_SETTINGS } from "../config.ts";
import { PlatformError } from "../core/errors.ts";

/** The setting that names the port each platform's own server listens on. */
const PORT_SETTING: Readonly<Record<string, string>> = {
  slack: "SLACK_PORT",
  telegram: "TELEGRAM_WEBHOOK_PORT",
};

const MAX_REASON = 300;

export function startFailure(platform: string, error: unknown, config: Config): PlatformError {
  const name = platform.charAt(0).toUpperCase() + platform.slice(1);
  return new PlatformError(`${name} did not start: ${reason(platform, error, config)}`, platform, {
    cause: error,
  });
}

function reason(platform: string, error: unknown, config: Config): string {
  const err = error as { code?: unknown; port?: unknown; message?: unknown } | null;
  if (err?.code === "EADDRINUSE") {
    const port = typeof err.port === "number" ? `port ${err.port}` : "its port";
    return `${port} (${PORT_SETTING[platform] ?? "its port setting"}) is already in use by another program`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const line = redact(message.split("\n")[0]?.trim() || "unknown error", config);
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

/**
 * Whole secrets, their long parts (a token's id half is public, its secret half must never show) and the
 * database password, which is only part of DATABASE_URL.
 */
function redact(text: string, config: Config): string {
  const secrets = SECRET_SETTINGS.map((setting) => config[setting])
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => [v, ...v.split(/[:.@/]/).filter((part) => part.length >= 16)])
    .concat(databasePassword(config.DATABASE_URL))
    .sort((a, b) => b.length - a.length);
  return secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

function databasePassword(url: string | undefined): string[] {
  try {
    const password = url ? new URL(url).password : "";
    // Very short ones would blot out ordinary words; config only lets through well-formed %-escapes.
    return password.length >= 4 ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
