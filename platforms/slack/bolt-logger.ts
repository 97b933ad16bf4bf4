/**
 * Our structured logger, shaped as the logger Bolt, the Web API client and the Socket Mode client expect.
 * Their debug output is noisy and can contain message bodies, so it stays at debug.
 */
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/ports/logger.ts";

function text(parts: unknown[]): { message: string; err?: unknown } {
  const err = parts.find((p) => p instanceof Error);
  const message = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : safeJson(p)))
    .join(" ");
  return err ? { message, err } : { message };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function boltLogger(logger: Logger, name = "slack"): SlackLogger {
  const child = logger.child({ lib: name });
  const log =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const { message, err } = text(parts);
      child[level](err ? { err } : {}, message);
    };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    // Our logger's level is set once, by configuration; the libraries do not get to change it.
    setLevel: () => {},
    // INFO, not DEBUG: the Socket Mode client builds expensive debug strings only when asked for DEBUG.
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
