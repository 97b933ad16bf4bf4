/**
 * What the bot does with each update: commands (messages and channel posts), choice-button presses.
 * One error boundary per update: a failure is logged and the person gets a short apology, never silence.
 */
import type { CommandInvocation } from "../../src/core/command.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports.ts";
import { type Reply, reply as replies } from "../../src/core/reply.ts";
import type { Telegram } from "telegraf";
import type { CallbackQuery, Update } from "telegraf/types";
import type { ChoiceCodec } from "./choices.ts";
import { type ModeratorCheck, authorityOf } from "./moderators.ts";
import { displayName, parseCommand, resolveCommand, toInvocation } from "./parse.ts";
import { renderReply } from "./render.ts";
import { sendReply } from "./replies.ts";

export interface HandlerDeps {
  telegram: Telegram;
  dispatch: Dispatch;
  isModerator: ModeratorCheck;
  codec: ChoiceCodec;
  knownCommands: ReadonlySet<string>;
  logger: Logger;
}

export function createHandlers(deps: HandlerDeps) {
  const { telegram, codec, logger } = deps;
  const render = (reply: Reply) => renderReply(reply, { encodeChoice: (c) => codec.encode(c) });

  async function run(invocation: CommandInvocation): Promise<Reply> {
    try {
      return await deps.dispatch(invocation);
    } catch (err) {
      logger.error(
        { platform: "telegram", command: invocation.command, channel: invocation.channel, err },
        "dispatch threw",
      );
      return replies.error("Something went wrong. Please try again later.");
    }
  }

  return {
    async command(update: Update, botUsername: string): Promise<void> {
      const parsed = parseCommand(update, botUsername);
      const command = parsed && resolveCommand(parsed, deps.knownCommands);
      if (!parsed || !command) return;
      const reply = await run(toInvocation(parsed, command, () => deps.isModerator(parsed.authority)));
      // Telegram has no ephemeral messages: a private answer in a shared chat quotes the asker's message
      // and arrives silently; nothing is DMed, since bots may only message users who started them.
      const quiet = reply.visibility === "private" && parsed.chatType !== "private";
      await sendReply(
        telegram,
        { chatId: parsed.chatId, replyTo: parsed.messageId, threadId: parsed.threadId, quiet },
        render(reply),
        logger,
      );
    },

    async callback(query: CallbackQuery): Promise<void> {
      const chosen = "data" in query ? codec.decode(query.data) : undefined;
      const message = query.message;
      // Answer first: the person's button shows a spinner until we do.
      await telegram
        .answerCbQuery(
          query.id,
          chosen && message ? undefined : "This list has expired. Please run the command again.",
        )
        .catch((err) => logger.warn({ platform: "telegram", err }, "answerCallbackQuery failed"));
      if (!chosen || !message) return;

      const chat = message.chat;
      const authority = authorityOf({ chat, from: query.from, isButtonPress: true });
      const caller = { id: String(query.from.id), name: displayName(query.from) };
      const invocation = toInvocation(
        { chatId: chat.id, chatType: chat.type, caller, text: chosen.args },
        chosen.command,
        () => deps.isModerator(authority),
      );
      const reply = await run(invocation);
      const parts = render(reply);
      const [only] = parts;
      // A public answer replaces the pick list, so the chat keeps one message per question.
      if (reply.visibility === "public" && parts.length === 1 && only?.kind === "text") {
        const { kind: _kind, text, ...extra } = only;
        const edited = await telegram
          .editMessageText(chat.id, message.message_id, undefined, text, extra)
          .then(() => true)
          .catch((err) => {
            logger.warn({ platform: "telegram", err }, "editMessageText failed; sending instead");
            return false;
          });
        if (edited) return;
      }
      const quiet = reply.visibility === "private" && chat.type !== "private";
      const inTopic = "is_topic_message" in message && message.is_topic_message;
      const threadId = inTopic ? message.message_thread_id : undefined;
      await sendReply(
        telegram,
        { chatId: chat.id, replyTo: message.message_id, threadId, quiet },
        parts,
        logger,
      );
    },
  };
}
