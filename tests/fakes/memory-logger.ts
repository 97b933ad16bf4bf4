/** A Logger that keeps what it was told, for tests that check what was logged. */
import type { Logger } from "../../src/core/ports/logger.ts";

export interface LogRecord {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message?: string;
}

export function createMemoryLogger(
  records: LogRecord[] = [],
  bindings: object = {},
): Logger & { records: LogRecord[] } {
  const log = (level: LogRecord["level"]) => (fields: object, message?: string) => {
    records.push({
      level,
      fields: { ...bindings, ...fields },
      ...(message === undefined ? {} : { message }),
    });
  };
  return {
    records,
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (more) => createMemoryLogger(records, { ...bindings, ...more }),
  };
}
