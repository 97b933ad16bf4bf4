/** The state behind the in-memory repositories, and the helpers each of their files shares. */
import type { AuditEntry } from "../../src/core/ports/audit-log.ts";
import type { StoredProfile } from "../../src/core/ports/catalog.ts";
import type { RotationEntry } from "../../src/core/ports/rotation-log.ts";
import type { Spotlight } from "../../src/core/ports/spotlights.ts";
import type { Subscription } from "../../src/core/ports/subscriptions.ts";
import type { Campaign } from "../../src/core/profile.ts";

export function emptyState() {
  return {
    campaigns: new Map<string, { campaign: Campaign; createdAt: Date; updatedAt: Date }>(),
    profiles: new Map<string, StoredProfile>(),
    nextSeq: 1,
    revision: 0,
    subscriptions: new Map<string, Subscription>(),
    nextSubscriptionId: 1,
    spotlights: new Map<number, Spotlight>(),
    nextSpotlightId: 1,
    featuredDays: new Map<string, RotationEntry>(),
    audit: [] as AuditEntry[],
  };
}

export type MemoryState = ReturnType<typeof emptyState>;

export const copy = <T>(value: T): T => structuredClone(value);
export function audit(state: MemoryState, entry: Omit<AuditEntry, "at"> & { at?: Date }): void {
  state.audit.push({ ...copy(entry), at: entry.at ?? new Date() });
}

export function requireCampaign(state: MemoryState, campaignId: string): void {
  if (!state.campaigns.has(campaignId)) throw new Error(`unknown campaign "${campaignId}" (foreign key)`);
}

export function requireProfile(state: MemoryState, profileId: string): void {
  if (!state.profiles.has(profileId)) throw new Error(`unknown profile "${profileId}" (foreign key)`);
}
