/**
 * The command table, and what a failure prints and exits with: 2 for configuration or usage, 1 for
 * refused input or a failure. The same for a command run alone and one a running bot carries out for
 * another terminal, so both print the same output and exit the same way.
 */
import { BotError, ImportError, UserError } from "../core/errors.ts";
import { runCampaignsCommand } from "./campaigns.ts";
import { runCatalogCommand } from "./catalog-commands.ts";
import type { CliContext, CliIo } from "./context.ts";
import { databaseFailure } from "./database-failure.ts";
import { runDeliver } from "./deliver.ts";
import { runMigrate } from "./migrate.ts";
import { runRegisterCommands, runSlackManifest } from "./platform-setup.ts";
import { runConsoleCommand, runStart } from "./start.ts";
import { runSubscriptionsCommand } from "./subscriptions.ts";
import { USAGE, UsageError } from "./usage.ts";

export async function runCommand(ctx: CliContext, command: string, rest: string[]): Promise<number> {
  try {
    return await dispatchCommand(ctx, command, rest);
  } catch (err) {
    // A server that is down or a wrong DATABASE_URL is an operator's problem, not a bug: say which.
    throw databaseFailure(err, ctx.config.DATABASE_URL) ?? err;
  }
}

function dispatchCommand(ctx: CliContext, command: string, rest: string[]): Promise<number> {
  switch (command) {
    case "start":
      return runStart(ctx, rest);
    case "console":
      return runConsoleCommand(ctx, rest);
    case "migrate":
      return runMigrate(ctx, rest);
    case "import":
    case "export":
    case "profiles":
      return runCatalogCommand(ctx, command, rest);
    case "campaigns":
      return runCampaignsCommand(ctx, rest);
    case "subscriptions":
      return runSubscriptionsCommand(ctx, rest);
    case "deliver":
      return runDeliver(ctx, rest);
    case "register-commands":
      return runRegisterCommands(ctx, rest);
    case "slack-manifest":
      return runSlackManifest(ctx, rest);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The exit code for an error, after saying what went wrong (a stack only for the unexpected). */
export function reportFailure(err: unknown, io: Pick<CliIo, "stderr">): number {
  if (err instanceof UsageError) {
    io.stderr.write(`freetobehome: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  // By code, not class: a BotError about the settings (no platform configured, say) is a settings problem.
  if (err instanceof BotError && err.code === "INVALID_CONFIG") {
    io.stderr.write(`freetobehome: ${err.message}\n`);
    return 2;
  }
  if (err instanceof ImportError || err instanceof UserError || err instanceof BotError) {
    io.stderr.write(`freetobehome: ${err.message}\n`);
    return 1;
  }
  io.stderr.write(
    `freetobehome: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
}
