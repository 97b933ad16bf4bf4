/**
 * The Telegraf bot and what it does with each update: commands (messages and channel posts), choice-button
 * presses, inline queries; a repeated update is handled once. One error boundary per update: a failure is
 * logged and the person gets a short apology, never silence.
 */
import type { AnyCommand, CommandInvocation } from "../../src/core/command.ts";
import { matchLanguage } from "../../src/core/i18n/languages.ts";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { type AnswerPace, unpacedAnswers } from "../../src/core/request-pace.ts";
import { type Reply, reply as replies } from "../../src/core/reply.ts";
import { Telegraf, type Telegram } from "telegraf";
import type { CallbackQuery, Update } from "telegraf/types";
import { type ChoiceCodec, createChoiceCodec } from "./choices.ts";
import { type InlineSearch, answerInline } from "./inline.ts";
import { type ModeratorCheck, authorityOf, createModeratorCheck } from "./moderators.ts";
import { displayName, parseCommand, resolveRequest, toInvocation } from "./parse.ts";
import { renderReply } from "./render.ts";
import { pacedCalls } from "./paced-calls.ts";
import { createUpdateDedupe } from "./wiring-dedupe.ts";
import { answerInPrivate } from "./wiring-private.ts";
import { sendReply } from "./wiring-replies.ts";
import type { AllowedUpdate } from "./wiring-webhook.ts";
import { type AccessListener, commandForChannel, onMyChatMember } from "./wiring-channels.ts";

/** `my_chat_member`: the bot added, promoted, demoted or removed in a chat (wiring-channels.ts). */
export const ALLOWED_UPDATES: AllowedUpdate[] = [
  "message",
  "channel_post",
  "callback_query",
  "inline_query",
  "my_chat_member",
];

export function telegramOptions(apiRoot?: string) {
  // webhookReply off: every call goes over HTTP, so its errors reach us instead of vanishing into the
  // webhook response.
  return { webhookReply: false, ...(apiRoot && { apiRoot }) };
}

export interface TelegramBotOptions {
  token: string;
  apiRoot?: string;
  dispatch: Dispatch;
  inlineResults: InlineSearch;
  commands: readonly AnyCommand[];
  logger: Logger;
  /** DEFAULT_LANGUAGE: the adapter's own words to a member whose app language we do not speak. */
  defaultLanguage?: string;
  /** Told when the bot's right to post in a chat is lost or given back (pauses and resumes its subscription). */
  onAccessChange?: AccessListener;
  /** The pace of what the bot sends in answer to an update (the composition root's); absent: at once. */
  answerPace?: AnswerPace;
}

/** A Telegraf bot with every update handler attached; polling or the webhook is started by the adapter. */
export function createTelegramBot(options: TelegramBotOptions): Telegraf {
  const { logger } = options;
  const bot = new Telegraf(options.token, { telegram: telegramOptions(options.apiRoot) });
  // Posts and answers alike: each message the client sends waits for its place (paced-calls.ts).
  pacedCalls(bot.telegram);
  const answerPace = options.answerPace ?? unpacedAnswers;
  const isModerator = createModeratorCheck({
    getChatMember: (chatId, userId) => bot.telegram.getChatMember(chatId, userId),
    logger,
  });
  const handlers = createHandlers({
    telegram: bot.telegram,
    dispatch: options.dispatch,
    isModerator,
    codec: createChoiceCodec(),
    knownCommands: new Set(options.commands.map((c) => c.name)),
    channelCommands: new Set(options.commands.filter((c) => c.moderatorOnly).map((c) => c.name)),
    logger,
    ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
  });
  const firstTime = createUpdateDedupe();

  bot.use((ctx, next) => (firstTime(ctx.update.update_id) ? next() : undefined));
  // Whatever the bot sends in answer to an update (a command's reply, a picked choice, a welcome hint)
  // shares Telegram's caps with the scheduled posts and goes ahead of them, counted in the chat it goes to
  // (the update's, unless paced-calls.ts names another: the asker's private chat).
  bot.use((ctx, next) => answerPace(`telegram:${ctx.chat?.id ?? ctx.from?.id ?? "unknown"}`, next));
  bot.on(["message", "channel_post"], (ctx) => handlers.command(ctx.update, ctx.botInfo));
  bot.on("my_chat_member", (ctx) =>
    onMyChatMember(ctx.myChatMember, {
      ...(options.onAccessChange ? { listener: options.onAccessChange } : {}),
      telegram: bot.telegram,
      trFor: (locale) => translatorFor(matchLanguage(locale) ?? options.defaultLanguage),
      logger,
    }),
  );
  bot.on("callback_query", (ctx) => handlers.callback(ctx.callbackQuery, ctx.botInfo.username));
  bot.on("inline_query", (ctx) =>
    answerInline(bot.telegram, ctx.inlineQuery, options.inlineResults, logger, options.defaultLanguage),
  );
  bot.catch((err, ctx) => logger.error({ err, updateId: ctx.update.update_id }, "telegram update failed"));
  return bot;
}

export interface HandlerDeps {
  telegram: Telegram;
  dispatch: Dispatch;
  isModerator: ModeratorCheck;
  codec: ChoiceCodec;
  knownCommands: ReadonlySet<string>;
  /** Moderator-only commands, which may name a channel when typed in a private chat (wiring-channels.ts). */
  channelCommands?: ReadonlySet<string>;
  logger: Logger;
  /** DEFAULT_LANGUAGE, for the adapter's own words to a member whose language we do not speak. */
  defaultLanguage?: string;
}

export function createHandlers(deps: HandlerDeps) {
  const { telegram, codec, logger } = deps;
  const render = (reply: Reply) => renderReply(reply, { encodeChoice: (c) => codec.encode(c) });
  /** The adapter's own words: the member's language (Telegram's language_code), else the default. */
  const trFor = (locale: string | undefined) => translatorFor(matchLanguage(locale) ?? deps.defaultLanguage);

  async function run(invocation: CommandInvocation): Promise<Reply> {
    try {
      return await deps.dispatch(invocation);
    } catch (err) {
      logger.error(
        { platform: "telegram", command: invocation.command, channel: invocation.channel, err },
        "dispatch threw",
      );
      const tr = trFor(invocation.locale);
      return { ...replies.error(tr.t("render.failed")), language: tr.language.tag };
    }
  }

  /** A deep link whose payload we cannot read (cut short, altered): said plainly, in the member's language. */
  function badLink(locale: string | undefined): Reply {
    const tr = trFor(locale);
    return { ...replies.error(tr.t("deeplink.badLink")), language: tr.language.tag };
  }

  return {
    async command(update: Update, bot: { id: number; username: string }): Promise<void> {
      const parsed = parseCommand(update, bot.username);
      const request = parsed && resolveRequest(parsed, deps.knownCommands);
      if (!parsed || !request) return;
      const channels = { ...deps, channelCommands: deps.channelCommands ?? new Set<string>(), run, trFor };
      const reply =
        "badLink" in request
          ? badLink(parsed.locale)
          : ((await commandForChannel(channels, parsed, request, bot.id)) ??
            (await run(
              toInvocation({ ...parsed, text: request.text }, request.command, () =>
                deps.isModerator(parsed.authority),
              ),
            )));
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

    async callback(query: CallbackQuery, botUsername: string): Promise<void> {
      const chosen = "data" in query ? codec.decode(query.data) : undefined;
      const message = query.message;
      const answerQuery = (text?: string, alert?: boolean) =>
        telegram
          .answerCbQuery(query.id, text, alert ? { show_alert: true } : undefined)
          .catch((err) => logger.warn({ platform: "telegram", err }, "answerCallbackQuery failed"));
      // A private answer is told in the query's answer once we know where it went; anything else is
      // answered first, since the person's button shows a spinner until we do.
      if (!chosen?.privately || !message)
        await answerQuery(
          chosen && message ? undefined : trFor(query.from.language_code).t("render.listExpired"),
        );
      if (!chosen || !message) return;

      const chat = message.chat;
      const authority = authorityOf({ chat, from: query.from, isButtonPress: true });
      const caller = { id: String(query.from.id), name: displayName(query.from) };
      // A button press is always a person's own (even an anonymous admin's): their language applies.
      const locale = query.from.language_code;
      const invocation = toInvocation(
        {
          chatId: chat.id,
          chatType: chat.type,
          caller,
          text: chosen.args,
          via: "button",
          ...(locale ? { locale } : {}),
        },
        chosen.command,
        () => deps.isModerator(authority),
      );
      const reply = await run(invocation);
      const parts = render(reply);
      // A card's or post's own button: answered to the presser alone, and never by editing the card.
      if (chosen.privately) {
        if (chat.type === "private") {
          await answerQuery();
          await sendReply(telegram, { chatId: chat.id, replyTo: message.message_id }, parts, logger);
        } else await answerInPrivate(telegram, { query, parts, reply, botUsername, answerQuery }, logger);
        return;
      }
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
