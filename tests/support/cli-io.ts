/**
 * The command line in the test process: a CliIo whose output is captured, a command line run as main.ts
 * runs it (here, or forwarded to the bot that owns the embedded database; a failure reported the one way),
 * and an app holding a folder as a running bot does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, createApp } from "../../src/app.ts";
import { reportFailure } from "../../src/cli/commands.ts";
import { serveControl } from "../../src/cli/control-server.ts";
import { runHereOrInBot } from "../../src/cli/owner.ts";
import { parseCommandLine } from "../../src/cli/parse.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { acquireDataDirLock } from "../../src/ops/data-dir-lock.ts";
import { type CapturedIo, captureIo, settled } from "../fakes/captured-io.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "./test-database.ts";

export { type CapturedIo, captureIo } from "../fakes/captured-io.ts";

export async function runCommandLine(config: Config, io: CapturedIo, argv: string[]) {
  const [command, ...rest] = argv as [string, ...string[]];
  const code = await runHereOrInBot(config, command, rest, io).catch((err) => reportFailure(err, io));
  await settled();
  return { code, stdout: io.out(), stderr: io.err() };
}

/**
 * What `start` holds on the embedded database's folder: its lock, and the control socket other terminals'
 * commands come in by. close() stops both, closes the app and removes the folder.
 */
export async function holdFolderAsBot(app: App, dataDir: string) {
  app.lock = acquireDataDirLock(dataDir, "start");
  const control = (await serveControl(app, () => []))!;
  return {
    control,
    async close() {
      await control.close();
      app.lock?.release();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A bot in this process owning a new embedded database's folder, as `start` or `console` would on first
 * start (the sample campaign imported into the never used database, here the run's migrated template),
 * and the command line as another terminal runs it meanwhile: `run` goes through runHereOrInBot, finds
 * the folder owned and has the bot carry the command out over the control socket. What the bot logs at
 * warn or above is added to stderr, where a process running the command alone would have written it, and
 * so is what this process's loggers write to its file descriptors meanwhile.
 */
export async function botOnNewFolder(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "ftbh-bot-"));
  const config = loadConfig({ LOG_LEVEL: "warn", ...env, DATA_DIR: dataDir });
  const logger = createMemoryLogger();
  const app = await createApp(config, {
    logger,
    database: await openPgliteTestDatabase(),
    seedSample: true,
  });
  const bot = await holdFolderAsBot(app, dataDir);
  return {
    app,
    config,
    dataDir,
    async run(argv: string[], options: { input?: string; cwd?: string; config?: Config } = {}) {
      const logged = logger.records.length;
      const io = captureIo(options.cwd ?? dataDir, false, { input: options.input ?? "" });
      const { value: result, written } = await catchingDescriptors(() =>
        runCommandLine(options.config ?? config, io, argv),
      );
      const logs = logger.records
        .slice(logged)
        .filter((r) => r.level === "warn" || r.level === "error")
        .map((r) => `${JSON.stringify({ level: r.level, ...r.fields, msg: r.message })}\n`);
      return {
        code: result.code,
        stdout: result.stdout + written.stdout,
        stderr: result.stderr + written.stderr + logs.join(""),
      };
    },
    close: () => bot.close(),
  };
}

/** Node's fs as the logger's stream (sonic-boom) calls it, looked up at each write. */
const fsForLogs = createRequire(import.meta.url)("node:fs") as { writeSync: (...args: unknown[]) => number };

/**
 * Runs `work` with what is written straight to file descriptors 1 and 2 (the logger's sync stream does
 * that, past process.stdout) caught, as a spawned process's stdout and stderr would have it.
 */
async function catchingDescriptors<T>(work: () => Promise<T>) {
  const written = { stdout: "", stderr: "" };
  const original = fsForLogs.writeSync;
  fsForLogs.writeSync = (fd: unknown, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2) return original(fd, data, ...rest);
    const text = typeof data === "string" ? data : Buffer.from(data as Uint8Array).toString("utf8");
    written[fd === 1 ? "stdout" : "stderr"] += text;
    return typeof data === "string" ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
  };
  try {
    return { value: await work(), written };
  } finally {
    fsForLogs.writeSync = original;
  }
}

/**
 * The command line run in this process as main.ts runs it (parsed first, then the settings from `env`
 * alone, then here or in the bot owning the folder), for tests where the process boundary is not the
 * point; same result as cli.ts's runCli, LOG_LEVEL=warn unless `env` says otherwise, and no `.env`.
 */
export async function runCliHere(
  argv: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
) {
  const io = captureIo(options.cwd ?? "/tmp", false, { input: options.input ?? "" });
  const { value: code, written } = await catchingDescriptors(async () => {
    try {
      const parsed = parseCommandLine(argv, io);
      if ("exit" in parsed) return parsed.exit;
      const config = loadConfig({ LOG_LEVEL: "warn", ...options.env });
      const [command, ...rest] = argv as [string, ...string[]];
      return await runHereOrInBot(config, command, rest, config.NO_COLOR ? { ...io, noColor: true } : io);
    } catch (err) {
      return reportFailure(err, io);
    }
  });
  await settled();
  return { code, stdout: io.out() + written.stdout, stderr: io.err() + written.stderr };
}
