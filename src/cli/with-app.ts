/** Runs a command-line task against the app, closing the database whatever happens. */
import { type App, type AppOptions, createApp } from "../app.ts";
import type { Config } from "../config.ts";
import { createLogger } from "../ops/logger.ts";
import type { CliIo } from "./context.ts";
import { startupProgress } from "./startup-progress.ts";

export async function withApp<T>(
  config: Config,
  task: (app: App) => Promise<T>,
  options: Partial<AppOptions> = {},
  io?: CliIo,
): Promise<T> {
  // Task output goes to stdout; logs go to stderr so they never mix into what a script reads.
  const logger =
    options.logger ??
    createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, stream: "stderr" });
  // Opening shows progress on a terminal; piped, a summary line, unless LOG_LEVEL asks for less than info.
  const chatty = ["info", "debug", "trace"].includes(config.LOG_LEVEL);
  const startup = io
    ? startupProgress(io, (line) => {
        if (chatty) io.stderr.write(`freetobehome: ${line}\n`);
      })
    : undefined;
  let app: App;
  try {
    app = await createApp(config, {
      ...options,
      logger,
      ...(startup ? { onProgress: startup.onProgress } : {}),
    });
  } finally {
    startup?.done();
  }
  try {
    return await task(app);
  } finally {
    await app.close();
  }
}
