/**
 * The Profiles list's filters: status, campaign, stale, taken down, over every stored profile (hidden
 * ones too: staff must find a taken-down profile to restore it). Pure, so the rules are tested alone.
 */
import { staleness } from "../../core/freshness.ts";
import type { ProfileHead } from "../../core/profile-head.ts";
import { type Campaign, currentDetention, DETENTION_STATUSES } from "../../core/profile.ts";

export interface ProfileFilters {
  status?: string;
  campaign?: string;
  stale?: boolean;
  takenDown?: boolean;
}

export function readFilters(query: Record<string, string | undefined>): ProfileFilters {
  const status =
    query.status && (DETENTION_STATUSES as readonly string[]).includes(query.status)
      ? query.status
      : undefined;
  return {
    ...(status ? { status } : {}),
    ...(query.campaign ? { campaign: query.campaign } : {}),
    ...(query.stale === "1" ? { stale: true } : {}),
    ...(query.takenDown === "1" ? { takenDown: true } : {}),
  };
}

/** A stored profile or a catalog entry: the filters read only its head (core/profile-head.ts). */
type Headed = { profile: ProfileHead };

export function isStale(stored: Headed, campaigns: readonly Campaign[], today: string, limitDays: number) {
  const campaign = campaigns.find((c) => c.id === stored.profile.campaign);
  return campaign !== undefined && staleness(stored.profile, campaign, today, limitDays) !== undefined;
}

export function applyFilters<P extends Headed>(
  profiles: readonly P[],
  filters: ProfileFilters,
  context: { campaigns: readonly Campaign[]; today: string; staleAfterDays: number },
): P[] {
  return profiles.filter((stored) => {
    const { profile } = stored;
    if (filters.status && currentDetention(profile).status !== filters.status) return false;
    if (filters.campaign && profile.campaign !== filters.campaign) return false;
    if (filters.takenDown && !profile.publication.takedown) return false;
    if (filters.stale && !isStale(stored, context.campaigns, context.today, context.staleAfterDays))
      return false;
    return true;
  });
}
