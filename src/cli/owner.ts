/**
 * Who carries a command out. The embedded database has one owner at a time (data-dir-lock.ts): a command
 * runs here when the folder is free; while a bot owns it, the bot carries the command out (the control
 * socket), so its output and exit code are the same as run alone; while another one-off command holds
 * it, this one waits for it to finish. On a Postgres server every process opens the database itself.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../config.ts";
import { DataDirBusyError, isAlive, readLock } from "../ops/data-dir-lock.ts";
import { runCommand } from "./commands.ts";
import { alreadyRunningError, type CliContext, type CliIo } from "./context.ts";
import { forwardToBot, NotListeningError } from "./control-client.ts";
import { serveControl } from "./control-server.ts";
import { withApp } from "./with-app.ts";

/** The commands that run a bot, and so serve the control socket while they own the folder. */
const BOT_COMMANDS = new Set(["start", "console"]);
const POLL_MS = 100;
/** A command run in this process, opening the app for itself (under the embedded database's lock). */
export function localContext(config: Config, io: CliIo, command: string): CliContext {
  return {
    config,
    io,
    inBot: false,
    withApp: (task, options = {}) => withApp(config, task, { ...options, owner: command }, io),
    // The SDKs (discord.js and undici, Bolt, telegraf) are most of a one-off command's start-up: loaded
    // only by a command that sends.
    platformAdapters: async (app) => (await import("../app-platforms.ts")).createPlatformAdapters(app),
    serveControl,
  };
}

export async function runHereOrInBot(config: Config, command: string, args: string[], io: CliIo) {
  const said = new Set<string>();
  const sayOnce = (line: string) => {
    if (!said.has(line)) io.stderr.write(`freetobehome: ${line}\n`);
    said.add(line);
  };
  for (;;) {
    try {
      return await runCommand(localContext(config, io, command), command, args);
    } catch (err) {
      if (!(err instanceof DataDirBusyError)) throw err;
    }
    // The folder has an owner: wait until it has gone or, if it is a bot, until it takes commands.
    for (;;) {
      const holder = readLock(config.DATA_DIR);
      if (!holder || !isAlive(holder)) break; // Free (or left by a dead process): run here after all.
      if (!BOT_COMMANDS.has(holder.command)) {
        sayOnce(
          `waiting for \`freetobehome ${holder.command}\` (pid ${holder.pid}) to finish with ${config.DATA_DIR}`,
        );
      } else if (command === "start") {
        throw alreadyRunningError(config.DATA_DIR, holder);
      } else if (holder.socket) {
        try {
          return await forwardToBot(holder.socket, [command, ...args], io);
        } catch (err) {
          if (!(err instanceof NotListeningError)) throw err;
        }
      } else {
        sayOnce(`waiting for the bot (pid ${holder.pid}) to finish starting`);
      }
      await sleep(POLL_MS);
    }
  }
}
