/**
 * Which campaign "the default" is: the one a subscription that names none follows, the one /help
 * introduces and an unsubscribed channel's /today shows. The one home of that rule.
 */
import type { Campaign } from "../core/profile.ts";

/**
 * The id of the sample campaign shipped in data/ (the app imports it into a new embedded database). A
 * test keeps it equal to data/campaign.yaml's id.
 */
export const SAMPLE_CAMPAIGN_ID = "free-to-be-home-2016";

/**
 * The only campaign, whatever it is; else, leaving the sample aside, the one marked `isDefault`, or the
 * only one left. So the sample stands in only until a campaign of one's own is imported, and one's own
 * campaign becomes the default without editing the sample (even where an earlier version stored the
 * sample marked as the default). Undefined when several campaigns of one's own exist and none is marked.
 */
export function defaultCampaign<C extends Pick<Campaign, "id" | "isDefault">>(
  campaigns: readonly C[],
): C | undefined {
  if (campaigns.length === 1) return campaigns[0];
  const own = campaigns.filter((c) => c.id !== SAMPLE_CAMPAIGN_ID);
  return own.find((c) => c.isDefault) ?? (own.length === 1 ? own[0] : undefined);
}
