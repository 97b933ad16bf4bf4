/**
 * Which spotlight a channel posts on a date, and when: the delivery planner, /today and /schedule all
 * follow these, so what /schedule promises and lists is what is posted.
 */
import type { ChannelRef, CommunityRef } from "./channel.ts";
import type { Spotlight } from "./ports/spotlights.ts";
import type { Subscription } from "./ports/subscriptions.ts";

/**
 * The spotlight that replaces the rotation in a channel on a date: its community's, else the channel's own.
 * A community-wide spotlight outranks a channel's: it takes a moderator of the whole community (Manage
 * Server on Discord) to set one, so it is the community's own choice for every channel on that date.
 */
export function spotlightFor(
  spotlights: readonly Spotlight[],
  where: { channel: ChannelRef; community: CommunityRef },
  localDate: string,
): Spotlight | undefined {
  const onDate = spotlights.filter((s) => s.localDate === localDate);
  return (
    onDate.find((s) => s.scope === "community" && s.community === where.community) ??
    onDate.find((s) => s.scope === "channel" && s.channel === where.channel)
  );
}

/**
 * When a channel posts a spotlight: at its own time, else the channel's post time, in the channel's zone as
 * it is now (its subscription's: /subscribe may have changed it since the spotlight was set). Where no
 * subscription plans the channel's posts (none, or a stopped one), at the default post time in the zone
 * the spotlight was set in.
 */
export function spotlightPostTime(
  spotlight: Pick<Spotlight, "localTime" | "timezone">,
  subscription: Pick<Subscription, "postTime" | "timezone" | "state"> | undefined,
  defaultPostTime: string,
): { time: string; timezone: string } {
  if (subscription && subscription.state !== "stopped") {
    return { time: spotlight.localTime ?? subscription.postTime, timezone: subscription.timezone };
  }
  return { time: spotlight.localTime ?? defaultPostTime, timezone: spotlight.timezone };
}
