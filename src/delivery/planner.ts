/**
 * What is due: for each active subscription, the local dates from where planning stopped up to today whose
 * post time has come, each as one ledger row — pending when still within the catch-up window, missed when
 * older. Channel spotlights in channels without a subscription get rows of their own. Pure: the pass reads
 * the input and writes the result; this decides.
 */
import { platformOf } from "../core/channel.ts";
import { type ChannelClock, clockInZone, keptClocks } from "../core/channel-clock.ts";
import type { PlannedDelivery, PlanningSubscription } from "../core/delivery.ts";
import type { Spotlight } from "../core/ports/spotlights.ts";
import { postOfTheDay } from "../core/post-of-the-day.ts";
import { spotlightPostTime } from "../core/spotlight-rules.ts";
import { addDays } from "../core/time.ts";

export interface PlanInput {
  /** Active and paused subscriptions: active ones are planned; a paused one's channel spotlights wait too. */
  subscriptions: PlanningSubscription[];
  /** Scheduled spotlights from the earliest date that can still be planned. */
  spotlights: Spotlight[];
  now: Date;
  catchUpHours: number;
  /** How far back a day can still be recorded as missed (and a spotlight still planned). */
  lookbackDays: number;
  defaultPostTime: string;
}

export interface Plan {
  rows: PlannedDelivery[];
  plannedThrough: Array<{ subscriptionId: number; localDate: string }>;
}

function indexByDate(spotlights: readonly Spotlight[]): Map<string, Spotlight[]> {
  const byDate = new Map<string, Spotlight[]>();
  for (const s of spotlights) byDate.set(s.localDate, [...(byDate.get(s.localDate) ?? []), s]);
  return byDate;
}

/**
 * How late a post may still go out: CATCH_UP_HOURS, but never less than a few minutes, so that a pass that
 * runs a little after the minute (the scheduler's own lateness) is not mistaken for downtime.
 */
export function catchUpMs(catchUpHours: number): number {
  return Math.max(catchUpHours * 3_600_000, SCHEDULER_GRACE_MS);
}
const SCHEDULER_GRACE_MS = 10 * 60_000;

function dueState(dueAt: Date, input: PlanInput): Pick<PlannedDelivery, "state" | "detail"> {
  const late = input.now.getTime() - dueAt.getTime();
  if (late <= catchUpMs(input.catchUpHours)) return { state: "pending" };
  return {
    state: "missed",
    detail: `due at ${dueAt.toISOString()} while the bot was not running; more than CATCH_UP_HOURS (${input.catchUpHours}) ago`,
  };
}

function planSubscription(
  sub: PlanningSubscription,
  clock: ChannelClock,
  byDate: Map<string, Spotlight[]>,
  input: PlanInput,
  plan: Plan,
) {
  const earliest = clock.dateOf(new Date(input.now.getTime() - input.lookbackDays * 86_400_000));
  const since = clock.dateOf(sub.activeSince);
  let date = sub.plannedThrough ? addDays(sub.plannedThrough, 1) : since;
  if (date < earliest) date = earliest;
  const today = clock.today;
  let through: string | undefined;
  for (; date <= today; date = addDays(date, 1)) {
    // Whether a spotlight may still be posted is judged when the row posts (post-resolver.ts): here, every
    // standing spotlight sets the day's post time.
    const day = postOfTheDay({
      localDate: date,
      spotlights: { all: byDate.get(date) ?? [], where: sub },
      postable: (standing) => standing,
      followsRotation: true,
      // An anniversary posts at the subscription's own time, like the rotation: it sets no time of its own.
      anniversaries: sub.anniversaries,
    });
    const spotlight = day.kind === "spotlight" ? day.spotlight : undefined;
    const time = spotlight ? spotlightPostTime(spotlight, sub, input.defaultPostTime).time : sub.postTime;
    const dueAt = clock.at(date, time);
    if (dueAt > input.now) break;
    through = date;
    if (dueAt < sub.activeSince) continue; // due before the subscription (or its new settings) existed
    plan.rows.push({
      channel: sub.channel,
      localDate: date,
      platform: platformOf(sub.channel),
      subscriptionId: sub.id,
      ...(spotlight ? { spotlightId: spotlight.id } : {}),
      campaignId: sub.campaignId,
      timezone: clock.zone,
      dueAt,
      ...dueState(dueAt, input),
    });
  }
  if (through !== undefined) plan.plannedThrough.push({ subscriptionId: sub.id, localDate: through });
}

/** A channel spotlight where nothing is subscribed: posted at its own time, or the default post time. */
function planLoneSpotlight(
  spotlight: Spotlight,
  subscribed: ReadonlySet<string>,
  input: PlanInput,
  plan: Plan,
) {
  if (spotlight.scope !== "channel" || subscribed.has(spotlight.channel)) return;
  const { time, timezone } = spotlightPostTime(spotlight, undefined, input.defaultPostTime);
  const dueAt = clockInZone(timezone, input.now).at(spotlight.localDate, time);
  if (dueAt > input.now || dueAt < spotlight.createdAt) return;
  if (input.now.getTime() - dueAt.getTime() > input.lookbackDays * 86_400_000) return;
  plan.rows.push({
    channel: spotlight.channel,
    localDate: spotlight.localDate,
    platform: platformOf(spotlight.channel),
    spotlightId: spotlight.id,
    campaignId: spotlight.campaignId,
    timezone: spotlight.timezone,
    dueAt,
    ...dueState(dueAt, input),
  });
}

export function planDeliveries(input: PlanInput): Plan {
  const plan: Plan = { rows: [], plannedThrough: [] };
  const byDate = indexByDate(input.spotlights);
  const clockOf = keptClocks(input.now);
  for (const sub of input.subscriptions)
    if (sub.state === "active") planSubscription(sub, clockOf(sub.timezone), byDate, input, plan);
  const subscribed = new Set<string>(input.subscriptions.map((s) => s.channel));
  for (const spotlight of input.spotlights) planLoneSpotlight(spotlight, subscribed, input, plan);
  return plan;
}
