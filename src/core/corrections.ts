/**
 * Where people are sent to correct a profile or ask for a takedown, and where problems with the bot go.
 * The campaign answers for its profiles; the bot's operator (SUPPORT_URL) for the bot. Neither is made
 * up: without them, people are sent to the community's moderators, who know who runs the bot.
 */
import { english, type Translator } from "./i18n/translator.ts";
import type { Campaign } from "./profile.ts";

/**
 * The campaign's `correctionsContact`, else its own site while it runs. A past campaign's site is an
 * archive (the sample's is a 2016 blog post) that takes no corrections: there, undefined.
 */
export function correctionsContact(campaign: Campaign | undefined): string | undefined {
  if (campaign?.correctionsContact) return campaign.correctionsContact;
  if (campaign && !campaign.historical) return campaign.url;
  return undefined;
}

/** The closing lines of /help in the reader's language: corrections, then problems with the bot. */
export function contactLines(
  campaign: Campaign | undefined,
  supportUrl: string | undefined,
  tr: Translator = english,
): string[] {
  const corrections = correctionsContact(campaign) ?? supportUrl;
  if (!corrections) return [tr.t("menu.helpContact.askModeratorsForAll")];
  return [
    tr.t("menu.helpContact.corrections", { contact: corrections }),
    supportUrl
      ? tr.t("menu.helpContact.problems", { contact: supportUrl })
      : tr.t("menu.helpContact.problemsToModerators"),
  ];
}
