/** Spotlights: a chosen profile on a chosen date, for a channel or a whole community. */
import type { ChannelRef, CommunityRef } from "../channel.ts";

export type SpotlightScope = "channel" | "community";

export type SpotlightState = "scheduled" | "cancelled" | "posted";

export interface Spotlight {
  id: number;
  scope: SpotlightScope;
  channel: ChannelRef;
  community: CommunityRef;
  campaignId: string;
  profileId: string;
  /** The local date it replaces the rotation on, YYYY-MM-DD. */
  localDate: string;
  /** The local time to post at, HH:MM; absent means the subscription's time. */
  localTime?: string;
  timezone: string;
  state: SpotlightState;
  createdBy: string;
  cancelReason?: string;
  createdAt: Date;
}

export type NewSpotlight = Omit<Spotlight, "id" | "state" | "createdAt" | "cancelReason">;

/**
 * One scheduled spotlight per channel and date (scope channel) and per community and date (scope
 * community): `standing` is the one already there, which `replace` cancels in the same transaction.
 */
export type SpotlightAddResult =
  | { kind: "added"; spotlight: Spotlight; replaced?: Spotlight }
  | { kind: "taken"; standing: Spotlight };

export interface SpotlightRepository {
  add(input: NewSpotlight, options?: { replace?: boolean }): Promise<SpotlightAddResult>;
  /** Scheduled spotlights for this channel, and for its whole community, on or after a date, by date. */
  listUpcoming(channel: ChannelRef, community: CommunityRef, fromDate: string): Promise<Spotlight[]>;
  /** Every scheduled spotlight in a community on a date: its channels' own and the community-wide one. */
  listOnDate(community: CommunityRef, localDate: string): Promise<Spotlight[]>;
  /**
   * Every scheduled spotlight in a community from one date to another (both included), by date: its
   * channels' own and the community-wide ones (the staff panel's calendar).
   */
  listInCommunity(community: CommunityRef, fromDate: string, toDate: string): Promise<Spotlight[]>;
  /** Every scheduled spotlight in every community from one date to another (both included), by date. */
  listBetween(fromDate: string, toDate: string): Promise<Spotlight[]>;
  get(id: number): Promise<Spotlight | undefined>;
  /** Cancels a scheduled spotlight; undefined when it is not scheduled. */
  cancel(id: number, input: { actor: string; reason: string }): Promise<Spotlight | undefined>;
  /** Every scheduled spotlight of a profile (to cancel them when its status changes). */
  listScheduledForProfile(profileId: string): Promise<Spotlight[]>;
}
