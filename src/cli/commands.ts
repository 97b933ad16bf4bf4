/**
 * Running a command line, and what a failure prints and exits with: 2 for configuration or usage, 1 for
 * refused input or a failure. The same for a command run alone and one a running bot carries out for
 * another terminal, so both print the same output and exit the same way. The commands themselves are
 * defined in program.ts.
 */
import { BotError, ImportError, UserError } from "../core/errors.ts";
import type { CliContext, CliIo } from "./context.ts";
import { databaseFailure } from "./database-failure.ts";
import { parseCommandLine } from "./parse.ts";
import { queryFailure } from "./query-failure.ts";
import { errorPrefix } from "./style.ts";
import { UsageError } from "./usage.ts";

export async function runCommand(ctx: CliContext, command: string, rest: string[]): Promise<number> {
  const parsed = parseCommandLine([command, ...rest], ctx.io);
  if ("exit" in parsed) return parsed.exit;
  try {
    return await parsed.run(ctx);
  } catch (err) {
    // A server that is down or a wrong DATABASE_URL is an operator's problem, not a bug: say which.
    throw databaseFailure(err, ctx.config.DATABASE_URL) ?? (await refusedStatement(err, ctx)) ?? err;
  }
}

/** A statement the database refused: one line to the terminal, the rest to the debug log (never params). */
async function refusedStatement(err: unknown, ctx: CliContext): Promise<BotError | undefined> {
  const failure = queryFailure(err);
  if (!failure) return undefined;
  // Imported here: main.ts loads this module for every command line, --help included, and pino is heavy.
  const { createLogger } = await import("../ops/logger.ts");
  const logger = createLogger({ level: ctx.config.LOG_LEVEL, stream: "stderr" });
  logger.debug({ query: failure.detail }, "database statement failed");
  // No cause: its message holds the statement's parameters, and nothing downstream should print it.
  return new BotError(failure.line, "INTERNAL");
}

/** The exit code for an error, after saying what went wrong (a stack only for the unexpected). */
export function reportFailure(err: unknown, io: Pick<CliIo, "stderr" | "tty" | "noColor">): number {
  const prefix = errorPrefix(io);
  if (err instanceof UsageError) {
    io.stderr.write(`${prefix}${err.message}\n${err.usage ? `\n${err.usage}` : ""}`);
    return 2;
  }
  // By code, not class: a BotError about the settings (no platform configured, say) is a settings problem.
  if (err instanceof BotError && err.code === "INVALID_CONFIG") {
    io.stderr.write(`${prefix}${err.message}\n`);
    return 2;
  }
  if (err instanceof ImportError || err instanceof UserError || err instanceof BotError) {
    io.stderr.write(`${prefix}${err.message}\n`);
    return 1;
  }
  io.stderr.write(
    `${prefix}unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
}
