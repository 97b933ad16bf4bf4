/**
 * The delivery ledger's port: one row per (channel, local date). The core plans rows, claims them, and
 * records each outcome through this interface; db/repositories/deliveries.ts implements it with unique
 * keys, row locks (SKIP LOCKED) and leases, so several processes on one Postgres never post twice.
 */
import type { ChannelRef } from "./channel.ts";
import type { MessageRef } from "./platform.ts";
import type { Spotlight } from "./ports/spotlights.ts";
import type { Subscription } from "./ports/subscriptions.ts";

/**
 * Days back that can still be planned (and recorded as missed after a long downtime): a day's posts older
 * than this (counted from the earliest local date anywhere) keep their outcome for good.
 */
export const LOOKBACK_DAYS = 7;

export const DELIVERY_STATES = [
  "pending",
  "claimed",
  "sending",
  "sent",
  "failed",
  "paused",
  "missed",
  "cancelled",
  "uncertain",
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** States a row is still on its way through: planned, claimed, or being sent. */
const OPEN_STATES: readonly DeliveryState[] = ["pending", "claimed", "sending"];

/** States a row never leaves: the day is settled for that channel. */
export const SETTLED_STATES: readonly DeliveryState[] = DELIVERY_STATES.filter(
  (state) => !OPEN_STATES.includes(state),
);

/** A subscription as the planner sees it: with how far planning has got and since when posts are owed. */
export interface PlanningSubscription extends Subscription {
  /** The last local date already planned (a row written, or nothing owed); undefined before the first. */
  plannedThrough?: string;
  /** Days due before this instant are not owed (the subscription was created, changed or resumed then). */
  activeSince: Date;
}

/** What a ledger row is about: one channel's post on one local date. */
interface DeliveryTarget {
  channel: ChannelRef;
  localDate: string;
  platform: string;
  subscriptionId?: number;
  spotlightId?: number;
  campaignId: string;
  /** The zone of `localDate`: retries stop when that day ends there. */
  timezone: string;
  dueAt: Date;
  detail?: string;
}

/** A ledger row to create; an existing row for the same channel and date always wins. */
export interface PlannedDelivery extends DeliveryTarget {
  state: "pending" | "missed";
}

export interface DeliveryRow extends DeliveryTarget {
  id: number;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  profileId?: string;
  messageId?: string;
  /** When the latest attempt to send began (set by `markSending`). */
  sendingSince?: Date;
  /** When the earliest attempt that may have reached the platform began: a dedupe window counts from it. */
  uncertainSince?: Date;
  updatedAt: Date;
}

/** How a claimed row ends this attempt. "pending" means: try again at `nextAttemptAt`. */
export interface DeliveryOutcome {
  state: Exclude<DeliveryState, "claimed" | "sending">;
  detail?: string;
  messageId?: string;
  /** Where a sent post landed and when: what a later retraction needs (src/core/retraction.ts). */
  messageRef?: MessageRef;
  sentAt?: Date;
  profileId?: string;
  nextAttemptAt?: Date;
  /** Set when this attempt may have reached the platform and the row is to be resent. */
  uncertainSince?: Date;
}

/** A platform whose interrupted sends may be resent, and for how long after they began (undefined: always). */
export interface ResendRule {
  platform: string;
  withinMs?: number;
}

export interface DeliveryLedger {
  /** Active and paused subscriptions with their planning marks, and scheduled spotlights from `fromDate` on. */
  planningInput(
    fromDate: string,
  ): Promise<{ subscriptions: PlanningSubscription[]; spotlights: Spotlight[] }>;
  /**
   * Writes the planned rows (a row already there for the channel and date is left alone) and moves each
   * subscription's planned-through date forward, in one transaction. Returns how many rows were new.
   */
  recordPlan(
    rows: PlannedDelivery[],
    plannedThrough: Array<{ subscriptionId: number; localDate: string }>,
  ): Promise<number>;
  /**
   * Takes over rows whose claimer's lease ran out: "claimed" ones (nothing was sent) go back to pending;
   * "sending" ones go back to pending on platforms listed in `resend` (they dedupe) while their first
   * possibly-posted attempt began at most `withinMs` before `now`, and are recorded as uncertain otherwise
   * (other platforms, or too late for the platform to drop a duplicate). Returns the rows recorded as
   * uncertain.
   */
  reclaimExpired(now: Date, resend: readonly ResendRule[]): Promise<DeliveryRow[]>;
  /**
   * Settles rows still pending whose chance has passed, so that they are never sent late: a row whose local
   * day has ended (failed if it was tried, missed if never), and a row never tried that is more than
   * `catchUpMs` past due (missed: the bot was not running, or no process had its platform). Returns them.
   */
  settleOverdue(now: Date, catchUpMs: number): Promise<DeliveryRow[]>;
  /**
   * Claims up to `limit` rows of a platform that are due by `now`, for `owner`, until `leaseFrom + leaseMs`
   * (`leaseFrom`: the real time, which differs from `now` in a pass run as of another instant).
   */
  claim(input: {
    platform: string;
    now: Date;
    leaseFrom?: Date;
    limit: number;
    leaseMs: number;
    owner: string;
  }): Promise<DeliveryRow[]>;
  /**
   * Marks a claimed row as being sent, if `owner` still holds it, with a lease as long as a send may take
   * (short, so a row whose process died mid-send is resent inside Discord's few-minute nonce window), and
   * returns the catalog's version as of
   * this moment (so a takedown made a second ago is seen); undefined when the claim was lost.
   */
  markSending(
    id: number,
    owner: string,
    attempt: { startedAt: Date; leaseUntil: Date },
  ): Promise<{ catalogVersion: string } | undefined>;
  /** Records how a row held by `owner` ended this attempt; false when the claim was lost. */
  finish(id: number, owner: string, outcome: DeliveryOutcome): Promise<boolean>;
  /**
   * Gives back, as pending and due at once, the rows `owner` holds but never sent: every row it holds as
   * claimed, and those of `sendingIds` it holds as sending (it marked them, then stopped before calling the
   * platform). Meant for a process whose passes failed part way (the database went out): rows no pass of it
   * is working on any more need not wait for their lease. Returns how many rows were given back.
   */
  release(owner: string, sendingIds: readonly number[]): Promise<number>;
  /** The earliest next attempt among pending rows of these platforms, if any. */
  nextPendingAt(platforms: readonly string[]): Promise<Date | undefined>;
  /**
   * Reads only, for a dry run: every pending row, and every row dated `fromDate` or later (a planned row for
   * a channel and date that already has one would not be written). Earliest next attempt first.
   */
  pendingOrSince(fromDate: string): Promise<DeliveryRow[]>;
  /** Every row of a channel, or all rows, newest date first (for `subscriptions list` and tests). */
  list(filter?: { channel?: ChannelRef; limit?: number }): Promise<DeliveryRow[]>;
  /** The most recent row of each subscription, or of each one given (a page of a list: read by its index). */
  latestBySubscription(subscriptionIds?: readonly number[]): Promise<Map<number, DeliveryRow>>;
}
