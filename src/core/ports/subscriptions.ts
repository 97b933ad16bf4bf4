/** A channel's subscription to the daily post: its campaign, time, zone and state. */
import type { ChannelRef, CommunityRef } from "../channel.ts";
import type { PostOptions, PostOptionsChange } from "../post-options.ts";

export type SubscriptionState = "active" | "paused" | "stopped";

export interface Subscription {
  id: number;
  channel: ChannelRef;
  community: CommunityRef;
  campaignId: string;
  /** Local time of day, HH:MM. */
  postTime: string;
  /** IANA time zone. */
  timezone: string;
  state: SubscriptionState;
  /**
   * Whether an anniversary of an arrest or sentence may put its family first here on its date
   * (rotation/anniversary-track.ts); on unless a moderator turned it off.
   */
  anniversaries: boolean;
  /** Why a subscription was paused (a platform's permanent error), shown to moderators. */
  pausedReason?: string;
  /** The last local date whose post is settled (planned, sent or not owed): the next post is after it. */
  plannedThrough?: string;
  /** Release announcements here (`/subscribe … updates off` turns them off); absent: on. */
  updates?: boolean;
  /** How its posts go out: role mention, silent, crosspost, previews, thread (core/post-options.ts). */
  postOptions: PostOptions;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Which subscriptions a list shows: each given condition must hold. */
export interface SubscriptionFilter {
  /** Part of the channel's or the community's reference, any case. */
  search?: string;
  state?: SubscriptionState;
  /** Active or paused: the ones that still have a daily post (the panel's Today). */
  posting?: boolean;
  community?: CommunityRef;
  /** One zone and post time (a slot of countBySlot). */
  slot?: { timezone: string; postTime: string };
}

export interface SubscriptionRepository {
  /** One subscription per channel: creates it, or changes its settings and makes it active again. */
  upsert(input: {
    channel: ChannelRef;
    community: CommunityRef;
    campaignId: string;
    postTime: string;
    timezone: string;
    /** Absent: unchanged on an existing subscription, on for a new one. */
    anniversaries?: boolean;
    actor: string;
    /** When the request was made (the app's clock): days due before it are not owed. Default: now. */
    at?: Date;
    /** Release announcements on or off; absent: as they were (on for a new subscription). */
    updates?: boolean;
    /** Options to change; absent ones stay as they were (the defaults for a new subscription). */
    postOptions?: PostOptionsChange;
  }): Promise<{ subscription: Subscription; created: boolean }>;
  /**
   * Changes only how a subscription's posts go out (the staff panel), whatever its state: a paused one stays
   * paused. Undefined when the channel has no subscription.
   */
  setPostOptions(
    channel: ChannelRef,
    change: PostOptionsChange,
    actor: string,
  ): Promise<Subscription | undefined>;
  findByChannel(channel: ChannelRef): Promise<Subscription | undefined>;
  /** Stops the daily post (the row stays, for the ledger's history); undefined when none was active. */
  stop(channel: ChannelRef, actor: string): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
  /**
   * A page of the subscriptions a filter keeps, by id, and how many it keeps in all: a staff list reads
   * the rows it shows, not ten thousand.
   */
  page(
    filter: SubscriptionFilter,
    at: { offset: number; limit: number },
  ): Promise<{ total: number; items: Subscription[] }>;
  /** How many posting (active or paused) subscriptions post at each zone and time. */
  countBySlot(): Promise<Array<{ timezone: string; postTime: string; count: number }>>;
  /** How many subscriptions are paused (for the metrics, read at every scrape: a count, not the rows). */
  countPaused(): Promise<number>;
  /** Pauses an active subscription after a platform's permanent error; undefined when none was active. */
  pause(channel: ChannelRef, input: { reason: string; actor: string }): Promise<Subscription | undefined>;
  /** Pauses every active subscription of a community (the bot was removed, the app uninstalled). */
  pauseCommunity(community: CommunityRef, input: { reason: string; actor: string }): Promise<Subscription[]>;
  /**
   * Moves a channel's subscription to the channel's new reference (a Telegram group that became a
   * supergroup). False when there is nothing to move or the new reference already has a subscription.
   */
  moveChannel(from: ChannelRef, to: ChannelRef, actor: string): Promise<boolean>;
}
