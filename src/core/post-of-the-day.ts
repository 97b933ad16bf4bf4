/**
 * Which post a channel gets on a local date: the one rule the delivery planner (when the day's post is
 * due), the post resolver (what it posts) and /today (what it shows) follow. In order:
 * 1. the community's spotlight on that date, else the channel's own (spotlightFor: a community-wide one
 *    is the community's own choice for every channel);
 * 2. where the channel follows a campaign with anniversaries on, an anniversary of an arrest or sentence
 *    falling on the channel's date (its family first, counted as its turn: rotation/anniversary-track.ts);
 * 3. the campaign's daily rotation, where the channel follows a campaign;
 * 4. nothing.
 * Anniversaries and the rotation are one track of the rotation log, so this rule says which track the
 * channel follows (`anniversaries`) and the featured service (services/featured.ts) picks on it.
 *
 * A spotlight that stands but may not be posted (its profile taken down, withheld, stale, released since)
 * gives way to the rotation, not to a spotlight it outranked: the day's post was planned for it, at its
 * time. Whether it may be posted is the caller's to say (`postable`, see rotation/eligibility.ts), as it
 * depends on the catalog at the moment of asking; the planner asks before that is known and lets every
 * spotlight stand.
 */
import type { ChannelRef, CommunityRef } from "./channel.ts";
import type { Spotlight } from "./ports/spotlights.ts";
import { spotlightFor } from "./spotlight-rules.ts";

export type PostOfTheDay<T> =
  | { kind: "spotlight"; spotlight: Spotlight; post: T }
  /** `anniversaries`: an anniversary on the date comes before the rotation's family. */
  | { kind: "rotation"; anniversaries: boolean }
  | { kind: "nothing" };

/**
 * Whether a channel's anniversaries are on: its subscription's setting, else on (the default a new
 * subscription gets), so /today in a channel without one shows what subscribing would post.
 */
export function anniversariesOn(subscription: { anniversaries: boolean } | undefined): boolean {
  return subscription?.anniversaries ?? true;
}

/** The spotlights a channel may post on the date. */
export type StandingSpotlights =
  /** The scheduled spotlights of the channel and of its community: the rule picks among them. */
  | { all: readonly Spotlight[]; where: { channel: ChannelRef; community: CommunityRef } }
  /** The spotlight the day's ledger row was planned with, still scheduled (else undefined): re-judged only. */
  | { planned: Spotlight | undefined };

export interface PostOfTheDayInput<T> {
  /** The channel's local date, YYYY-MM-DD (channel-clock.ts). */
  localDate: string;
  spotlights: StandingSpotlights;
  /** What the standing spotlight posts, or undefined when it may not be posted on the date. */
  postable: (spotlight: Spotlight) => T | undefined;
  /** Whether the channel follows a campaign's daily rotation. */
  followsRotation: boolean;
  /** Whether the channel has anniversaries on (anniversariesOn). */
  anniversaries: boolean;
}

export function postOfTheDay<T>(input: PostOfTheDayInput<T>): PostOfTheDay<T> {
  const { spotlights } = input;
  const standing =
    "planned" in spotlights
      ? spotlights.planned
      : spotlightFor(spotlights.all, spotlights.where, input.localDate);
  const post = standing ? input.postable(standing) : undefined;
  if (standing && post !== undefined) return { kind: "spotlight", spotlight: standing, post };
  return input.followsRotation
    ? { kind: "rotation", anniversaries: input.anniversaries }
    : { kind: "nothing" };
}
