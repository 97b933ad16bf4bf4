/**
 * `freetobehome <command>`: the bot and its operations. Reads `.env`, validates the configuration once,
 * and maps errors to exit codes: 2 for configuration or usage, 1 for refused input or a failure; then exits.
 */
import { type Config, loadConfig, readDotEnv } from "../config.ts";
import { BotError, ImportError, UserError } from "../core/errors.ts";
import { runCatalogCommand } from "./catalog-commands.ts";
import { databaseFailure } from "./database-failure.ts";
import { runConsoleCommand, runStart } from "./start.ts";
import { runSubscriptionsCommand } from "./subscriptions.ts";
import { runMigrate } from "./migrate.ts";
import { runDeliver } from "./deliver.ts";
import { runRegisterCommands, runSlackManifest } from "./platform-setup.ts";
import { UsageError, USAGE } from "./usage.ts";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  readDotEnv();
  const config = loadConfig();
  try {
    return await runCommand(config, command, rest);
  } catch (err) {
    // A server that is down or a wrong DATABASE_URL is an operator's problem, not a bug: say which.
    throw databaseFailure(err, config.DATABASE_URL) ?? err;
  }
}

async function runCommand(config: Config, command: string, rest: string[]): Promise<number> {
  switch (command) {
    case "start":
      return runStart(config, rest);
    case "console":
      return runConsoleCommand(config, rest);
    case "migrate":
      return runMigrate(config, rest);
    case "import":
    case "export":
    case "profiles":
      return runCatalogCommand(config, command, rest);
    case "subscriptions":
      return runSubscriptionsCommand(config, rest);
    case "deliver":
      return runDeliver(config, rest);
    case "register-commands":
      return runRegisterCommands(config, rest);
    case "slack-manifest":
      return runSlackManifest(config, rest);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The exit code for an error, after saying what went wrong on stderr (a stack only for the unexpected). */
function report(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`freetobehome: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  // By code, not class: a BotError about the settings (no platform configured, say) is a settings problem.
  if (err instanceof BotError && err.code === "INVALID_CONFIG") {
    process.stderr.write(`freetobehome: ${err.message}\n`);
    return 2;
  }
  if (err instanceof ImportError || err instanceof UserError || err instanceof BotError) {
    process.stderr.write(`freetobehome: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(
    `freetobehome: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
}

/**
 * Exits once what was written has been handed to the OS. Explicitly: whatever might still hold the event
 * loop (a half-open database socket, a platform SDK's reconnect timer) must not keep a finished command,
 * or a bot that was told to stop, running.
 */
function exit(code: number): void {
  process.exitCode = code;
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (stream.destroyed || !stream.writable) resolve();
      else stream.write("", () => resolve());
    });
  // A pipe nobody reads could hold a write forever: give it a moment, not a veto.
  setTimeout(() => process.exit(code), 1_000).unref();
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (err: unknown) => exit(report(err)));
