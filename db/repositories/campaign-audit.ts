/**
 * The audit entries of a campaign's removal, shared by the database repository and the in-memory one so
 * both record the same: one per subscription moved, spotlight and profile removed, and the campaign's own.
 */
import type { AuditEntry } from "../../src/core/ports/audit-log.ts";
import type { CampaignDependents, CampaignRemovalRequest } from "../../src/core/ports/campaigns.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";

export function campaignRemovalAudit(
  campaignId: string,
  dependents: CampaignDependents,
  request: CampaignRemovalRequest,
): AuditEntry[] {
  const { actor, at, moveTo } = request;
  const entry = (entityType: AuditEntry["entityType"], entityId: string | number) => ({
    at,
    actor,
    entityType,
    entityId: String(entityId),
  });
  return [
    ...dependents.subscriptions.map((s) => ({
      ...entry("subscription", s.id),
      action: AUDIT_ACTIONS.subscriptionUpdated,
      details: { channel: s.channel, campaignId: moveTo, previousCampaignId: campaignId },
    })),
    ...dependents.spotlights.map((s) => ({
      ...entry("spotlight", s.id),
      action: AUDIT_ACTIONS.spotlightRemoved,
      details: { profileId: s.profileId, localDate: s.localDate, state: s.state, campaignId },
    })),
    ...dependents.profiles.map((id) => ({
      ...entry("profile", id),
      action: AUDIT_ACTIONS.profileRemoved,
      details: { campaign: campaignId },
    })),
    {
      ...entry("campaign", campaignId),
      action: AUDIT_ACTIONS.campaignRemoved,
      details: {
        ...(moveTo === undefined ? {} : { movedTo: moveTo }),
        subscriptions: dependents.subscriptions.length,
        profiles: dependents.profiles.length,
        spotlights: dependents.spotlights.length,
      },
    },
  ];
}
