/**
 * Webhook mode: telegraf's webhookCallback on our own plain HTTP server (TLS ends at the proxy in front of
 * it; Telegram only calls https URLs). telegraf answers 403 to a wrong path, method or secret token before
 * reading the body, so an unauthenticated request is never parsed or handled.
 */
import { type Server, createServer } from "node:http";
import type { Logger } from "../../src/core/ports.ts";
import type { Telegraf } from "telegraf";

export type AllowedUpdate = "message" | "channel_post" | "callback_query" | "inline_query";

export interface WebhookConfig {
  /** The public https URL Telegram calls; its path is the one we serve. */
  url: string;
  /** 1–256 characters of [A-Za-z0-9_-]; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  port: number;
  host?: string;
}

export async function startWebhook(
  bot: Telegraf,
  config: WebhookConfig,
  allowedUpdates: readonly AllowedUpdate[],
  logger: Logger,
): Promise<Server> {
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(config.secret)) {
    throw new TypeError("TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -");
  }
  const path = new URL(config.url).pathname;
  const callback = bot.webhookCallback(path, { secretToken: config.secret });
  const server = createServer((req, res) => {
    callback(req, res).catch((err: unknown) => {
      logger.error({ platform: "telegram", err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  await bot.telegram.setWebhook(config.url, {
    secret_token: config.secret,
    allowed_updates: [...allowedUpdates],
  });
  return server;
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
