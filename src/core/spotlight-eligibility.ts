/**
 * Refuses a spotlight the daily post would never show (released, stale, consent withdrawn, taken down),
 * when it is set, by the same rule the delivery applies on the day; otherwise the moderator is told
 * "scheduled" and the spotlight is dropped later.
 */
import { UserError, type Text } from "./errors.ts";
import type { Translator } from "./i18n/translator.ts";
import type { StoredProfile } from "./ports/catalog.ts";
import type { Campaign } from "./profile.ts";
import type { BotServices, IneligibleReason } from "./services.ts";
import { statusOf } from "./card-status.ts";

interface Asker {
  services: Pick<BotServices, "featured" | "presenter">;
  tr: Translator;
}

/**
 * What each reason means for the moderator, in the card's words (the eligibility's own detail is written
 * for curators, with status codes and campaign ids); never which relative withdrew consent or who took a
 * profile down.
 */
const WHY: Record<
  IneligibleReason,
  (asker: Asker, stored: StoredProfile, campaign: Campaign, localDate: string) => Text
> = {
  other_campaign: (_asker, _stored, campaign) => ({
    key: "schedule.ineligibleOtherCampaign",
    values: { campaign: campaign.name },
  }),
  taken_down: () => ({ key: "schedule.ineligibleTakenDown" }),
  withheld: () => ({ key: "schedule.ineligibleWithheld" }),
  consent_withdrawn: () => ({ key: "schedule.ineligibleConsent" }),
  status: ({ services, tr }, stored, campaign, localDate) => {
    const card = services.presenter.card(stored, campaign, localDate, tr);
    return { key: "schedule.ineligibleStatus", values: { status: statusOf(card), asOf: card.statusAsOf } };
  },
  stale: ({ tr }, stored) => ({
    key: "schedule.ineligibleStale",
    values: { verified: tr.date(stored.profile.lastVerifiedAt) },
  }),
};

export function assertSpotlightable(
  asker: Asker,
  stored: StoredProfile,
  campaign: Campaign,
  localDate: string,
): void {
  const eligibility = asker.services.featured.eligibility(stored, campaign, localDate);
  if (eligibility.eligible) return;
  const why = WHY[eligibility.reason](asker, stored, campaign, localDate);
  const values = { ...why.values, name: stored.profile.displayName, date: asker.tr.date(localDate) };
  throw new UserError({ key: why.key, values }, "PROFILE_NOT_AVAILABLE");
}
