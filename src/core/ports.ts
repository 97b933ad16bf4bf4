/**
 * Ports: what the core needs from storage and time. The database layer (db/) implements the repositories;
 * tests use the same implementations on PGlite, or in-memory ones with real state.
 */
import type { ChannelRef, CommunityRef } from "./channel.ts";
import type { Campaign, Profile } from "./profile.ts";

export interface Clock {
  now(): Date;
}

export interface StoredProfile {
  profile: Profile;
  createdAt: Date;
  updatedAt: Date;
  /** Insertion order, stable across updates: ties in the rotation break by it. */
  seq: number;
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  campaigns: ChangeCounts;
  profiles: ChangeCounts;
}

/** Records read from import files, handed over a batch at a time so no one holds the whole catalog. */
export interface ImportBatch {
  campaigns: Campaign[];
  profiles: Profile[];
}

export interface StreamedImportResult extends ImportResult {
  /** The profiles the import changed (not the new ones), in the order they were read. */
  changedProfileIds: string[];
  /** Stored profiles the files did not name: kept, since an import adds and updates but never deletes. */
  absentProfiles: number;
}

export interface CatalogRepository {
  listCampaigns(): Promise<Campaign[]>;
  /** Every profile, withheld and taken-down ones included, in insertion order. */
  listProfiles(): Promise<StoredProfile[]>;
  getProfile(id: string): Promise<StoredProfile | undefined>;
  /** Changes whenever a campaign or profile changes; cheap, so callers can tell when to rebuild an index. */
  version(): Promise<string>;
  /**
   * Upserts every campaign and profile in one transaction, with one audit entry per record created or
   * changed; unchanged records are left alone. Either everything lands or nothing does.
   */
  /** All or nothing. `dryRun`: the same import, counted exactly, then rolled back (nothing written). */
  importBundle(
    bundle: { campaigns: Campaign[]; profiles: Profile[] },
    actor: string,
    options?: { dryRun?: boolean },
  ): Promise<ImportResult>;
  /**
   * The same import as importBundle, fed a batch at a time: written as it is read, in one transaction.
   * An error thrown by the batches (the files' problems, found once all are read) rolls everything back.
   */
  importStream(
    batches: AsyncIterable<ImportBatch>,
    actor: string,
    options?: { dryRun?: boolean },
  ): Promise<StreamedImportResult>;
  /** Up to `limit` profiles after the insertion position `afterSeq` (0: from the start), in insertion order. */
  pageProfiles(afterSeq: number, limit: number): Promise<StoredProfile[]>;
  /** Withholds the profile at once and records who and why; undefined when there is no such profile. */
  takedown(
    id: string,
    input: { reason: string; actor: string; at: Date },
  ): Promise<StoredProfile | undefined>;
  /**
   * Lifts a takedown: the profile goes back to the visibility it had before (withheld stays withheld);
   * undefined when there is no such profile. Nothing changes for a profile that is not taken down.
   */
  restore(id: string, input: { actor: string; at: Date }): Promise<StoredProfile | undefined>;
}

/** A campaign and how much of the deployment hangs on it. */
export interface CampaignSummary {
  campaign: Campaign;
  profiles: number;
  /** Every state: a stopped subscription still names its campaign (the ledger's history needs the row). */
  subscriptions: number;
  activeSubscriptions: number;
}

/** What refers to a campaign: what removing it has to move elsewhere first, or remove with it. */
export interface CampaignDependents {
  /** Its profiles' ids, in insertion order. */
  profiles: string[];
  /** Its subscriptions, every state, by id. */
  subscriptions: Array<Pick<Subscription, "id" | "channel" | "state">>;
  /** Spotlights of its profiles (or set for it), every state, by id. */
  spotlights: Array<Pick<Spotlight, "id" | "channel" | "profileId" | "localDate" | "state">>;
}

export interface CampaignRemovalRequest {
  /** Another campaign its subscriptions are moved to first. */
  moveTo?: string;
  /** Remove its profiles with it, with their spotlights and the campaign's rotation history. */
  withProfiles: boolean;
  actor: string;
  at: Date;
}

export type CampaignRemoval =
  | { kind: "removed"; campaign: Campaign; dependents: CampaignDependents }
  /** Nothing written: `needs` says which of the request's options the campaign's dependents call for. */
  | { kind: "refused"; dependents: CampaignDependents; needs: CampaignRemovalNeed[] }
  | { kind: "unknown-campaign"; known: string[] }
  /** `moveTo` is not another stored campaign; `known` lists those it may be. */
  | { kind: "unknown-target"; known: string[] };

export type CampaignRemovalNeed = "move-to" | "with-profiles";

export interface CampaignRepository {
  /** Every campaign, oldest first, with how many profiles and subscriptions it has. */
  list(): Promise<CampaignSummary[]>;
  /**
   * Removes a campaign in one transaction, with an audit entry for everything it moves or removes; refused
   * with nothing written when its dependents need an option the request lacks (campaign-removal.ts).
   */
  remove(id: string, request: CampaignRemovalRequest): Promise<CampaignRemoval>;
}

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
  /** Why a subscription was paused (a platform's permanent error), shown to moderators. */
  pausedReason?: string;
  /** The last local date whose post is settled (planned, sent or not owed): the next post is after it. */
  plannedThrough?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriptionRepository {
  /** One subscription per channel: creates it, or changes its settings and makes it active again. */
  upsert(input: {
    channel: ChannelRef;
    community: CommunityRef;
    campaignId: string;
    postTime: string;
    timezone: string;
    actor: string;
    /** When the request was made (the app's clock): days due before it are not owed. Default: now. */
    at?: Date;
  }): Promise<{ subscription: Subscription; created: boolean }>;
  findByChannel(channel: ChannelRef): Promise<Subscription | undefined>;
  /** Stops the daily post (the row stays, for the ledger's history); undefined when none was active. */
  stop(channel: ChannelRef, actor: string): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
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
  get(id: number): Promise<Spotlight | undefined>;
  /** Cancels a scheduled spotlight; undefined when it is not scheduled. */
  cancel(id: number, input: { actor: string; reason: string }): Promise<Spotlight | undefined>;
  /** Every scheduled spotlight of a profile (to cancel them when its status changes). */
  listScheduledForProfile(profileId: string): Promise<Spotlight[]>;
}

/** The rotation's memory: which profile a campaign featured on a local date. */
export interface RotationEntry {
  campaignId: string;
  localDate: string;
  profileId: string;
  /** Which pass through the eligible profiles this day belongs to, from 0. */
  cycle: number;
}

export interface RotationLog {
  /** Every decided day of a campaign, by date. */
  history(campaignId: string): Promise<RotationEntry[]>;
  /** Records a pick unless the date has one already; returns the one that stands (the first writer wins). */
  record(entry: RotationEntry): Promise<RotationEntry>;
  /** Replaces a date's pick only if it is still `previousProfileId`; returns the one that stands. */
  replace(entry: RotationEntry, previousProfileId: string): Promise<RotationEntry>;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  entityType: "campaign" | "profile" | "subscription" | "spotlight" | "community" | "staff";
  entityId: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(filter?: {
    entityType?: AuditEntry["entityType"];
    entityId?: string;
    limit?: number;
  }): Promise<AuditEntry[]>;
}

/**
 * A platform's per-workspace credentials (a Slack OAuth installation), stored as the platform library gives
 * them, keyed by the workspace (or enterprise) id. Only that platform's adapter reads inside `data`.
 */
export interface InstallationStore {
  save(platform: string, key: string, data: Record<string, unknown>): Promise<void>;
  find(platform: string, key: string): Promise<Record<string, unknown> | undefined>;
  /** Removes it (uninstall, tokens revoked); returns whether there was one. */
  remove(platform: string, key: string): Promise<boolean>;
}

/** People a community's admins made bot moderators, beyond what the platform's own roles say. */
export interface BotModeratorRepository {
  /** Returns false when the user already was one. */
  grant(input: { community: CommunityRef; userId: string; actor: string }): Promise<boolean>;
  /** Returns false when the user was not one. */
  revoke(input: { community: CommunityRef; userId: string; actor: string }): Promise<boolean>;
  has(community: CommunityRef, userId: string): Promise<boolean>;
  list(community: CommunityRef): Promise<string[]>;
}

/** Structured logging, pino-shaped: an object of fields first, then the message. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(bindings: object): Logger;
}
