/**
 * `freetobehome <command>`: the bot and its operations. Reads `.env`, validates the configuration once,
 * and maps errors to exit codes: 2 for configuration or usage, 1 for refused input or a failure; then exits.
 */
import { loadConfig, readDotEnv } from "../config.ts";
import { reportFailure } from "./commands.ts";
import { processIo } from "./context.ts";
import { runHereOrInBot } from "./owner.ts";
import { USAGE } from "./usage.ts";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  readDotEnv();
  const config = loadConfig();
  return runHereOrInBot(config, command, rest, processIo());
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

main(process.argv.slice(2)).then(exit, (err: unknown) => exit(reportFailure(err, process)));
