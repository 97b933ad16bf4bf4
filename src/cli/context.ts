/**
 * What a command-line command runs with: the settings, the person's streams and working folder, and how
 * to reach the app. Run alone, a command opens the app for itself; while a bot owns the embedded
 * database, the bot carries the command out with its own app and adapters, and the streams are the
 * other terminal's, carried over the control socket (control-server.ts). Commands see no difference.
 */
import { userInfo } from "node:os";
import type { Readable, Writable } from "node:stream";
import type { App, AppOptions } from "../app.ts";
import type { Config } from "../config.ts";
import { UserError } from "../core/errors.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import { noColorAsked } from "./style.ts";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Where relative paths given on the command line start. */
  cwd: string;
  /** Which streams are a person's terminal (prompts, progress) rather than a pipe or file. */
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** Set when the person asked for no colour (NO_COLOR, TERM=dumb) where the command was typed. */
  noColor?: boolean;
  /** The operator, as recorded in the audit log. */
  user: string;
}

export interface CliContext {
  config: Config;
  io: CliIo;
  /** Runs a task against the app: one opened for it and closed after, or the running bot's own. */
  withApp<T>(
    task: (app: App) => Promise<T>,
    options?: Pick<Partial<AppOptions>, "seedSample" | "logger" | "databaseThread">,
  ): Promise<T>;
  /** The chat platforms' adapters a command sends through: new clients, or the running bot's. */
  platformAdapters(app: App): Promise<PlatformAdapter[]>;
  /** Set when a running bot carries the command out for another process. */
  readonly inBot: boolean;
  /**
   * Lets other terminals hand their commands to this bot (while it owns the embedded database); the
   * returned close stops that. Nothing to do in a command a bot is already carrying out.
   */
  serveControl(app: App, adapters: () => PlatformAdapter[]): Promise<{ close(): Promise<void> } | undefined>;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    tty: {
      stdin: Boolean(process.stdin.isTTY),
      stdout: Boolean(process.stdout.isTTY),
      stderr: Boolean(process.stderr.isTTY),
    },
    noColor: noColorAsked(process.env),
    user: userInfo().username,
  };
}

/** `start` while a bot owns the embedded database: one owner at a time. */
export function alreadyRunningError(dataDir: string, holder: { pid: number; since: string }): UserError {
  return new UserError(
    `a bot is already running on the embedded database in ${dataDir} (pid ${holder.pid}, since ${holder.since}). ` +
      "Stop it first (Ctrl-C or SIGTERM); to run several bots, use a Postgres server (DATABASE_URL).",
    "INVALID_ARGUMENTS",
  );
}

/** A command a running bot carries out for another process, with the bot's app and adapters. */
export function botContext(app: App, io: CliIo, adapters: () => PlatformAdapter[]): CliContext {
  return {
    config: app.config,
    io,
    inBot: true,
    withApp: (task) => task(app),
    platformAdapters: async () => adapters(),
    serveControl: async () => undefined,
  };
}
