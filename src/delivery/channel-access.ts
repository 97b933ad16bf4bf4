/**
 * What happens when a platform says the bot lost or got back its access to a channel (Telegram's
 * `my_chat_member`; core/channel-access.ts has the rules): losing it pauses the channel's subscription
 * with the reason; getting it back resumes a subscription paused for that reason, from now on (days missed
 * meanwhile are not owed). The subscriber is told in private once each time, where the platform lets us.
 */
import { userIdOnPlatform } from "../core/actor.ts";
import { type AccessChange, accessLostReason, pausedForAccess } from "../core/channel-access.ts";
import { type ChannelRef, platformOf } from "../core/channel.ts";
import { nextPostOf } from "../core/channel-clock.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Translator } from "../core/i18n/translator.ts";
import { localDateTime } from "../core/i18n/local-time.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { Subscription, SubscriptionRepository } from "../core/ports/subscriptions.ts";
import { localDateOf } from "../core/time.ts";
import type { ChannelTranslators } from "./languages.ts";

export interface ChannelAccessDeps {
  subscriptions: SubscriptionRepository;
  clock: Clock;
  logger: Logger;
  /** The channel's language for the notice (read when the event comes: such events are rare). */
  translators: () => Promise<ChannelTranslators>;
}

export type AccessOutcome = "paused" | "resumed" | "unchanged";

/** Pauses or resumes `channel`'s subscription for an access change; `actor`: who changed the bot's standing. */
export async function applyAccessChange(
  deps: ChannelAccessDeps,
  adapter: PlatformAdapter,
  channel: ChannelRef,
  change: AccessChange,
  actor: string,
): Promise<AccessOutcome> {
  if (change.kind === "lost") {
    const reason = accessLostReason(change.loss);
    const paused = await deps.subscriptions.pause(channel, { reason, actor });
    if (!paused) return "unchanged"; // none here, or not active: nothing to say
    const tr = (await deps.translators())(channel);
    const date = tr.date(localDateOf(paused.createdAt, paused.timezone));
    const values = { time: paused.postTime, timezone: paused.timezone, date, reason };
    await tell(deps, adapter, paused, tr, tr.t("channelAccess.paused", values));
    return "paused";
  }
  const found = await deps.subscriptions.findByChannel(channel);
  if (!found || !pausedForAccess(found)) return "unchanged";
  const { subscription } = await deps.subscriptions.upsert({
    channel,
    community: found.community,
    campaignId: found.campaignId,
    postTime: found.postTime,
    timezone: found.timezone,
    actor,
    at: deps.clock.now(),
  });
  const tr = (await deps.translators())(channel);
  const next = nextPostOf(subscription, deps.clock.now());
  const date = tr.date(localDateOf(subscription.createdAt, subscription.timezone));
  const at = localDateTime(tr, next.at, subscription.timezone);
  const values = { time: subscription.postTime, timezone: subscription.timezone, date, next: at };
  await tell(deps, adapter, subscription, tr, tr.t("channelAccess.resumed", values));
  return "resumed";
}

/** One private message to the subscriber; a refusal (never started the bot, a channel's own id) is logged. */
async function tell(
  deps: Pick<ChannelAccessDeps, "logger">,
  adapter: PlatformAdapter,
  subscription: Subscription,
  tr: Translator,
  text: string,
): Promise<void> {
  const { channel, createdBy } = subscription;
  const userId = userIdOnPlatform(createdBy, platformOf(channel));
  const fields = { channel, subscription: subscription.id, subscriber: createdBy };
  if (!userId || !adapter.notifyModerator) {
    deps.logger.info(fields, "channel access changed; the subscriber cannot be told in private");
    return;
  }
  const result = await adapter
    .notifyModerator({ userId, channel, text, language: tr.language.tag })
    .catch((err: unknown) => ({ delivered: false as const, reason: (err as Error).message }));
  if (!result.delivered) deps.logger.info({ ...fields, why: result.reason }, "subscriber not told");
}
