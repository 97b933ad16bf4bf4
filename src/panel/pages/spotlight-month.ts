/**
 * A month of spotlights for the calendar: which spotlights fall on each day of a channel or a community,
 * when each posts and what stands in its way, decided by the rules the delivery follows (spotlightFor:
 * a community-wide spotlight outranks a channel's own; spotlightPostTime; the featured service's
 * eligibility), never worked out again here.
 */
import type { CommunityRef } from "../../core/channel.ts";
import type { CatalogEntry } from "../../core/profile-head.ts";
import type { Spotlight } from "../../core/ports/spotlights.ts";
import type { Subscription } from "../../core/ports/subscriptions.ts";
import type { Campaign } from "../../core/profile.ts";
import type { IneligibleReason } from "../../core/services.ts";
import { spotlightFor, spotlightPostTime } from "../../core/spotlight-rules.ts";
import type { PanelDeps } from "../deps.ts";

/** A channel's calendar (its own spotlights and its community's) or a whole community's. */
export type CalendarPlace =
  | { kind: "channel"; subscription: Subscription }
  | { kind: "community"; community: CommunityRef; subscriptions: Subscription[] };

export interface CalendarEntry {
  spotlight: Spotlight;
  /** The profile's head: its name and what decides whether it may be posted. */
  profile: CatalogEntry | undefined;
  /** When it posts; `eachZone` when each channel of the community posts it in its own zone. */
  when: { time: string; zone: string } | { time: string; eachZone: true } | { channelTime: true };
  /** The spotlight that is posted instead of this one in its channel on its date. */
  outrankedBy?: Spotlight;
  /** A community-wide spotlight: how many channels' own spotlights it takes the place of. */
  outranks: number;
  /** Why the daily post would not show its profile on that date. */
  notPostable?: IneligibleReason;
}

export interface CalendarMonth {
  /** YYYY-MM */
  month: string;
  first: string;
  last: string;
  days: Map<string, CalendarEntry[]>;
}

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthBounds(month: string): { first: string; last: string } {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, "0")}` };
}

/** The month before (-1) or after (1), YYYY-MM. */
export function shiftMonth(month: string, by: -1 | 1): string {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, mm - 1 + by, 1)).toISOString().slice(0, 7);
}

function communityOf(place: CalendarPlace): CommunityRef {
  return place.kind === "channel" ? place.subscription.community : place.community;
}

/** A profile by id, hidden ones too (staff see what a spotlight names even after a takedown). */
function profileById(snap: Awaited<ReturnType<PanelDeps["catalog"]["snapshot"]>>, id: string) {
  return snap.byId.get(id);
}

export async function calendarMonth(
  deps: PanelDeps,
  place: CalendarPlace,
  month: string,
): Promise<CalendarMonth> {
  const { first, last } = monthBounds(month);
  const community = communityOf(place);
  const [inCommunity, snap] = await Promise.all([
    deps.spotlights.listInCommunity(community, first, last),
    deps.catalog.snapshot(),
  ]);
  const shown =
    place.kind === "channel"
      ? inCommunity.filter((s) => s.scope === "community" || s.channel === place.subscription.channel)
      : inCommunity;
  const subscriptionOf = new Map(
    (place.kind === "channel" ? [place.subscription] : place.subscriptions).map((s) => [s.channel, s]),
  );
  const campaigns = new Map<string, Campaign>(snap.campaigns.map((k) => [k.id, k]));
  const days = new Map<string, CalendarEntry[]>();
  for (const s of shown) {
    const onDate = inCommunity.filter((o) => o.localDate === s.localDate);
    const profile = profileById(snap, s.profileId);
    const campaign = campaigns.get(s.campaignId);
    const eligibility =
      profile && campaign ? deps.featured.eligibility(profile, campaign, s.localDate) : undefined;
    const entry: CalendarEntry = {
      spotlight: s,
      profile,
      when: postsWhen(deps, place, s, subscriptionOf),
      outranks: 0,
      ...(eligibility && !eligibility.eligible ? { notPostable: eligibility.reason } : {}),
    };
    if (s.scope === "channel") {
      const posted = spotlightFor(onDate, { channel: s.channel, community }, s.localDate);
      if (posted && posted.id !== s.id) entry.outrankedBy = posted;
    } else {
      // In a channel's calendar, only what it does in that channel.
      const mine = (o: Spotlight) => place.kind === "community" || o.channel === place.subscription.channel;
      entry.outranks = new Set(
        onDate.filter((o) => o.scope === "channel" && mine(o)).map((o) => o.channel),
      ).size;
    }
    days.set(s.localDate, [...(days.get(s.localDate) ?? []), entry]);
  }
  return { month, first, last, days };
}

function postsWhen(
  deps: PanelDeps,
  place: CalendarPlace,
  s: Spotlight,
  subscriptionOf: Map<string, Subscription>,
): CalendarEntry["when"] {
  if (place.kind === "community" && s.scope === "community") {
    return s.localTime ? { time: s.localTime, eachZone: true } : { channelTime: true };
  }
  const subscription =
    subscriptionOf.get(s.channel) ?? (place.kind === "channel" ? place.subscription : undefined);
  const { time, timezone } = spotlightPostTime(s, subscription, deps.defaults.postTime);
  return { time, zone: timezone };
}
