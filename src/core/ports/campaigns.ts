/** Campaigns as a whole: what hangs on each, and removing one with what depends on it. */
import type { Campaign } from "../profile.ts";
import type { Spotlight } from "./spotlights.ts";
import type { Subscription } from "./subscriptions.ts";

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
