/**
 * The bot where channels live: a moderator's command for a channel typed in a private chat with the bot
 * (`/subscribe @ourchannel 09:00`), and the bot's own standing in a chat changing (`my_chat_member`).
 * A channel's admins cannot type commands as themselves in the channel (a channel post has no `from`), so a
 * private chat is where a named person can subscribe it, and be told later when it pauses or resumes.
 */
import type { AccessChange } from "../../src/core/channel-access.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { CommandInvocation } from "../../src/core/command.ts";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { type Reply, reply as replies } from "../../src/core/reply.ts";
import type { Telegram } from "telegraf";
import { channelTargetOf } from "./channel-target.ts";
import { encodeChannel } from "./ids.ts";
import { accessChangeOf, type MyChatMember } from "./membership.ts";
import { type ParsedCommand, toInvocation } from "./parse.ts";
import { renderReply } from "./render.ts";
import { checkChannelTarget } from "./wiring-channel-target.ts";
import { sendReply } from "./wiring-replies.ts";

/**
 * Told when the bot's access to a chat changes; `actor`: who changed it (`telegram:<user id>`). Answers
 * what became of the chat's subscription ("unchanged" when it has none to pause or resume).
 */
export type AccessListener = (
  channel: ChannelRef,
  change: AccessChange,
  actor: string,
) => Promise<"paused" | "resumed" | "unchanged">;

export interface ChannelCommandDeps {
  telegram: Telegram;
  /** The moderator-only commands (commands/ with moderatorOnly): those that may name a channel. */
  channelCommands: ReadonlySet<string>;
  run(invocation: CommandInvocation): Promise<Reply>;
  trFor(locale: string | undefined): Translator;
  logger: Logger;
}

/**
 * The reply to a moderator command naming a channel in a private chat, or undefined when it names none
 * (the command then runs for the private chat itself, as before). Runs for the channel only after both
 * the bot and the person were found to be its administrators, so the person counts as its moderator.
 */
export async function commandForChannel(
  deps: ChannelCommandDeps,
  parsed: ParsedCommand,
  request: { command: string; text: string },
  botId: number,
): Promise<Reply | undefined> {
  if (parsed.chatType !== "private" || !deps.channelCommands.has(request.command)) return undefined;
  const target = channelTargetOf(request.text);
  if (!target) return undefined;
  const userId = Number(parsed.caller.id);
  const check = await checkChannelTarget(deps.telegram, target, { userId, botId }, deps.logger);
  const tr = deps.trFor(parsed.locale);
  if (!check.ok) return { ...replies.error(tr.t(check.key, check.values)), language: tr.language.tag };
  const channel = { ...parsed, chatId: check.chatId, chatType: "channel", text: target.rest };
  const { threadId: _inPrivate, ...where } = channel;
  const answer = await deps.run(toInvocation(where, request.command, () => Promise.resolve(true)));
  if (answer.kind !== "text") return answer;
  // Its words say "this channel": the first line says which one, in the answer's language.
  const said = answer.language ? translatorFor(answer.language) : tr;
  return {
    ...answer,
    text: `${said.t("channelAccess.forChannel", { channel: check.name })}\n${answer.text}`,
  };
}

/**
 * A `my_chat_member` update → the listener, when posting access changed; failures are logged. The admin
 * who just let the bot post in a channel with no subscription is told in private how to subscribe it,
 * as channel bots do (when they have started the bot: Telegram refuses otherwise, and that is only logged).
 */
export async function onMyChatMember(
  update: MyChatMember & { from: { language_code?: string; is_bot?: boolean } },
  deps: { listener?: AccessListener; telegram: Telegram; trFor(locale?: string): Translator; logger: Logger },
): Promise<void> {
  const change = accessChangeOf(update);
  if (!change || !deps.listener) return;
  const channel = encodeChannel(update.chat.id);
  try {
    const outcome = await deps.listener(channel, change, `telegram:${update.from.id}`);
    const welcome = change.kind === "restored" && outcome === "unchanged" && update.chat.type === "channel";
    if (welcome && !update.from.is_bot) await sendHint(update, deps);
  } catch (err) {
    deps.logger.error(
      { platform: "telegram", channel, change, err },
      "acting on the bot's access change failed",
    );
  }
}

async function sendHint(
  update: MyChatMember & { chat: { username?: string }; from: { language_code?: string } },
  deps: { telegram: Telegram; trFor(locale?: string): Translator; logger: Logger },
): Promise<void> {
  const tr = deps.trFor(update.from.language_code);
  const channel = update.chat.username ? `@${update.chat.username}` : String(update.chat.id);
  const reply = { ...replies.info(tr.t("channelAccess.addedHint", { channel })), language: tr.language.tag };
  const parts = renderReply(reply, { encodeChoice: () => "" });
  const told = await sendReply(deps.telegram, { chatId: update.from.id }, parts, deps.logger);
  if (!told)
    deps.logger.info(
      { platform: "telegram", user: update.from.id },
      "channel admin not told how to subscribe",
    );
}
