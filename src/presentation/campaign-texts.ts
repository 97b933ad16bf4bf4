/**
 * The campaign's own texts in the reader's language (issue 15, item 5), as translated.ts does for a
 * profile's: the campaign's translation into that language where it has one the campaign's setting lets
 * posts use ("reviewed-only" leaves unreviewed ones out), else the texts as written, in the campaign's
 * source language. A translation that lacks a text leaves that text as written. Pure: no I/O, no catalog.
 * Hashtag, link and dates are never translated.
 */
import type { AnyLanguageTag, LanguageTag } from "../core/i18n/languages.ts";
import type { Campaign } from "../core/profile.ts";
import { DEFAULT_TRANSLATION_MODE } from "../core/profile-translations.ts";
import { sourceLanguageOf } from "./translated.ts";

export interface CampaignTexts {
  name: string;
  description: string;
  /** {name} is replaced with the profile's name. */
  shareText: string;
  /** Present when the campaign has a historical note. */
  historicalNote?: string;
}

export interface ChosenCampaignTexts {
  texts: CampaignTexts;
  /** The language of the translation used, or the source language when none is. */
  language: LanguageTag;
  /** True for the campaign's own words and for a reviewed translation. */
  reviewed: boolean;
  /** Who translated; absent for the campaign's own words. */
  translator?: string;
  /** The language asked for had no translation posts may use: the texts are the source language's. */
  fallback: boolean;
  fallbackReason?: "missing" | "unreviewed";
  /** Texts shown as written although a translation was used (it lacks them). */
  untranslated: (keyof CampaignTexts)[];
}

type CampaignWithTexts = Pick<
  Campaign,
  "name" | "description" | "shareText" | "historical" | "sourceLanguage" | "translations" | "textTranslations"
>;

function ownTexts(campaign: CampaignWithTexts): CampaignTexts {
  const note = campaign.historical?.note;
  return {
    name: campaign.name,
    description: campaign.description,
    shareText: campaign.shareText,
    ...(note !== undefined ? { historicalNote: note } : {}),
  };
}

export function campaignTexts(campaign: CampaignWithTexts, language: AnyLanguageTag): ChosenCampaignTexts {
  const sourceLanguage = sourceLanguageOf(campaign);
  const own = ownTexts(campaign);
  const asWritten = { texts: own, language: sourceLanguage, reviewed: true, untranslated: [] };
  if (language === sourceLanguage) return { ...asWritten, fallback: false };

  const entry = campaign.textTranslations?.find((t) => t.language === language);
  if (!entry) return { ...asWritten, fallback: true, fallbackReason: "missing" };
  const mode = campaign.translations ?? DEFAULT_TRANSLATION_MODE;
  if (!entry.reviewed && mode === "reviewed-only") {
    return { ...asWritten, fallback: true, fallbackReason: "unreviewed" };
  }
  const texts: CampaignTexts = { ...own };
  const untranslated: (keyof CampaignTexts)[] = [];
  for (const key of Object.keys(own) as (keyof CampaignTexts)[]) {
    const translated = entry[key];
    if (translated !== undefined) texts[key] = translated;
    else untranslated.push(key);
  }
  return {
    texts,
    language: entry.language,
    reviewed: entry.reviewed,
    translator: entry.translator,
    fallback: false,
    untranslated,
  };
}

/** The campaign with its texts in the reader's language, so a card or share kit is built as from any. */
export function localizedCampaign<C extends CampaignWithTexts>(campaign: C, language: AnyLanguageTag): C {
  const { texts } = campaignTexts(campaign, language);
  return {
    ...campaign,
    name: texts.name,
    description: texts.description,
    shareText: texts.shareText,
    ...(campaign.historical && texts.historicalNote !== undefined
      ? { historical: { ...campaign.historical, note: texts.historicalNote } }
      : {}),
  };
}
