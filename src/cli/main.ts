/**
 * `freetobehome <command>`: the bot and its operations. Reads the command line first (help, completion
 * and usage errors need no settings and load nothing else), then `.env`, validates the configuration
 * once, and maps errors to exit codes: 2 for configuration or usage, 1 for refused input or a failure;
 * then exits. The app, the database and the platforms' SDKs are imported only once a command runs.
 */
import { reportFailure } from "./commands.ts";
import { type CliIo, processIo } from "./context.ts";
import { parseCommandLine } from "./parse.ts";

async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, io);
  if ("exit" in parsed) return parsed.exit;
  const { loadConfig, readDotEnv } = await import("../config.ts");
  readDotEnv();
  const config = loadConfig();
  // NO_COLOR may also come from .env, read only now: one answer for every command and the console.
  const withSettings: CliIo = config.NO_COLOR ? { ...io, noColor: true } : io;
  // Parsed again where it runs: here, or in the bot that owns the embedded database.
  const { runHereOrInBot } = await import("./owner.ts");
  const [command, ...rest] = argv as [string, ...string[]];
  return runHereOrInBot(config, command, rest, withSettings);
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

// A reader that stops reading (`freetobehome --help | head`) is not a failure of the command: the rest of
// what it writes goes nowhere, and the command still finishes (the console chat ends on it, see start.ts).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
  });
}

const io = processIo();
main(process.argv.slice(2), io).then(exit, (err: unknown) => exit(reportFailure(err, io)));
