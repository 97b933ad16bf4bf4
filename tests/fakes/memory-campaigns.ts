/** In-memory campaigns: listed with their counts and removed as the database repository does. */
import { campaignRemovalAudit } from "../../db/repositories/campaign-audit.ts";
import { campaignRemovalNeeds } from "../../src/core/campaign-removal.ts";
import type { CampaignDependents, CampaignRepository } from "../../src/core/ports/campaigns.ts";
import { audit, copy, type MemoryState } from "./memory-state.ts";

/** Oldest first, then by id: the database's order. */
function campaignIds(state: MemoryState): string[] {
  return [...state.campaigns.values()]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.campaign.id < b.campaign.id ? -1 : 1))
    .map((c) => c.campaign.id);
}

function dependentsOf(state: MemoryState, id: string): CampaignDependents {
  const profiles = [...state.profiles.values()]
    .filter((p) => p.profile.campaign === id)
    .sort((a, b) => a.seq - b.seq)
    .map((p) => p.profile.id);
  const subscriptions = [...state.subscriptions.values()]
    .filter((s) => s.campaignId === id)
    .sort((a, b) => a.id - b.id)
    .map(({ id, channel, state }) => ({ id, channel, state }));
  const spotlights = [...state.spotlights.values()]
    .filter((s) => s.campaignId === id || profiles.includes(s.profileId))
    .sort((a, b) => a.id - b.id)
    .map(({ id, channel, profileId, localDate, state }) => ({ id, channel, profileId, localDate, state }));
  return { profiles, subscriptions, spotlights };
}

export function createMemoryCampaigns(store: { state: MemoryState }): CampaignRepository {
  return {
    async list() {
      const { state } = store;
      const subscriptions = [...state.subscriptions.values()];
      const profiles = [...state.profiles.values()];
      return campaignIds(state).map((id) => ({
        campaign: copy(state.campaigns.get(id)!.campaign),
        profiles: profiles.filter((p) => p.profile.campaign === id).length,
        subscriptions: subscriptions.filter((s) => s.campaignId === id).length,
        activeSubscriptions: subscriptions.filter((s) => s.campaignId === id && s.state === "active").length,
      }));
    },

    async remove(id, request) {
      const { state } = store;
      const stored = state.campaigns.get(id);
      if (!stored) return { kind: "unknown-campaign", known: campaignIds(state) };
      const { moveTo } = request;
      if (moveTo !== undefined) {
        const others = campaignIds(state).filter((other) => other !== id);
        if (!others.includes(moveTo)) return { kind: "unknown-target", known: others };
      }
      const dependents = dependentsOf(state, id);
      const needs = campaignRemovalNeeds(dependents, request);
      if (needs.length > 0) return { kind: "refused", dependents, needs };

      for (const subscription of state.subscriptions.values()) {
        if (subscription.campaignId !== id || moveTo === undefined) continue;
        subscription.campaignId = moveTo;
        subscription.updatedAt = new Date();
      }
      for (const spotlight of dependents.spotlights) state.spotlights.delete(spotlight.id);
      for (const [key, day] of state.featuredDays) {
        if (day.campaignId === id || dependents.profiles.includes(day.profileId))
          state.featuredDays.delete(key);
      }
      for (const profileId of dependents.profiles) state.profiles.delete(profileId);
      state.campaigns.delete(id);
      for (const entry of campaignRemovalAudit(id, dependents, request)) audit(state, entry);
      state.revision++;
      return { kind: "removed", campaign: copy(stored.campaign), dependents: copy(dependents) };
    },
  };
}
