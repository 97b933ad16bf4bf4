/**
 * What commands may use: built once in the composition root (src/app) and handed to every command.
 * Commands see these interfaces only, never a repository's storage or a platform.
 */
import type { ChannelRef, CommunityRef } from "./channel.ts";
import type { StoredProfile } from "./ports/catalog.ts";
import type { ProfileHead } from "./profile-head.ts";
import type { AnyLanguageTag } from "./i18n/languages.ts";
import type { ChannelLanguageRepository } from "./ports/channel-languages.ts";
import type { Clock } from "./ports/clock.ts";
import type { Spotlight, SpotlightRepository } from "./ports/spotlights.ts";
import type { Subscription, SubscriptionRepository } from "./ports/subscriptions.ts";
import type { Anniversary } from "./anniversaries.ts";
import type { Campaign } from "./profile.ts";
import type { Translator } from "./i18n/translator.ts";
import type { Card, ReplyButton, ShareKit } from "./reply.ts";

/** The outcome of a name lookup: never a silent pick among several people. */
export type ProfileLookup =
  | { kind: "found"; profile: StoredProfile }
  | { kind: "several"; candidates: StoredProfile[] }
  | { kind: "did-you-mean"; candidates: StoredProfile[] }
  | { kind: "none" };

export interface ProfileCatalog {
  /** Looks up public profiles (never taken-down or withheld ones) by any of their names or their id. */
  lookup(query: string): Promise<ProfileLookup>;
  /** Name suggestions for what has been typed so far, best first. */
  suggest(prefix: string, limit: number): Promise<Array<{ profileId: string; label: string }>>;
  /** A public profile by id, or undefined. */
  get(profileId: string): Promise<StoredProfile | undefined>;
  /** A campaign by id, or the default campaign when no id is given; undefined when there is none. */
  campaign(id?: string): Promise<Campaign | undefined>;
  campaigns(): Promise<Campaign[]>;
}

export interface FeaturedFamily {
  profile: StoredProfile;
  campaign: Campaign;
  localDate: string;
  /** A moderator's spotlight, or the campaign's rotation. */
  source: "spotlight" | "rotation";
  spotlight?: Spotlight;
  /** Set when the rotation's family is shown for its anniversary on this date (the post says why). */
  anniversary?: Anniversary;
}

/** Why a profile may not be featured, in the order the rule checks (src/rotation/eligibility.ts). */
export type IneligibleReason =
  | "other_campaign"
  | "taken_down"
  | "withheld"
  | "consent_withdrawn"
  | "status"
  | "stale";
export type FeatureEligibility =
  | { eligible: true }
  | { eligible: false; reason: IneligibleReason; detail: string };

export interface FeaturedService {
  /** Today's family for a channel (its spotlight if one is set, else the rotation), in the channel's zone. */
  forChannel(channel: ChannelRef, community: CommunityRef): Promise<FeaturedFamily | undefined>;
  /**
   * The rotation's family for a campaign on a local date (YYYY-MM-DD); with `anniversaries`, on the track
   * of channels that have them on (an anniversary's family first, see rotation/anniversary-track.ts).
   */
  forCampaign(
    campaign: Campaign,
    localDate: string,
    options?: { anniversaries?: boolean },
  ): Promise<FeaturedFamily | undefined>;
  /**
   * Today's family for each of many subscribed channels (the panel's Today): the same answers as
   * forChannel, with their subscriptions already read, the date's spotlights read once and the rotation
   * decided once per campaign and date.
   */
  forSubscriptions(subscriptions: readonly Subscription[]): Promise<Array<FeaturedFamily | undefined>>;
  /**
   * Whether a profile may be featured on a local date (YYYY-MM-DD) by the rule the daily post applies, so a
   * spotlight is refused when it is set rather than dropped silently on the day.
   */
  /** Judged on the profile's head (core/profile-head.ts): a stored profile or a catalog entry, alike. */
  eligibility(profile: { profile: ProfileHead }, campaign: Campaign, localDate: string): FeatureEligibility;
}

export interface Presenter {
  /**
   * The card for a profile: only what consent and safety allow, with a stale notice judged as of `today`,
   * the local date where it is read (the channel's today, see core/channel-clock.ts).
   */
  card(profile: StoredProfile, campaign: Campaign, today: string, tr?: Translator): Card;
  shareKit(profile: StoredProfile, campaign: Campaign, tr?: Translator): ShareKit;
  /**
   * What a reader can do for the profile as of `today` (the channel's local date), in `tr`'s language:
   * current actions only (presentation/actions.ts), or plainly that there is none.
   */
  actions(profile: StoredProfile, campaign: Campaign, today: string, tr: Translator): string;
  /** The buttons under its card or post: "What you can do" while an action is current, "Read more". */
  buttons(profile: StoredProfile, campaign: Campaign, today: string, tr: Translator): ReplyButton[];
}

export interface BotDefaults {
  postTime: string;
  timezone: string;
  /** Where problems with the bot itself go (SUPPORT_URL); none set: to the community's moderators. */
  supportUrl?: string;
  /** The language of a channel none was chosen for (DEFAULT_LANGUAGE); absent: English. */
  language?: AnyLanguageTag;
}

export interface BotServices {
  catalog: ProfileCatalog;
  featured: FeaturedService;
  presenter: Presenter;
  subscriptions: SubscriptionRepository;
  /** Each channel's chosen language (core/i18n/choose.ts decides which language a reply uses). */
  channelLanguages: ChannelLanguageRepository;
  spotlights: SpotlightRepository;
  defaults: BotDefaults;
  clock: Clock;
}

export type { Subscription };
