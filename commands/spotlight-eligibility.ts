/**
 * Refuses a spotlight the daily post would never show (released, stale, consent withdrawn, taken down),
 * when it is set, by the same rule the delivery applies on the day; otherwise the moderator is told
 * "scheduled" and the spotlight is dropped later.
 */
import { UserError } from "../src/core/errors.ts";
import type { StoredProfile } from "../src/core/ports.ts";
import type { Campaign } from "../src/core/profile.ts";
import type { BotServices, IneligibleReason } from "../src/core/services.ts";

/** What each reason means for the moderator; never which relative withdrew consent or who took a profile down. */
const WHY: Record<IneligibleReason, (detail: string, campaign: Campaign) => string> = {
  other_campaign: (_detail, campaign) => `the profile is not in this channel's campaign (${campaign.id})`,
  taken_down: () => "the profile has been taken down",
  withheld: () => "the profile is not published",
  consent_withdrawn: () => "the family has withdrawn consent, so the profile is not featured for now",
  status: (detail) => detail,
  stale: (detail) => `the profile is out of date (${detail}); a curator must verify it again first`,
};

export function assertSpotlightable(
  services: Pick<BotServices, "featured">,
  stored: StoredProfile,
  campaign: Campaign,
  localDate: string,
): void {
  const eligibility = services.featured.eligibility(stored, campaign, localDate);
  if (eligibility.eligible) return;
  const why = WHY[eligibility.reason](eligibility.detail, campaign);
  throw new UserError(
    `Cannot spotlight ${stored.profile.displayName} on ${localDate}: ${why}. Nothing was scheduled.`,
    "PROFILE_NOT_AVAILABLE",
  );
}
