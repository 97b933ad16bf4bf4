/**
 * Refuses a spotlight the daily post would never show (released, stale, consent withdrawn, taken down),
 * when it is set, by the same rule the delivery applies on the day; otherwise the moderator is told
 * "scheduled" and the spotlight is dropped later.
 */
import { UserError } from "../src/core/errors.ts";
import { formatPartialDate } from "../src/core/partial-date.ts";
import type { StoredProfile } from "../src/core/ports/catalog.ts";
import type { Campaign } from "../src/core/profile.ts";
import type { BotServices, IneligibleReason } from "../src/core/services.ts";
import { statusOf } from "./shared.ts";

type Services = Pick<BotServices, "featured" | "presenter">;

/**
 * What each reason means for the moderator, in the card's words (the eligibility's own detail is written
 * for curators, with status codes and campaign ids); never which relative withdrew consent or who took a
 * profile down.
 */
const WHY: Record<
  IneligibleReason,
  (services: Services, stored: StoredProfile, campaign: Campaign, localDate: string) => string
> = {
  other_campaign: (_services, _stored, campaign) =>
    `the profile is not in the campaign here, ${campaign.name}`,
  taken_down: () => "the profile has been taken down",
  withheld: () => "the profile is not published",
  consent_withdrawn: () => "the family has withdrawn consent, so the profile is not featured for now",
  status: (services, stored, campaign, localDate) => {
    const card = services.presenter.card(stored, campaign, localDate);
    return `the daily post does not feature the status "${statusOf(card)}" (${card.statusAsOf})`;
  },
  stale: (_services, stored) =>
    `the profile was last verified on ${formatPartialDate(stored.profile.lastVerifiedAt)}, too long before ` +
    "then to be posted; a curator must verify it again first",
};

export function assertSpotlightable(
  services: Services,
  stored: StoredProfile,
  campaign: Campaign,
  localDate: string,
): void {
  const eligibility = services.featured.eligibility(stored, campaign, localDate);
  if (eligibility.eligible) return;
  const why = WHY[eligibility.reason](services, stored, campaign, localDate);
  throw new UserError(
    `Cannot spotlight ${stored.profile.displayName} on ${formatPartialDate(localDate)}: ${why}. Nothing was scheduled.`,
    "PROFILE_NOT_AVAILABLE",
  );
}
