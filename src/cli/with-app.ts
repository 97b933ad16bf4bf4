/** Runs a command-line task against the app, closing the database whatever happens. */
import { type App, type AppOptions, createApp } from "../app.ts";
import type { Config } from "../config.ts";
import { createLogger } from "../ops/logger.ts";

export async function withApp<T>(
  config: Config,
  task: (app: App) => Promise<T>,
  options: Partial<AppOptions> = {},
): Promise<T> {
  // Task output goes to stdout; logs go to stderr so they never mix into what a script reads.
  const logger =
    options.logger ??
    createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, stream: "stderr" });
  const app = await createApp(config, { ...options, logger });
  try {
    return await task(app);
  } finally {
    await app.close();
  }
}

/** Fixed-width columns for terminal tables. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}
