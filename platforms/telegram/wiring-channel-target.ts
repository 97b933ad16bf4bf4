/**
 * Checks a channel named in a private chat (`/subscribe @ourchannel …`, channel-target.ts) before any
 * command runs for it: it must be a channel; the bot must be its administrator with the right to post
 * (else the posts would fail); and the person must be its creator or an administrator, as Telegram says
 * now (getChatMember; no cache: this is rare, and a demoted admin must not keep the power). The bot is
 * asked about first: a channel's member list is readable only by its administrators.
 */
import type { MessageKey } from "../../src/core/i18n/translator.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Telegram } from "telegraf";
import type { ChannelTarget } from "./channel-target.ts";

export type TargetCheck =
  | { ok: true; chatId: number; name: string }
  | { ok: false; key: MessageKey; values: { channel: string } };

const isAdmin = (status: string) => status === "creator" || status === "administrator";

export async function checkChannelTarget(
  telegram: Telegram,
  target: ChannelTarget,
  ids: { userId: number; botId: number },
  logger: Logger,
): Promise<TargetCheck> {
  const refuse = (key: MessageKey, channel = target.shown): TargetCheck => ({
    ok: false,
    key,
    values: { channel },
  });
  let chat: Awaited<ReturnType<Telegram["getChat"]>>;
  try {
    chat = await telegram.getChat(target.chat);
  } catch (err) {
    logger.info({ platform: "telegram", target: target.shown, err }, "channel named in private not found");
    return refuse("channelAccess.channelNotFound");
  }
  const name = "username" in chat && chat.username ? `@${chat.username}` : target.shown;
  if (chat.type !== "channel") return refuse("channelAccess.notAChannel", name);
  try {
    const bot = await telegram.getChatMember(chat.id, ids.botId);
    if (!isAdmin(bot.status)) return refuse("channelAccess.botNotAdmin", name);
    if (bot.status === "administrator" && bot.can_post_messages !== true)
      return refuse("channelAccess.botCannotPost", name);
    const person = await telegram.getChatMember(chat.id, ids.userId);
    if (!isAdmin(person.status)) return refuse("channelAccess.notYourChannel", name);
  } catch (err) {
    logger.warn({ platform: "telegram", channel: chat.id, err }, "checking a channel's admins failed");
    return refuse("channelAccess.checkFailed", name);
  }
  return { ok: true, chatId: chat.id, name };
}
