/**
 * A command's streams, captured: what a command run in the test process (or carried out by a bot in it)
 * writes to stdout and stderr, and which streams count as a person's terminal.
 */
import { PassThrough } from "node:stream";
import { reportFailure, runCommand } from "../../src/cli/commands.ts";
import type { CliContext, CliIo } from "../../src/cli/context.ts";
import { loadConfig } from "../../src/config.ts";

export type CapturedIo = CliIo & { out(): string; err(): string };

export function captureIo(
  cwd: string,
  terminal = false,
  options: { noColor?: boolean; input?: string } = {},
): CapturedIo {
  let out = "";
  let err = "";
  const sink = (add: (text: string) => void) => {
    const stream = new PassThrough();
    stream.setEncoding("utf8");
    stream.on("data", add);
    return stream;
  };
  const stdin = new PassThrough();
  stdin.end(options.input ?? "");
  return {
    stdin,
    stdout: sink((t) => (out += t)),
    stderr: sink((t) => (err += t)),
    cwd,
    tty: { stdin: terminal, stdout: terminal, stderr: terminal },
    ...(options.noColor ? { noColor: true } : {}),
    user: "curator",
    out: () => out,
    err: () => err,
  };
}

/** The captured streams deliver their data on the next turn. */
export const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A command's context where opening the app is a failure: for what must answer without it (help, usage). */
export function contextWithoutApp(io: CliIo): CliContext {
  return {
    config: loadConfig({ DATA_DIR: "/nonexistent/freetobehome-test" }),
    io,
    inBot: false,
    withApp: () => Promise.reject(new Error("the command line opened the app")),
    platformAdapters: async () => [],
    serveControl: async () => undefined,
  };
}

/** A command line as main.ts and a running bot carry it out: run, a failure reported the one way. */
export async function runCaptured(
  context: (io: CliIo) => CliContext,
  argv: readonly string[],
  io: CapturedIo = captureIo("/tmp"),
) {
  const [command = "", ...rest] = argv;
  const code = await runCommand(context(io), command, rest).catch((err) => reportFailure(err, io));
  await settled();
  return { code, stdout: io.out(), stderr: io.err() };
}

/** A command line run where opening the app is a failure (help, usage, completion). */
export function runWithoutApp(argv: readonly string[], io: CapturedIo = captureIo("/tmp")) {
  return runCaptured(contextWithoutApp, argv, io);
}
