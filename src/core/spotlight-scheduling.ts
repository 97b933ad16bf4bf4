/**
 * Setting and cancelling a spotlight: the one path the chat's /schedule and the staff panel's Spotlights
 * page both take, so both refuse the same things (a date already past in the channel's zone, a profile of
 * another campaign, one the daily post would not show on that date) and both write through the
 * repository's one-per-date rule and its audit entries. What each says back is its own.
 */
import type { ChannelRef, CommunityRef } from "./channel.ts";
import { type ChannelClock, readChannelClock } from "./channel-clock.ts";
import { UserError } from "./errors.ts";
import type { Translator } from "./i18n/translator.ts";
import type { StoredProfile } from "./ports/catalog.ts";
import type { NewSpotlight, Spotlight, SpotlightScope } from "./ports/spotlights.ts";
import type { BotServices, Subscription } from "./services.ts";
import { assertSpotlightable } from "./spotlight-eligibility.ts";

export type SchedulingServices = Pick<
  BotServices,
  "catalog" | "featured" | "presenter" | "spotlights" | "subscriptions" | "defaults" | "clock"
>;

export interface SpotlightWish {
  profile: StoredProfile;
  scope: SpotlightScope;
  /** The channel it is set from: its zone says which day is today, its subscription the campaign. */
  channel: ChannelRef;
  community: CommunityRef;
  localDate: string;
  localTime?: string;
  /** Cancel the spotlight standing in the same place on that date and put this one there. */
  replace: boolean;
  actor: string;
  /** Set from a private chat: a refusal says "this chat" rather than "this channel". */
  privateChat?: boolean;
}

/** Where the wish was set (the channel's subscription and clock), and what became of it. */
export type ScheduleOutcome = { subscription: Subscription | undefined; clock: ChannelClock } & (
  | { kind: "added"; spotlight: Spotlight; replaced?: Spotlight }
  | { kind: "taken"; standing: Spotlight; wanted: NewSpotlight }
);

export async function scheduleSpotlight(
  services: SchedulingServices,
  tr: Translator,
  wish: SpotlightWish,
): Promise<ScheduleOutcome> {
  const { subscription, clock } = await readChannelClock(services, wish.channel);
  const { localDate: date } = wish;
  if (date < clock.today)
    throw new UserError(
      {
        key: "schedule.datePassed",
        values: { date: tr.date(date), zone: clock.zone, today: tr.date(clock.today) },
      },
      "INVALID_ARGUMENTS",
    );
  const { profile } = wish.profile;
  const campaignId = subscription?.campaignId ?? profile.campaign;
  const campaign = await services.catalog.campaign(campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} of ${wish.channel} is not stored`);
  if (profile.campaign !== campaignId) {
    throw new UserError(
      {
        key: wish.privateChat ? "schedule.notInCampaignChat" : "schedule.notInCampaignChannel",
        values: { name: profile.displayName, campaign: campaign.name },
      },
      "INVALID_ARGUMENTS",
    );
  }
  assertSpotlightable({ services, tr }, wish.profile, campaign, date);
  const wanted: NewSpotlight = {
    scope: wish.scope,
    channel: wish.channel,
    community: wish.community,
    campaignId,
    profileId: profile.id,
    localDate: date,
    ...(wish.localTime ? { localTime: wish.localTime } : {}),
    timezone: clock.zone,
    createdBy: wish.actor,
  };
  const added = await services.spotlights.add(wanted, { replace: wish.replace });
  if (added.kind === "taken") return { kind: "taken", standing: added.standing, wanted, subscription, clock };
  return { ...added, subscription, clock };
}

/** Spotlight numbers are Postgres integers: a larger one names no spotlight, and must not reach the query. */
const MAX_SPOTLIGHT_ID = 2_147_483_647;

/**
 * Cancels a scheduled spotlight, audited with who did it. `where` limits it to the spotlights a chat may
 * reach (its channel's own and its community's); `allowed` checks, once the spotlight is known, that the
 * person may cancel it (a community-wide one needs a moderator of the community). Anything else, or a
 * spotlight no longer scheduled, is "not found".
 */
export async function cancelSpotlight(
  services: Pick<BotServices, "spotlights">,
  id: number,
  input: {
    actor: string;
    reason: string;
    where?: { channel: ChannelRef; community: CommunityRef };
    allowed?: (spotlight: Spotlight) => Promise<void>;
  },
): Promise<Spotlight> {
  const found =
    Number.isInteger(id) && id >= 1 && id <= MAX_SPOTLIGHT_ID ? await services.spotlights.get(id) : undefined;
  const { where } = input;
  const reachable =
    found &&
    (!where ||
      (found.scope === "channel" ? found.channel === where.channel : found.community === where.community));
  if (!found || !reachable || found.state !== "scheduled") {
    throw new UserError({ key: "schedule.cancelNotFound" }, "SPOTLIGHT_NOT_FOUND");
  }
  await input.allowed?.(found);
  const cancelled = await services.spotlights.cancel(id, { actor: input.actor, reason: input.reason });
  // Posted or cancelled by someone else between the two reads.
  if (!cancelled) throw new UserError({ key: "schedule.cancelNotFound" }, "SPOTLIGHT_NOT_FOUND");
  return cancelled;
}
