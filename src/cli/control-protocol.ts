/**
 * The control socket's protocol: newline-delimited JSON both ways. The client sends one head (the
 * command line, its working folder, which of its streams are a terminal), then its standard input as
 * frames; the bot answers with the command's output as frames and ends with its exit code.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";

export const PROTOCOL = 1;

export interface RequestHead {
  protocol: number;
  argv: string[];
  cwd: string;
  user: string;
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** NO_COLOR (or TERM=dumb) where the command was typed; absent from an older client's head. */
  noColor?: boolean;
}

export type ClientFrame = { stdin: string } | { stdinEnd: true };
export type ServerFrame = { stdout: string } | { stderr: string } | { exit: number };

/** Unix socket paths are limited to about 104 bytes: a long data folder gets a private temp folder. */
const MAX_SOCKET_PATH = 100;

export function controlSocketPath(dataDir: string): string {
  const inDataDir = join(resolve(dataDir), "control.sock");
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH) return inDataDir;
  // mkdtemp makes the folder 0700: only this user can reach the socket inside it.
  return join(mkdtempSync(join(tmpdir(), "freetobehome-")), "control.sock");
}

export function writeFrame(stream: Writable, frame: RequestHead | ClientFrame | ServerFrame): void {
  if (stream.writable) stream.write(`${JSON.stringify(frame)}\n`);
}

/** The frames of a stream, one JSON value per line; a line that is not JSON ends the stream. */
export async function* readFrames(stream: Readable): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      let frame: unknown;
      try {
        frame = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof frame === "object" && frame !== null && !Array.isArray(frame)) {
        yield frame as Record<string, unknown>;
      } else return;
    }
  } finally {
    lines.close();
  }
}

/** A head as the bot accepts it: every field of the right type, or undefined. */
export function parseHead(frame: Record<string, unknown>): RequestHead | undefined {
  const { protocol, argv, cwd, user, tty, noColor } = frame;
  const isTty = (v: unknown): v is RequestHead["tty"] =>
    typeof v === "object" &&
    v !== null &&
    ["stdin", "stdout", "stderr"].every((k) => typeof (v as Record<string, unknown>)[k] === "boolean");
  if (protocol !== PROTOCOL || typeof cwd !== "string" || typeof user !== "string" || !isTty(tty))
    return undefined;
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === "string"))
    return undefined;
  return { protocol, argv, cwd, user, tty, ...(noColor === true ? { noColor } : {}) };
}
