/**
 * Named pipes for tests of code that must never open one and wait. Opening a pipe for reading blocks until
 * a writer comes, so every such test runs under a deadline that, when it passes, opens the write end of
 * each pipe made: a regression then fails with a clear message instead of hanging the run.
 */
import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { afterEach } from "vitest";

const made: string[] = [];
afterEach(() => made.splice(0).forEach(release));

export function mkfifo(file: string): string {
  execFileSync("mkfifo", [file]);
  made.push(file);
  return file;
}

/** Opening the write end lets a reader blocked on the pipe see the end of the file and go on. */
function release(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO (nobody is waiting on it, as it should be) or ENOENT (already removed).
  }
}

/** The work, or a failure after `ms`; on a hang, the pipes are released so the test process can end. */
export async function withinDeadline<T>(work: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      made.forEach(release);
      reject(new Error(`still running after ${ms} ms: it hung on a named pipe`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
