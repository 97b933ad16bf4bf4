/**
 * A private answer to a button pressed in a shared chat ("What you can do"). Telegram has no ephemeral
 * messages, so "privately" means the presser's private chat with the bot. A bot may write there only to
 * someone who started it; anyone else is told so in the query's answer (an alert, which stays until
 * dismissed), with the bot's t.me link, and nothing is posted in the shared chat.
 */
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { CallbackQuery } from "telegraf/types";
import type { Telegram } from "telegraf";
import type { Outgoing } from "./render.ts";
import { sendReply } from "./wiring-replies.ts";

export interface PrivateAnswer {
  query: CallbackQuery;
  parts: readonly Outgoing[];
  /** The dispatcher's reply: its language is the presser's. */
  reply: Reply;
  botUsername: string;
  answerQuery(text?: string, alert?: boolean): Promise<unknown>;
}

export async function answerInPrivate(
  telegram: Telegram,
  answer: PrivateAnswer,
  logger: Logger,
): Promise<void> {
  const tr = translatorFor(answer.reply.language);
  // In a private chat the chat id is the user's id.
  const delivered = await sendReply(telegram, { chatId: answer.query.from.id }, answer.parts, logger);
  if (delivered) {
    await answer.answerQuery(tr.t("act.sentPrivately"));
    return;
  }
  await answer.answerQuery(tr.t("act.openPrivateChat", { link: `https://t.me/${answer.botUsername}` }), true);
}
