/**
 * A status line for long commands, rewritten in place on a terminal's stderr ("Reading files: 120/800").
 * When stderr is not a terminal (a pipe, a log file, cron) the status is not written at all, so scripts see
 * only the command's own output and its notes. Notes (a skipped file) are always written, on lines of
 * their own.
 */
import type { CliIo } from "./context.ts";

/** What is needed of a stream; process.stderr has it. Tests pass a recording object. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width: a status line wider than this would wrap and could no longer be rewritten. */
  columns?: number;
}

export interface Progress {
  /** Replaces the status line (terminals only); updates closer than the interval apart are dropped. */
  status(text: string, options?: { force?: boolean }): void;
  /** A line kept in the output: the status line is cleared first and drawn again after it. */
  note(line: string): void;
  /** Removes the status line, before the command's result is printed or its error reported. */
  clear(): void;
}

/** Clears from the cursor to the end of the line. */
const ERASE_LINE = "\x1b[K";

export function createProgress(
  stream: ProgressStream,
  options: { now?: () => number; intervalMs?: number } = {},
): Progress {
  const now = options.now ?? (() => Date.now());
  const intervalMs = options.intervalMs ?? 100;
  const tty = stream.isTTY === true;
  let shown = "";
  let lastDrawn = Number.NEGATIVE_INFINITY;

  const draw = (text: string) => {
    // A terminal without a size (a pty made by `script`, some CI runners) reports 0 columns.
    const width = (stream.columns || 80) - 1;
    shown = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
    stream.write(`\r${shown}${ERASE_LINE}`);
    lastDrawn = now();
  };
  const erase = () => {
    if (shown !== "") stream.write(`\r${ERASE_LINE}`);
  };

  return {
    status(text, { force = false } = {}) {
      if (!tty || (!force && now() - lastDrawn < intervalMs)) return;
      draw(text);
    },
    note(line) {
      // Nothing is shown on a pipe, so there the note is all that is written.
      erase();
      stream.write(`${line}\n`);
      if (shown !== "") draw(shown);
    },
    clear() {
      erase();
      shown = "";
    },
  };
}

/** For callers that report to no one (planImport and runImport by default): writes nothing. */
export const silentProgress: Progress = { status() {}, note() {}, clear() {} };

/** The status line of a command's own stderr (its width known on a local terminal, else 80 columns). */
export function stderrProgress(io: Pick<CliIo, "stderr" | "tty">): Progress {
  const { columns } = io.stderr as { columns?: number };
  return createProgress({
    write: (text) => io.stderr.write(text),
    isTTY: io.tty.stderr,
    ...(columns === undefined ? {} : { columns }),
  });
}
