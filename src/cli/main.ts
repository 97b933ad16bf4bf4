/**
 * `freetobehome <command>`: the bot and its operations. Reads `.env`, validates the configuration once,
 * and maps errors to exit codes: 2 for configuration or usage, 1 for refused input or a failure.
 */
import { type Config, loadConfig, readDotEnv } from "../config.ts";
import { BotError, ConfigError, ImportError, UserError } from "../core/errors.ts";
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`freetobehome: ${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError) {
      process.stderr.write(`freetobehome: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof ImportError || err instanceof UserError || err instanceof BotError) {
      process.stderr.write(`freetobehome: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `freetobehome: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
