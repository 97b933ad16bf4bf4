/**
 * The profile's own texts in the reader's language (issue 15, item 5): the translation for that language
 * where the profile has one the campaign lets posts use, else the texts as written, in the campaign's
 * source language, marked as a fallback. Pure: no I/O, no catalog; the card says what the result means.
 *
 * How the card should use it (the lead wires it into card.ts; the wording lives in the card's catalogs):
 * - `fallback: true`: the texts are in `language` (the source language), not the one asked for. The card
 *   says so once, in the reader's language, above the summary, naming both languages in the reader's
 *   language, e.g. "This profile is not yet translated into Persian; its texts are in English." Mark the
 *   source-language block with its language (`lang`/dir) and isolate it (U+2068/U+2069) in RTL replies.
 * - `reviewed: false`: a translation nobody fluent has checked. The card says, in the reader's language,
 *   "Translation not yet reviewed ({translator})", next to the summary and never left out: readers must
 *   know a machine-assisted draft may be wrong. A reviewed translation may still credit its translator.
 * - `untranslated`: texts the translation lacks, shown as written (e.g. a charge label in English). Mark
 *   each such text's language as for a fallback; do not repeat the fallback sentence for each.
 * - `quotes[i].translated`: the quote's words are a translation: show it as one (Card.quote.isTranslation).
 * - The family story still needs consent (consent.ts storyAllowed): a translation never widens what shows.
 */
import type { AnyLanguageTag, LanguageTag } from "../core/i18n/languages.ts";
import { type Campaign, currentDetention, type Profile } from "../core/profile.ts";
import {
  DEFAULT_SOURCE_LANGUAGE,
  DEFAULT_TRANSLATION_MODE,
  type ProfileTranslation,
} from "../core/profile-translations.ts";

export type TranslatableField = "familyStory" | "charges" | "detentionNotes" | "quotes";

export interface DetentionNotes {
  arrestDateNote?: string;
  releaseNote?: string;
  note?: string;
}

export interface ProfileTexts {
  summary: string;
  /** Present when the profile has a family story (whether it may be shown is consent's to decide). */
  familyStory?: string;
  /** The current detention's charge labels, in its order. */
  charges: string[];
  /** The current detention's notes that it has. */
  detentionNotes: DetentionNotes;
  /** Aligned with `profile.quotes`; `translated` when the words are a translation from this entry. */
  quotes: { text: string; translated: boolean }[];
}

export interface TranslatedTexts {
  texts: ProfileTexts;
  /** The language `texts.summary` is in: the one asked for, or the source language on a fallback. */
  language: LanguageTag;
  /** True for the source texts (the campaign's own words) and for a reviewed translation. */
  reviewed: boolean;
  /** Who translated; absent for the source texts. */
  translator?: string;
  /** Where a published translation came from. */
  source?: string;
  /** The language asked for had no translation posts may use: the texts are the source language's. */
  fallback: boolean;
  /** Why a fallback: the profile has none in that language, or only an unreviewed one and reviewed-only. */
  fallbackReason?: "missing" | "unreviewed";
  /** Texts shown in the source language although a translation was used (it lacks them). */
  untranslated: TranslatableField[];
}

export function sourceLanguageOf(campaign: Pick<Campaign, "sourceLanguage">): LanguageTag {
  return campaign.sourceLanguage ?? DEFAULT_SOURCE_LANGUAGE;
}

function sourceTexts(profile: Profile): ProfileTexts {
  const current = currentDetention(profile);
  const notes: DetentionNotes = {};
  if (current.arrestDateNote !== undefined) notes.arrestDateNote = current.arrestDateNote;
  if (current.release?.note !== undefined) notes.releaseNote = current.release.note;
  if (current.note !== undefined) notes.note = current.note;
  return {
    summary: profile.summary.text,
    ...(profile.familyStory ? { familyStory: profile.familyStory.text } : {}),
    charges: current.charges.map((c) => c.label),
    detentionNotes: notes,
    quotes: profile.quotes.map((q) => ({ text: q.text, translated: false })),
  };
}

/** The source texts with the translation's where it gives them; the rest listed as untranslated. */
function overlay(
  base: ProfileTexts,
  t: ProfileTranslation,
): { texts: ProfileTexts; untranslated: TranslatableField[] } {
  const untranslated: TranslatableField[] = [];
  const texts: ProfileTexts = { ...base, summary: t.summary };
  if (base.familyStory !== undefined) {
    if (t.familyStory !== undefined) texts.familyStory = t.familyStory;
    else untranslated.push("familyStory");
  }
  // The schema requires one label per charge; a record edited by hand that breaks it shows the source's.
  if (base.charges.length > 0) {
    if (t.charges?.length === base.charges.length) texts.charges = t.charges.map((c) => c.label);
    else untranslated.push("charges");
  }
  const notes = { ...base.detentionNotes };
  let notesMissing = false;
  for (const key of Object.keys(notes) as (keyof DetentionNotes)[]) {
    const translated = t.detentionNotes?.[key];
    if (translated !== undefined) notes[key] = translated;
    else notesMissing = true;
  }
  texts.detentionNotes = notes;
  if (notesMissing) untranslated.push("detentionNotes");
  const byIndex = new Map((t.quotes ?? []).map((q) => [q.index, q.text]));
  texts.quotes = base.quotes.map((q, i) => {
    const translated = byIndex.get(i);
    return translated === undefined ? q : { text: translated, translated: true };
  });
  if (texts.quotes.some((q) => !q.translated)) untranslated.push("quotes");
  return { texts, untranslated };
}

/**
 * The texts to show a reader of `language`. The campaign's `translations: "reviewed-only"` leaves
 * unreviewed translations out; a translation into the source language itself is never used (the import
 * refuses one), nor is any for the pseudo-language, which only tests the catalogs.
 */
export function translatedTexts(
  profile: Profile,
  campaign: Pick<Campaign, "sourceLanguage" | "translations">,
  language: AnyLanguageTag,
): TranslatedTexts {
  const sourceLanguage = sourceLanguageOf(campaign);
  const base = sourceTexts(profile);
  const asWritten = { texts: base, language: sourceLanguage, reviewed: true, untranslated: [] };
  if (language === sourceLanguage) return { ...asWritten, fallback: false };

  const entry = profile.translations?.find((t) => t.language === language);
  const mode = campaign.translations ?? DEFAULT_TRANSLATION_MODE;
  if (!entry) return { ...asWritten, fallback: true, fallbackReason: "missing" };
  if (!entry.reviewed && mode === "reviewed-only") {
    return { ...asWritten, fallback: true, fallbackReason: "unreviewed" };
  }
  const { texts, untranslated } = overlay(base, entry);
  return {
    texts,
    language: entry.language,
    reviewed: entry.reviewed,
    translator: entry.translator,
    ...(entry.source !== undefined ? { source: entry.source } : {}),
    fallback: false,
    untranslated,
  };
}
