/** Hands a command to the bot that owns the embedded database, over its control socket (control-server.ts). */
import { connect } from "node:net";
import type { CliIo } from "./context.ts";
import { PROTOCOL, readFrames, writeFrame } from "./control-protocol.ts";

/** Nobody listens on the socket (yet): the bot is still starting, or has just stopped. */
export class NotListeningError extends Error {}

/** Runs `argv` in the bot, with this terminal's streams, and resolves with the command's exit code. */
export function forwardToBot(socketPath: string, argv: string[], io: CliIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: socketPath, allowHalfOpen: true });
    let connected = false;
    let exit: number | undefined;
    socket.once("connect", () => {
      connected = true;
      writeFrame(socket, {
        protocol: PROTOCOL,
        argv,
        cwd: io.cwd,
        user: io.user,
        tty: io.tty,
        ...(io.noColor ? { noColor: true } : {}),
      });
      // Only the console chat reads standard input; other commands must not wait for it to end.
      if (argv[0] === "console") pipeInput(io, socket);
      else writeFrame(socket, { stdinEnd: true });
    });
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === "ECONNREFUSED" || err.code === "ENOENT")) {
        reject(new NotListeningError(err.message));
      } else if (exit === undefined) reject(err);
    });
    void (async () => {
      for await (const frame of readFrames(socket)) {
        if (typeof frame.stdout === "string") io.stdout.write(frame.stdout);
        else if (typeof frame.stderr === "string") io.stderr.write(frame.stderr);
        else if (typeof frame.exit === "number") exit = frame.exit;
      }
      socket.end();
      if (exit !== undefined) resolve(exit);
      else if (connected) {
        io.stderr.write(
          "freetobehome: the running bot stopped before the command finished; see its log for what was done\n",
        );
        resolve(1);
      }
    })().catch(reject);
  });
}

function pipeInput(io: CliIo, socket: import("node:net").Socket): void {
  io.stdin.setEncoding("utf8");
  io.stdin.on("data", (text: string) => writeFrame(socket, { stdin: text }));
  io.stdin.on("end", () => writeFrame(socket, { stdinEnd: true }));
  socket.on("close", () => io.stdin.pause());
}
