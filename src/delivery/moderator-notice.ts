/**
 * Where to tell a moderator after a permanent failure. Never in the channel that just failed: the notice
 * could not arrive there, and each refused request counts against the bot (Discord bans at 10,000 per 10
 * minutes). The moderator who subscribed the channel is told in private, once, through the adapter's
 * `notifyModerator`: the subscription's `createdBy`, who first ran /subscribe there (a later /subscribe
 * changes the settings but keeps it).
 *
 * Fallback: nobody is messaged, and that is logged and shown on the pass's report line, when the platform
 * has no private notice, when the subscription names no person on that platform (a row recorded some
 * other way, an anonymous admin), or when the platform refuses (the person left, takes no direct
 * messages, never started the bot). Never retried: the pause holds either way, `subscriptions list` shows
 * it with its reason, and `/subscribe` in the channel resumes it.
 */
import { userIdOnPlatform } from "../core/actor.ts";
import { platformOf } from "../core/channel.ts";
import { english, type Translator } from "../core/i18n/translator.ts";
import { localDateOf } from "../core/time.ts";
import type { NoticeResult, PlatformAdapter } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { Subscription } from "../core/ports/subscriptions.ts";

/**
 * The adapter names the channel above this text where the platform can (a channel link); the post's time,
 * zone and the day it was set up say which subscription it is where it cannot (Telegram shows a bot no
 * name for a chat it was removed from). In the channel's language (`tr`); the platform's reason as it gave it.
 */
export function pausedNoticeText(
  subscription: Pick<Subscription, "postTime" | "timezone" | "createdAt">,
  reason: string,
  tr: Translator = english,
): string {
  const { postTime, timezone } = subscription;
  const date = tr.date(localDateOf(subscription.createdAt, timezone));
  return tr.t("notice.paused", { time: postTime, timezone, date, reason });
}

/**
 * Tells the subscriber of a just-paused subscription, once; returns what happened, for the report. The
 * adapters given to delivery are paced (delivery/paced-adapter.ts): the message goes through the platform's
 * pacer as a chat of its own (`dm:<user>`), so one moderator whose channels all fail in one pass gets their
 * notices at the per-chat pace instead of a 429.
 */
export async function tellSubscriber(
  deps: { logger: Logger },
  adapter: PlatformAdapter,
  subscription: Subscription,
  reason: string,
  tr: Translator = english,
): Promise<string> {
  const { logger } = deps;
  const { channel, createdBy } = subscription;
  const fields = { subscription: subscription.id, channel, subscriber: createdBy };
  const untold = (why: string) => {
    logger.warn({ ...fields, why }, "a subscription was paused and no moderator could be told");
    return `no moderator told: ${why}`;
  };
  if (!adapter.notifyModerator) return untold(`${adapter.platform} has no private notices`);
  const userId = userIdOnPlatform(createdBy, platformOf(channel));
  if (!userId)
    return untold(`the subscriber was not recorded as a ${adapter.platform} user ("${createdBy}")`);
  let result: NoticeResult;
  try {
    const text = pausedNoticeText(subscription, reason, tr);
    result = await adapter.notifyModerator({ userId, channel, text, language: tr.language.tag });
  } catch (err) {
    // An adapter must not throw; if it does, that is a bug: logged, and still not retried.
    logger.error({ ...fields, err }, "platform adapter threw from notifyModerator");
    result = { delivered: false, reason: `adapter error: ${(err as Error).message}` };
  }
  if (!result.delivered) return untold(`a private message to ${createdBy} failed: ${result.reason}`);
  logger.info(fields, "told the subscriber in private that the subscription is paused");
  return `told ${createdBy} in private`;
}
