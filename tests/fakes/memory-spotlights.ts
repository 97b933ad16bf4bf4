/**
 * In-memory spotlights: one scheduled per channel and date (and per community and date), as the
 * database's partial unique indexes make it.
 */
import { AUDIT_ACTIONS } from "../../db/repositories/audit-actions.ts";
import type { NewSpotlight, Spotlight, SpotlightRepository } from "../../src/core/ports/spotlights.ts";
import { audit, copy, type MemoryState, requireCampaign, requireProfile } from "./memory-state.ts";

const byDateThenId = (a: Spotlight, b: Spotlight) =>
  a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : a.id - b.id;

const REPLACED_REASON = "replaced by another spotlight for the same date";

const sameSlot = (a: Spotlight, b: NewSpotlight) =>
  a.scope === b.scope &&
  a.localDate === b.localDate &&
  (a.scope === "channel" ? a.channel === b.channel : a.community === b.community);

export function createMemorySpotlights(store: { state: MemoryState }): SpotlightRepository {
  const scheduled = () => [...store.state.spotlights.values()].filter((s) => s.state === "scheduled");
  return {
    async add(input, options = {}) {
      const { state } = store;
      // The database refuses a taken date before its insert would check the foreign keys.
      const standing = scheduled().find((s) => sameSlot(s, input));
      if (standing && !options.replace) return { kind: "taken", standing: copy(standing) };
      requireCampaign(state, input.campaignId);
      requireProfile(state, input.profileId);
      const spotlight: Spotlight = {
        // Through JSON, as a row would be: a field set to undefined is absent, not present and undefined.
        ...(JSON.parse(JSON.stringify(input)) as NewSpotlight),
        id: state.nextSpotlightId++,
        state: "scheduled",
        createdAt: new Date(),
      };
      if (standing) {
        standing.state = "cancelled";
        standing.cancelReason = REPLACED_REASON;
        audit(state, {
          actor: input.createdBy,
          action: AUDIT_ACTIONS.spotlightCancelled,
          entityType: "spotlight",
          entityId: String(standing.id),
          details: { reason: REPLACED_REASON, replacedBy: spotlight.id },
        });
      }
      state.spotlights.set(spotlight.id, spotlight);
      const { profileId, localDate, scope } = input;
      audit(state, {
        actor: input.createdBy,
        action: AUDIT_ACTIONS.spotlightScheduled,
        entityType: "spotlight",
        entityId: String(spotlight.id),
        details: { profileId, localDate, scope },
      });
      return standing
        ? { kind: "added", spotlight: copy(spotlight), replaced: copy(standing) }
        : { kind: "added", spotlight: copy(spotlight) };
    },
    async listUpcoming(channel, community, fromDate) {
      return scheduled()
        .filter((s) => s.localDate >= fromDate)
        .filter((s) => (s.scope === "channel" ? s.channel === channel : s.community === community))
        .sort(byDateThenId)
        .map(copy);
    },
    async listOnDate(community, localDate) {
      return scheduled()
        .filter((s) => s.localDate === localDate && s.community === community)
        .sort(byDateThenId)
        .map(copy);
    },
    async listInCommunity(community, fromDate, toDate) {
      return scheduled()
        .filter((s) => s.community === community && s.localDate >= fromDate && s.localDate <= toDate)
        .sort(byDateThenId)
        .map(copy);
    },
    async listBetween(fromDate, toDate) {
      return scheduled()
        .filter((s) => s.localDate >= fromDate && s.localDate <= toDate)
        .sort(byDateThenId)
        .map(copy);
    },
    async get(id) {
      const found = store.state.spotlights.get(id);
      return found ? copy(found) : undefined;
    },
    async cancel(id, { actor, reason }) {
      const found = store.state.spotlights.get(id);
      if (found?.state !== "scheduled") return undefined;
      found.state = "cancelled";
      found.cancelReason = reason;
      const entry = { actor, entityType: "spotlight" as const, entityId: String(id), details: { reason } };
      audit(store.state, { ...entry, action: AUDIT_ACTIONS.spotlightCancelled });
      return copy(found);
    },
    async listScheduledForProfile(profileId) {
      return scheduled()
        .filter((s) => s.profileId === profileId)
        .sort(byDateThenId)
        .map(copy);
    },
  };
}
