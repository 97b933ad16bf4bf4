/**
 * Stopping for sure. A graceful stop waits for the database and the platforms, and a database that stops
 * answering (a half-open socket) would make it wait forever, with the orchestrator's SIGTERM ignored. So
 * the first SIGTERM/SIGINT starts the graceful stop and arms a deadline that exits anyway; a second
 * signal exits at once (an operator pressing Ctrl-C twice means it).
 */
import type { Logger } from "../core/ports/logger.ts";

export const STOP_DEADLINE_MS = 10_000;

/** What the handlers need from `process`; a test passes its own. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface StopOptions {
  logger: Logger;
  deadlineMs?: number;
  source?: SignalSource;
  exit?: (code: number) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT"];

/**
 * Exits with `code` after `ms` unless the process has ended by then. Unref'd, so it never keeps an
 * otherwise finished process alive; it fires only when something else does.
 */
export function armExitDeadline(
  ms: number,
  why: string,
  options: Omit<StopOptions, "source" | "deadlineMs">,
) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timer = setTimeout(() => {
    options.logger.error({ deadlineMs: ms }, `${why}: did not finish within ${ms / 1000} s, exiting anyway`);
    exit(1);
  }, ms);
  timer.unref();
  return timer;
}

/** Resolves with the first stop signal; later ones exit at once. */
export function onStopSignal(options: StopOptions): { stopped: Promise<NodeJS.Signals>; dispose(): void } {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let first: NodeJS.Signals | undefined;
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (first !== undefined) {
      options.logger.error({ signal, first }, "second stop signal: exiting without finishing the stop");
      exit(1);
      return;
    }
    first = signal;
    options.logger.info({ signal }, "stopping");
    armExitDeadline(options.deadlineMs ?? STOP_DEADLINE_MS, "graceful stop", options);
    resolve(signal);
  };
  for (const signal of SIGNALS) source.on(signal, handler);
  return {
    stopped,
    dispose: () => {
      for (const signal of SIGNALS) source.off(signal, handler);
    },
  };
}
