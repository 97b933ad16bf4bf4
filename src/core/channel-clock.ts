/**
 * A channel's clock: the zone a channel lives in (its subscription's, else DEFAULT_TIMEZONE), and what
 * "now", "today", "09:00 on that date" and "the next post" mean there. Every command, the featured service,
 * the delivery and the card ask this module, so /today, /schedule, /subscribe, the daily post and a card's
 * stale notice never disagree about which day it is in a channel. The arithmetic (daylight-saving gaps and
 * overlaps) is time.ts's; only `readChannelClock` touches a port, to find the channel's subscription.
 */
import type { ChannelRef } from "./channel.ts";
import type { Clock } from "./ports/clock.ts";
import type { Subscription, SubscriptionRepository } from "./ports/subscriptions.ts";
import { addDays, instantOf, localDateOf, nextOccurrence } from "./time.ts";

export interface ChannelClock {
  /** The IANA zone of the channel. */
  readonly zone: string;
  /** The instant this clock was read at. */
  readonly now: Date;
  /** The channel's local date at `now`, YYYY-MM-DD. */
  readonly today: string;
  /** The channel's local date of another instant. */
  dateOf(instant: Date): string;
  /** The instant a local time (HH:MM) on a local date happens in the channel. */
  at(localDate: string, time: string): Date;
  /** The next daily post at `time`, at or after now, and after `settledThrough` (a date already settled). */
  nextSlot(time: string, settledThrough?: string): { localDate: string; at: Date };
}

/**
 * The zone a channel lives in: its subscription's, whatever its state (a paused or stopped one still says
 * where the channel's moderators are), else the bot's default.
 */
export function channelZone(
  subscription: Pick<Subscription, "timezone"> | undefined,
  defaultZone: string,
): string {
  return subscription?.timezone ?? defaultZone;
}

/** The clock of a channel in `zone`, read at `now`. */
export function clockInZone(zone: string, now: Date): ChannelClock {
  return {
    zone,
    now,
    today: localDateOf(now, zone),
    dateOf: (instant) => localDateOf(instant, zone),
    at: (localDate, time) => instantOf(localDate, time, zone),
    nextSlot: (time, settledThrough) => nextOccurrence(now, time, zone, settledThrough),
  };
}

/**
 * Clocks read at one `now`, one per zone, whose conversions are kept: a pass plans thousands of channels
 * that share a few zones, post times and dates, and converting each afresh (luxon) took 1.27 s of main
 * thread for 5,000 subscriptions, profiled (bench:fanout). Each answer is the plain clock's; a kept
 * instant is handed out as a new Date, so no caller can change another's.
 */
export function keptClocks(now: Date): (zone: string) => ChannelClock {
  const clocks = new Map<string, ChannelClock>();
  return (zone) => {
    const found = clocks.get(zone);
    if (found) return found;
    const plain = clockInZone(zone, now);
    const dates = new Map<number, string>();
    const instants = new Map<string, number>();
    const clock: ChannelClock = {
      ...plain,
      dateOf(instant) {
        const key = instant.getTime();
        const kept = dates.get(key);
        if (kept !== undefined) return kept;
        const date = plain.dateOf(instant);
        dates.set(key, date);
        return date;
      },
      at(localDate, time) {
        const key = `${localDate} ${time}`;
        const kept = instants.get(key);
        if (kept !== undefined) return new Date(kept);
        const instant = plain.at(localDate, time);
        instants.set(key, instant.getTime());
        return instant;
      },
    };
    clocks.set(zone, clock);
    return clock;
  };
}

/** The clock of a channel with this subscription (or none), read at `now`. */
export function channelClock(
  subscription: Pick<Subscription, "timezone"> | undefined,
  defaultZone: string,
  now: Date,
): ChannelClock {
  return clockInZone(channelZone(subscription, defaultZone), now);
}

/** When a subscription posts next, in its own zone: after the dates it has settled. */
export function nextPostOf(
  subscription: Pick<Subscription, "postTime" | "timezone" | "plannedThrough">,
  now: Date,
): { localDate: string; at: Date } {
  return clockInZone(subscription.timezone, now).nextSlot(subscription.postTime, subscription.plannedThrough);
}

/**
 * A local date no channel anywhere has reached yet `days` days before `now`: every zone is within a day of
 * UTC, so the UTC date a day further back bounds them all. For reading rows kept by local date.
 */
export function earliestLocalDateAnywhere(now: Date, days: number): string {
  return addDays(localDateOf(now, "UTC"), -(days + 1));
}

/** What reading a channel's clock needs: its subscription, the bot's clock and the default zone. */
export interface ChannelClockSources {
  subscriptions: Pick<SubscriptionRepository, "findByChannel">;
  clock: Clock;
  defaults: { timezone: string };
}

/** A channel's subscription (if any) and its clock as of now. */
export async function readChannelClock(
  sources: ChannelClockSources,
  channel: ChannelRef,
): Promise<{ subscription: Subscription | undefined; clock: ChannelClock }> {
  const subscription = await sources.subscriptions.findByChannel(channel);
  return { subscription, clock: channelClock(subscription, sources.defaults.timezone, sources.clock.now()) };
}
