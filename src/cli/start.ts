/**
 * `start` and `console`. With platforms configured, `start` runs them with the HTTP endpoints until
 * SIGTERM/SIGINT; with none and a terminal attached it opens the console chat; with neither it stops and
 * says what to set (a configuration problem, exit 2).
 */
import { PassThrough, type Readable } from "node:stream";
import type { App } from "../app.ts";
import type { Config } from "../config.ts";
import { BotError } from "../core/errors.ts";
import { createLogger } from "../ops/logger.ts";
import { createConsoleAdapter, runConsoleChat } from "../app-platforms.ts";
import { systemClock } from "../app.ts";
import { createDeliveryService } from "../delivery/service.ts";
import { runService } from "./service.ts";
import { onStopSignal } from "./shutdown.ts";
import { readFlags, refuseArguments } from "./usage.ts";
import { withApp } from "./with-app.ts";

const NO_PLATFORM =
  "No chat platform is configured and no terminal is attached. Set one of: DISCORD_TOKEN; SLACK_BOT_TOKEN with " +
  "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode); SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and " +
  "SLACK_STATE_SECRET (OAuth); TELEGRAM_BOT_TOKEN. Or run `freetobehome console` to chat locally " +
  "(it also reads commands from standard input).";

/** The chat, with the delivery scheduler running, so a subscribed console channel gets its posts. */
async function consoleChat(app: App, interactive: boolean): Promise<void> {
  const input = endableInput(app);
  const delivery = createDeliveryService({
    ...app,
    adapters: [createConsoleAdapter(process.stdout)],
    clock: systemClock,
  });
  if (interactive) delivery.scheduler.start();
  try {
    await chat(app, interactive, input);
  } finally {
    await delivery.scheduler.stop();
  }
}

/**
 * Standard input through a stream we can end: Ctrl-C, SIGTERM, or a reader that closed our output
 * (`… | head -1`, EPIPE) all end the chat the way Ctrl-D does, so the finally paths stop the scheduler
 * and close the database instead of the process dying with them open. The signal handlers stay until the
 * process exits: a second signal, or a close that hangs, still ends it (see shutdown.ts).
 */
function endableInput(app: App): Readable {
  const input = new PassThrough();
  process.stdin.pipe(input);
  const end = () => {
    process.stdin.unpipe(input);
    process.stdin.pause();
    input.end();
  };
  void onStopSignal({ logger: app.logger }).stopped.then(end);
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    // Nobody is reading any more: nothing to say, and nowhere to say it.
    if (err.code !== "EPIPE") app.logger.warn({ err }, "console output failed: ending the chat");
    end();
  });
  return input;
}

function chat(app: App, interactive: boolean, input: Readable): Promise<void> {
  return runConsoleChat({
    dispatch: app.dispatch,
    input,
    output: process.stdout,
    interactive,
    greeting:
      "FreeToBeHome console: you are the moderator of channel console:local.\n" +
      "Try /today, /prisoner Mammadov, /share, /subscribe 09:00 Europe/Baku, /help. /quit or Ctrl-D ends.",
  });
}

/** Logs to stderr at warn or above, so the chat itself stays readable. */
const consoleLogger = (config: Config) =>
  createLogger({
    level: config.LOG_LEVEL === "info" || config.LOG_LEVEL === "debug" ? "warn" : config.LOG_LEVEL,
    stream: "stderr",
  });

export async function runConsoleCommand(config: Config, args: string[]): Promise<number> {
  refuseArguments("console", readFlags(args, {}).positional);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  await withApp(config, (app) => consoleChat(app, interactive), {
    logger: consoleLogger(config),
    seedSample: true,
  });
  return 0;
}

export async function runStart(config: Config, args: string[]): Promise<number> {
  refuseArguments("start", readFlags(args, {}).positional);
  const anyPlatform = Object.values(config.platforms).some(Boolean);
  if (anyPlatform) return runService(config);
  if (!process.stdin.isTTY) throw new BotError(NO_PLATFORM, "INVALID_CONFIG");
  await withApp(config, (app) => consoleChat(app, true), { logger: consoleLogger(config), seedSample: true });
  return 0;
}
