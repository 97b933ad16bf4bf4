/**
 * When a campaign may be removed: the one rule the database repository and the in-memory one apply inside
 * their transaction, so what they refuse is decided the same way.
 */
import type { CampaignDependents, CampaignRemovalNeed, CampaignRemovalRequest } from "./ports/campaigns.ts";

/**
 * What the request still needs, in the order an operator would fix it; empty when the removal may go ahead.
 * - Subscriptions (of any state: a stopped one keeps its row for the ledger's history) never vanish with a
 *   campaign; they are moved to another one (`moveTo`), and a channel keeps its daily post.
 * - Profiles, and the spotlights moderators set on them, are removed only when asked for (`withProfiles`):
 *   curators' work is never deleted as a side effect.
 */
export function campaignRemovalNeeds(
  dependents: CampaignDependents,
  request: Pick<CampaignRemovalRequest, "moveTo" | "withProfiles">,
): CampaignRemovalNeed[] {
  const needs: CampaignRemovalNeed[] = [];
  if (dependents.subscriptions.length > 0 && request.moveTo === undefined) needs.push("move-to");
  const content = dependents.profiles.length + dependents.spotlights.length;
  if (content > 0 && !request.withProfiles) needs.push("with-profiles");
  return needs;
}
