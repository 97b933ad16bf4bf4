/**
 * `start` and `console`. With platforms configured, `start` runs them with the HTTP endpoints until
 * SIGTERM/SIGINT; with none and a terminal attached it opens the console chat; with neither it stops and
 * says what to set (a configuration problem, exit 2). A console chat owns the embedded database like any
 * bot, and other terminals' commands (and chats) are carried out by it.
 */
import { join } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import type { App } from "../app.ts";
import type { Config } from "../config.ts";
import { BotError } from "../core/errors.ts";
import { createLogger } from "../ops/logger.ts";
import {
  CONSOLE_HISTORY_FILE,
  type ConsoleChatOptions,
  type ConsoleTerminal,
  createConsoleAdapter,
  runConsoleChat,
} from "../app-platforms.ts";
import { startPanel } from "../app-panel.ts";
import type { CliContext } from "./context.ts";
import { onStopSignal } from "./shutdown.ts";

const NO_PLATFORM =
  "No chat platform is configured and no terminal is attached. Set one of: DISCORD_TOKEN; SLACK_BOT_TOKEN with " +
  "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode); SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and " +
  "SLACK_STATE_SECRET (OAuth); TELEGRAM_BOT_TOKEN. Or run `freetobehome console` to chat locally " +
  "(it also reads commands from standard input).";

/**
 * The chat, with the delivery scheduler running, so a subscribed console channel gets its posts. A chat
 * from another terminal, carried out by a running bot, leaves delivery to that bot's own scheduler; its
 * lines come already edited by that terminal, so it is read line by line, plain.
 */
async function consoleChat(ctx: CliContext, app: App, interactive: boolean): Promise<void> {
  if (ctx.inBot) return chat(app, ctx, { interactive, input: ctx.io.stdin });
  const stop = stopRequested(app);
  const delivery = app.delivery([createConsoleAdapter(ctx.io.stdout)]);
  if (interactive) delivery.scheduler.start();
  const control = await ctx.serveControl(app, () => []);
  const panel = await startPanel(app).catch(async (err: unknown) => {
    await control?.close();
    await delivery.scheduler.stop();
    throw err;
  });
  if (panel)
    ctx.io.stderr.write(
      `freetobehome: staff panel at ${panel.url} (sign in with a link from: freetobehome panel link)\n`,
    );
  try {
    // A terminal is read directly (readline puts it in raw mode for line editing); a pipe through a
    // stream the stop can end.
    const input = interactive ? ctx.io.stdin : endableInput(stop);
    await chat(app, ctx, {
      interactive,
      input,
      stop,
      ...(interactive ? { terminal: terminal(app, ctx) } : {}),
    });
  } finally {
    await panel?.close();
    await control?.close();
    await delivery.scheduler.stop();
  }
}

/**
 * Ctrl-C (as a signal, from a pipe's shell), SIGTERM, or a reader that closed our output (`… | head -1`,
 * EPIPE) all end the chat the way Ctrl-D does, so the finally paths stop the scheduler and close the
 * database instead of the process dying with them open. The signal handlers stay until the process
 * exits: a second signal, or a close that hangs, still ends it (see shutdown.ts).
 */
function stopRequested(app: App): Promise<void> {
  return new Promise((resolve) => {
    void onStopSignal({ logger: app.logger }).stopped.then(() => resolve());
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      // Nobody is reading any more: nothing to say, and nowhere to say it.
      if (err.code !== "EPIPE") app.logger.warn({ err }, "console output failed: ending the chat");
      resolve();
    });
  });
}

/** Standard input through a stream we can end when the chat must stop. */
function endableInput(stop: Promise<void>): Readable {
  const input = new PassThrough();
  process.stdin.pipe(input);
  void stop.then(() => {
    process.stdin.unpipe(input);
    process.stdin.pause();
    input.end();
  });
  return input;
}

/**
 * This process's terminal: history in the data folder, names from the catalog, colours unless the person
 * asked for none (the command line's one rule: NO_COLOR from the environment or .env, TERM=dumb).
 */
function terminal(app: App, ctx: CliContext): ConsoleTerminal {
  return {
    colour: ctx.io.noColor !== true,
    historyFile: join(app.config.DATA_DIR, CONSOLE_HISTORY_FILE),
    suggest: (typed, limit) => app.services.catalog.suggest(typed, limit),
    warn: (message) => ctx.io.stderr.write(`freetobehome: ${message}\n`),
  };
}

function chat(
  app: App,
  ctx: CliContext,
  how: Pick<ConsoleChatOptions, "interactive" | "input" | "stop" | "terminal">,
): Promise<void> {
  return runConsoleChat({
    ...how,
    dispatch: app.dispatch,
    commands: app.commands,
    output: ctx.io.stdout,
    // What the chat says before any reply (a line that is not a command) is in DEFAULT_LANGUAGE.
    ...(app.services.defaults.language ? { language: app.services.defaults.language } : {}),
    greeting:
      "FreeToBeHome console: you are the moderator of channel console:local.\n" +
      `Try /today, /prisoner Mammadov, /share, /subscribe 09:00 Europe/Baku, /help.${how.terminal ? " Tab completes commands and names." : ""} /quit or Ctrl-D ends.`,
  });
}

/** Logs to stderr at warn or above, so the chat itself stays readable. */
const consoleLogger = (config: Config) =>
  createLogger({
    level: config.LOG_LEVEL === "info" || config.LOG_LEVEL === "debug" ? "warn" : config.LOG_LEVEL,
    stream: "stderr",
  });

export async function runConsoleCommand(ctx: CliContext): Promise<number> {
  const interactive = ctx.io.tty.stdin && ctx.io.tty.stdout;
  await ctx.withApp((app) => consoleChat(ctx, app, interactive), {
    logger: consoleLogger(ctx.config),
    seedSample: true,
    databaseThread: true,
  });
  return 0;
}

export async function runStart(ctx: CliContext): Promise<number> {
  const anyPlatform = Object.values(ctx.config.platforms).some(Boolean);
  // The service (its HTTP endpoints, the platforms' start) is loaded only by a bot that runs platforms.
  if (anyPlatform) return (await import("./service.ts")).runService(ctx);
  if (!ctx.io.tty.stdin) throw new BotError(NO_PLATFORM, "INVALID_CONFIG");
  await ctx.withApp((app) => consoleChat(ctx, app, true), {
    logger: consoleLogger(ctx.config),
    seedSample: true,
    databaseThread: true,
  });
  return 0;
}
