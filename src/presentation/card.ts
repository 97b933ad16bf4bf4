/**
 * A profile as shown on every platform: only what consent and safety allow, in the bot's neutral words,
 * with the sources of exactly what it shows and the date its status is known as of.
 */
import type { Staleness } from "../core/freshness.ts";
import { english, type Translator } from "../core/i18n/translator.ts";
import { type Campaign, currentDetention, type Profile } from "../core/profile.ts";
import type { Card, CardSource } from "../core/reply.ts";
import { withTexts } from "./localized-profile.ts";
import { type TranslatedTexts, translatedTexts } from "./translated.ts";
import { type ChosenCampaignTexts, campaignTexts, localizedCampaign } from "./campaign-texts.ts";
import { findMember, firstQuotable, referTo, storyAllowed } from "./consent.ts";
import { detentionFields } from "./fields.ts";
import { dated } from "./grammar.ts";
import { countryName, relationshipWithPronoun } from "./wording.ts";

/** Country, then names in other scripts or spellings that people may know the person by. */
function subtitle(profile: Profile, tr: Translator): string {
  const others = profile.names
    .filter((n) => n.kind === "native" && n.value !== profile.displayName)
    .map((n) => n.value);
  return [countryName(profile.country, tr), ...new Set(others)].join(" · ");
}

/**
 * Said right after the name. A past campaign's status is old news and readers must not take it for today's;
 * an unconfirmed record is marked the way CPJ marks its census. The date the status is as of is the card's
 * own line (`statusAsOf`), which every card shows once: the notice points at it and does not repeat it.
 */
function notice(
  profile: Profile,
  campaign: Campaign,
  stale: Staleness | undefined,
  tr: Translator,
  texts: TranslatedTexts,
  campaignWords: ChosenCampaignTexts,
): string | undefined {
  const parts: string[] = [];
  // Which language the profile's own texts are in, when not the reader's, and whether anyone checked them.
  if (texts.fallback) {
    const key =
      texts.fallbackReason === "unreviewed" ? "card.noticeNoReviewedTranslation" : "card.noticeUntranslated";
    parts.push(
      tr.t(key, { wanted: tr.languageName(tr.language.tag), source: tr.languageName(texts.language) }),
    );
  } else if (!texts.reviewed && texts.translator) {
    parts.push(tr.t("card.noticeUnreviewedTranslation", { translator: texts.translator }));
  }
  // The campaign's words (its name, note, call to action) are translated apart from the profile's: say
  // so when nobody reviewed them, unless the line above already named the same translator.
  const saidAlready = !texts.fallback && !texts.reviewed && texts.translator === campaignWords.translator;
  if (!campaignWords.fallback && !campaignWords.reviewed && campaignWords.translator && !saidAlready) {
    parts.push(tr.t("card.noticeUnreviewedCampaignTranslation", { translator: campaignWords.translator }));
  }
  if (stale) {
    const date = tr.date(profile.lastVerifiedAt);
    parts.push(tr.t("card.noticeStale", { date, days: stale.limitDays }));
  }
  const past = campaign.historical;
  if (past) {
    parts.push(tr.t("card.noticePastCampaign", { hashtag: campaign.hashtag, ...dated(past.asOf, tr) }));
    if (past.note) parts.push(past.note);
  }
  if (profile.confidence === "unconfirmed") parts.push(tr.t("card.noticeUnconfirmed"));
  return parts.length > 0 ? parts.join(" ") : undefined;
}

function quote(profile: Profile, tr: Translator): { quote?: Card["quote"]; sourceIds: string[] } {
  const chosen = firstQuotable(profile);
  const speaker = chosen && findMember(profile, chosen.speaker);
  if (!chosen || !speaker) return { sourceIds: [] };
  const name = referTo(speaker, profile.gender, tr);
  const role = relationshipWithPronoun(speaker.relationship, profile.gender, tr);
  // A name alone leaves readers guessing who is speaking; the role says why the words matter.
  const attribution = name === role ? role : tr.t("card.quoteAttribution", { name, relative: role });
  return {
    quote: { text: chosen.text, attribution, isTranslation: chosen.isTranslation },
    sourceIds: [chosen.source],
  };
}

/** The cited sources, de-duplicated, in the order the profile lists them. */
function citedSources(profile: Profile, ids: ReadonlySet<string>): CardSource[] {
  return profile.sources
    .filter((s) => ids.has(s.id))
    .map((s) => ({ title: s.title, publisher: s.publisher, url: s.url }));
}

/**
 * `stale`: the profile's freshness as of today (see core/freshness.ts); a stale profile is never posted
 * on schedule, and a lookup of one says plainly that it may be out of date. `tr`: the reader's language for
 * the bot's own words; the profile's texts (summary, charges as reported, names, notes) stay as given.
 * `today`: the reader's local date (the channel's, or the post's), for the day count on the period line.
 */
export function buildCard(
  stored: Profile,
  campaign: Campaign,
  stale?: Staleness,
  tr: Translator = english,
  today?: string,
): Card {
  const texts = translatedTexts(stored, campaign, tr.language.tag);
  const profile = withTexts(stored, texts);
  // The campaign's own words (name, historical note) in the reader's language where it has them.
  const shownCampaign = localizedCampaign(campaign, tr.language.tag);
  const campaignWords = campaignTexts(campaign, tr.language.tag);
  const current = currentDetention(profile);
  const { fields, sourceIds } = detentionFields(profile, tr, today);
  const cited = new Set([...profile.summary.sources, ...sourceIds]);

  const card: Card = {
    profileId: profile.id,
    title: profile.displayName,
    subtitle: subtitle(profile, tr),
    summary: profile.summary.text,
    fields,
    sources: [],
    statusAsOf: tr.t("card.statusAsOf", dated(current.statusAsOf, tr)),
    hashtag: campaign.hashtag,
    campaign: { id: campaign.id, name: shownCampaign.name, url: campaign.url },
  };
  const said = notice(profile, shownCampaign, stale, tr, texts, campaignWords);
  if (said) card.notice = said;
  if (stale) card.stale = true;

  if (profile.familyStory && storyAllowed(profile)) {
    card.familyStory = profile.familyStory.text;
    for (const id of profile.familyStory.sources) cited.add(id);
  }
  const shown = quote(profile, tr);
  if (shown.quote) card.quote = shown.quote;
  for (const id of shown.sourceIds) cited.add(id);

  const photo = profile.photo;
  // The schema keeps a photo only with consent; checked again so a hand-edited record cannot slip one in.
  if (photo?.consent && photo.credit.trim() !== "") {
    card.photo = { url: photo.url, alt: photo.alt, credit: photo.credit };
  }
  card.sources = citedSources(profile, cited);
  return card;
}
