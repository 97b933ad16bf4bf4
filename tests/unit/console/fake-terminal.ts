/**
 * A terminal for the console chat, in memory: keys typed into a stream that says it is a TTY, and a screen
 * that records everything written to it. Waits are for what appears on the screen, never for time.
 */
import { PassThrough, type Readable } from "node:stream";

/** Cursor movement, erasing and colours: what is left is the text a person would read. */
const CONTROL = /\u001b\[[0-9;?]*[A-Za-z]/g;

export const KEY = { tab: "\t", enter: "\r", up: "\u001b[A", ctrlC: "\u0003", ctrlD: "\u0004" } as const;

/** What a program wrote to a terminal (a fake one, or a pseudo-terminal's output), read as a person would. */
export function recordScreen(written: Readable) {
  let raw = "";
  const waiters: Array<() => void> = [];
  written.setEncoding("utf8");
  written.on("data", (chunk: string) => {
    raw += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  /** The text written since `from` (an offset into everything written), without control sequences. */
  const text = (from = 0) => raw.slice(from).replace(CONTROL, "").replaceAll("\r", "");
  return {
    /** Everything written so far, as sent (with control sequences). */
    raw: () => raw,
    text,
    /** Where the screen is now: pass it to `until` to wait only for what comes after. */
    mark: () => raw.length,
    /** Resolves when the text written since `from` matches. */
    until(pattern: RegExp, from = 0): Promise<string> {
      return new Promise((resolve) => {
        const check = () => {
          if (pattern.test(text(from))) resolve(text(from));
          else waiters.push(check);
        };
        check();
      });
    },
  };
}

export function fakeTerminal(size = { columns: 80, rows: 30 }) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, ...size });
  return { input, output, ...recordScreen(output), type: (keys: string) => input.write(keys) };
}
