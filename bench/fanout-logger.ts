/**
 * The adapters' and the delivery core's logger during the benchmark: counts warnings and errors and shows
 * the first few on stderr, so a run that went wrong says why without ten thousand log lines.
 */
import type { Logger } from "../src/core/ports/logger.ts";

const SHOWN = 5;

export function countingLogger(print: (text: string) => void): Logger & {
  counts: { warn: number; error: number };
} {
  const counts = { warn: 0, error: 0 };
  const make = (bindings: object): Logger => {
    const report = (level: "warn" | "error") => (fields: object, message?: string) => {
      counts[level] += 1;
      if (counts.warn + counts.error > SHOWN) return;
      const err = (fields as { err?: unknown }).err;
      const detail = { ...bindings, ...fields, ...(err instanceof Error ? { err: err.message } : {}) };
      print(`[${level}] ${message ?? ""} ${JSON.stringify(detail)}`);
    };
    return {
      debug() {},
      info() {},
      warn: report("warn"),
      error: report("error"),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return Object.assign(make({}), { counts });
}
