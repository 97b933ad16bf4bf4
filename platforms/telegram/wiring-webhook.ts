/**
 * Webhook mode: our own plain HTTP server (TLS ends at the proxy in front of it; Telegram only calls https
 * URLs) in front of telegraf's webhookCallback. We check the method, the path (with its query string) and
 * the secret token before reading a byte of the body, so an unauthenticated request is never parsed or
 * handled; then we read the body ourselves (wiring-webhook-body.ts) and hand it to telegraf as `req.body`.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Telegraf } from "telegraf";
import { BodyTooLarge, parseUpdate, readUtf8Body, sameSecret } from "./wiring-webhook-body.ts";

export type AllowedUpdate = "message" | "channel_post" | "callback_query" | "inline_query" | "my_chat_member";

export interface WebhookConfig {
  /** The public https URL Telegram calls; its path and query string are what we serve. */
  url: string;
  /** 1–256 characters of [A-Za-z0-9_-]; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  port: number;
  host?: string;
}

/** The URL we register and the request target Telegram will then use for it (path plus query string). */
function webhookTarget(configured: string): { url: string; target: string } {
  const url = new URL(configured);
  url.hash = ""; // never sent over HTTP, so it can't be part of what we match
  // Registering the normalised URL means Telegram requests exactly the target we compare against.
  return { url: url.href, target: `${url.pathname}${url.search}` };
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
  const { url, target } = webhookTarget(config.url);
  // telegraf compares req.url (query included) with this path and checks the secret again: a second lock
  // on the same door, which our own check below has already opened.
  const callback = bot.webhookCallback(target, { secretToken: config.secret });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const secret = req.headers["x-telegram-bot-api-secret-token"];
    if (req.method !== "POST" || req.url !== target || !sameSecret(secret, config.secret)) {
      res.writeHead(403).end();
      return;
    }
    let text: string;
    try {
      text = await readUtf8Body(req);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      // Close the connection rather than read the rest of a body we refuse.
      res.writeHead(413, { connection: "close" }).end();
      return;
    }
    const update = parseUpdate(text);
    if (!update) {
      res.writeHead(415).end(); // what telegraf answers to a body it can't parse
      return;
    }
    // With req.body set, telegraf uses it as the update instead of decoding the stream chunk by chunk.
    await callback(Object.assign(req, { body: update }), res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ platform: "telegram", err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  await bot.telegram.setWebhook(url, {
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
