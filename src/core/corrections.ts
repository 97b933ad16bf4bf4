/**
 * Where people are sent to correct a profile or report a problem with the bot. The project's issue page
 * lives here and only here.
 */
import type { Campaign } from "./profile.ts";

/** The FreeToBeHome project's public issue tracker: problems with the bot itself. */
export const PROJECT_ISSUES_URL = "https://github.com/freetobehome/freetobehome/issues";

/**
 * The campaign's `correctionsContact`, else its own site while it runs. A past campaign's site is an
 * archive (the sample's is a 2016 blog post) that takes no corrections, so there, and with no campaign at
 * all, corrections go to the project's issue page.
 */
export function correctionsContact(campaign: Campaign | undefined): string {
  if (campaign?.correctionsContact) return campaign.correctionsContact;
  if (campaign && !campaign.historical) return campaign.url;
  return PROJECT_ISSUES_URL;
}
