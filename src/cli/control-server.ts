/**
 * The running bot's control socket. While a bot owns the embedded database, every other `freetobehome`
 * command (import, takedown, deliver, …) is handed to it here and carried out by the bot itself, with its
 * app and adapters: one process writes the database, and a takedown reaches the bot's next reply and post
 * at once. The socket is owner-only (0600, in the data folder or a private temp folder).
 */
import { chmodSync, unlinkSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { PassThrough, Writable } from "node:stream";
import type { App } from "../app.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import { reportFailure, runCommand } from "./commands.ts";
import { alreadyRunningError, botContext, type CliIo } from "./context.ts";
import {
  controlSocketPath,
  parseHead,
  readFrames,
  type RequestHead,
  writeFrame,
} from "./control-protocol.ts";

/** How long a stopping bot waits for the commands under way before it hangs up on them. */
const CLOSE_GRACE_MS = 5_000;

export interface ControlServer {
  readonly path: string;
  close(): Promise<void>;
}

/** Serves the control socket when the app holds the embedded database's lock; undefined on a server. */
export async function serveControl(
  app: App,
  adapters: () => PlatformAdapter[],
): Promise<ControlServer | undefined> {
  const lock = app.lock;
  if (!lock) return undefined; // On a Postgres server every process opens the database itself.
  const path = controlSocketPath(app.config.DATA_DIR);
  unlinkQuietly(path); // Left by a bot that was killed: the lock, taken over, says it is gone.
  const sessions = new Set<{ socket: Socket; stdin: PassThrough }>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const session = { socket, stdin: new PassThrough() };
    sessions.add(session);
    void serveSession(app, adapters, session).finally(() => {
      sessions.delete(session);
      socket.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  lock.announceSocket(path);
  app.logger.info({ socket: path }, "accepting commands from other terminals on the control socket");
  return {
    path,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A console chat from another terminal ends as if its input had ended; other commands finish,
      // and a terminal that does not hang up after its answer is hung up on.
      for (const session of sessions) session.stdin.end();
      const hangUp = setTimeout(() => {
        for (const session of sessions) session.socket.destroy();
      }, CLOSE_GRACE_MS);
      await closed;
      clearTimeout(hangUp);
      unlinkQuietly(path);
    },
  };
}

async function serveSession(
  app: App,
  adapters: () => PlatformAdapter[],
  session: { socket: Socket; stdin: PassThrough },
): Promise<void> {
  const { socket, stdin } = session;
  socket.on("error", () => stdin.end()); // The other terminal went away: its chat ends, its command finishes.
  socket.on("close", () => stdin.end());
  const frames = readFrames(socket);
  const first = await frames.next();
  const head = first.done ? undefined : parseHead(first.value);
  if (!head) {
    writeFrame(socket, { stderr: "freetobehome: the control socket got a request it does not understand\n" });
    writeFrame(socket, { exit: 2 });
    return;
  }
  void (async () => {
    for await (const frame of frames) {
      if (typeof frame.stdin === "string") stdin.write(frame.stdin);
      else if (frame.stdinEnd === true) break;
    }
    stdin.end();
  })();
  const io = sessionIo(head, socket, stdin);
  const [command, ...rest] = head.argv as [string, ...string[]];
  let code: number;
  try {
    if (command === "start") {
      throw alreadyRunningError(app.config.DATA_DIR, app.lock?.holder ?? { pid: process.pid, since: "?" });
    }
    app.logger.info({ command, user: head.user }, "carrying out a command from another terminal");
    code = await runCommand(botContext(app, io, adapters), command, rest);
  } catch (err) {
    code = reportFailure(err, io);
  }
  writeFrame(socket, { exit: code });
}

function sessionIo(head: RequestHead, socket: Socket, stdin: PassThrough): CliIo {
  const framed = (kind: "stdout" | "stderr") =>
    new Writable({
      decodeStrings: false,
      write(chunk: Buffer | string, _encoding, done) {
        writeFrame(socket, kind === "stdout" ? { stdout: String(chunk) } : { stderr: String(chunk) });
        done();
      },
    });
  return {
    stdin,
    stdout: framed("stdout"),
    stderr: framed("stderr"),
    cwd: head.cwd,
    tty: head.tty,
    ...(head.noColor ? { noColor: true } : {}),
    user: head.user,
  };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there.
  }
}
