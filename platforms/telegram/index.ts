/**
 * The Telegram adapter: telegraf wired to our dispatch, long polling by default or a webhook when
 * configured. Like every adapter: parse.ts (update → CommandInvocation), render.ts (Reply → messages),
 * send.ts (posts → SendResult, errors read in send-errors.ts), wiring.ts (the Telegraf bot and its
 * update handlers; wiring-webhook.ts serves the webhook), and this file, which only connects them.
 */
import type { Server } from "node:http";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch, PlatformAdapter } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { AnswerPace } from "../../src/core/request-pace.ts";
import { Telegram } from "telegraf";
import { menuRegistrations } from "./commands.ts";
import { pacedCalls } from "./paced-calls.ts";
import type { InlineSearch } from "./inline.ts";
import { TELEGRAM_DELETE_WITHIN_MS, type TelegramSender, createSender } from "./send.ts";
import { ALLOWED_UPDATES, createTelegramBot, telegramOptions } from "./wiring.ts";
import { type WebhookConfig, startWebhook, stopServer } from "./wiring-webhook.ts";
import type { AccessListener } from "./wiring-channels.ts";

export interface TelegramAdapterOptions {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server, or a local fake. */
  apiRoot?: string;
  /** Webhook mode when set (TELEGRAM_WEBHOOK_URL / _SECRET); long polling otherwise. */
  webhook?: WebhookConfig;
  dispatch: Dispatch;
  inlineResults: InlineSearch;
  commands: readonly AnyCommand[];
  logger: Logger;
  /** DEFAULT_LANGUAGE: the adapter's own words to a member whose app language we do not speak. */
  defaultLanguage?: string;
  /** How long a scheduled post may wait for Telegram's answer before it counts as uncertain. */
  sendTimeoutMs?: number;
  /** Told the bot's username once getMe has given it at start (deep links to the bot, core/deep-link.ts). */
  onUsername?: (username: string) => void;
  /** Told when the bot loses or gets back the right to post in a chat (my_chat_member). */
  onAccessChange?: AccessListener;
  /**
   * The pace of the answers: Telegram counts them with the posts against one set of caps, so the
   * composition root gives the pacer the posts use (delivery/paced-adapter.ts); absent, they go at once.
   */
  answerPace?: AnswerPace;
}

export type TelegramAdapter = PlatformAdapter &
  TelegramSender & {
    registerCommands(): Promise<void>;
    /** The port the webhook server listens on (useful with port 0); undefined when polling. */
    webhookPort(): number | undefined;
  };

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const logger = options.logger.child({ platform: "telegram" });
  const bot = createTelegramBot({ ...options, logger });
  const sender = createSender({ telegram: bot.telegram, logger, timeoutMs: options.sendTimeoutMs });

  let server: Server | undefined;
  let polling: Promise<void> | undefined;

  return {
    platform: "telegram",
    afterUncertainSend: "record-uncertain", // Telegram has no idempotency key to make a resend safe
    deleteWithinMs: TELEGRAM_DELETE_WITHIN_MS,
    ...sender,
    async start() {
      bot.botInfo = await bot.telegram.getMe(); // fails fast on a bad token, before anything listens
      options.onUsername?.(bot.botInfo.username);
      if (options.webhook) {
        server = await startWebhook(bot, options.webhook, ALLOWED_UPDATES, logger);
        return;
      }
      // launch() resolves only when polling ends; it deletes any webhook, then long-polls.
      polling = bot
        .launch({ allowedUpdates: ALLOWED_UPDATES })
        .catch((err) => logger.error({ err }, "telegram polling stopped with an error"));
    },
    async stop() {
      if (server) await stopServer(server);
      server = undefined;
      if (polling) {
        bot.stop("adapter stop");
        await polling; // includes telegraf's final getUpdates that confirms the last offset
      }
      polling = undefined;
    },
    async registerCommands() {
      const { calls, skipped } = menuRegistrations(options.commands);
      if (skipped.length > 0) logger.warn({ skipped }, "command names Telegram refuses");
      // One after another: the first call Telegram refuses stops the registration with its error.
      for (const { commands, ...where } of calls) await bot.telegram.setMyCommands(commands, where);
      // The button beside the text field opens the command list (in every private chat without its own).
      await bot.telegram.setChatMenuButton({ menuButton: { type: "commands" } });
    },
    webhookPort() {
      const address = server?.address();
      return typeof address === "object" && address ? address.port : undefined;
    },
  };
}

/**
 * Scheduled-post delivery alone, without receiving updates: for the delivery core's tests and the fan-out
 * benchmark (point `apiRoot` at the fake Bot API in tests/fakes/telegram).
 */
export function createTelegramSender(options: {
  token: string;
  apiRoot?: string;
  logger: Logger;
  timeoutMs?: number;
}): TelegramSender {
  const telegram = pacedCalls(new Telegram(options.token, telegramOptions(options.apiRoot)));
  return createSender({ telegram, logger: options.logger, timeoutMs: options.timeoutMs });
}

export type { TelegramSender } from "./send.ts";
export type { WebhookConfig } from "./wiring-webhook.ts";
