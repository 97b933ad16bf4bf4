/**
 * pino, with every secret setting and token-like field redacted, so a log line can never carry one.
 */
import { pino } from "pino";
import type { Logger } from "../core/ports/logger.ts";

const REDACT = [
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "botToken",
  "*.botToken",
  "signingSecret",
  "*.signingSecret",
  "appToken",
  "*.appToken",
  "clientSecret",
  "*.clientSecret",
  "secret",
  "*.secret",
  "password",
  "*.password",
  "DATABASE_URL",
  "config.DATABASE_URL",
];

/** Logs go to stdout, or to stderr when stdout is the console chat itself. */
export function createLogger(options: { level: string; stream?: "stdout" | "stderr" }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "freetobehome" },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.destination({ fd: options.stream === "stderr" ? 2 : 1, sync: true }),
  );
}
