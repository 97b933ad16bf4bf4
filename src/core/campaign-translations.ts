/**
 * A campaign's own texts in other languages (issue 15, item 5): the words a card, a post or a share kit
 * shows from the campaign — its name, description, share text (the call to action that travels with a
 * post) and the historical note. Hashtag, link and dates stay the campaign's own. A list of entries, one
 * per language, each marked reviewed or not with who made it, as profile translations are
 * (profile-translations.ts). The field is `textTranslations`: the campaign's `translations` was already
 * its setting ("all" or "reviewed-only"), which applies to these texts too.
 */
import { z } from "zod";
import { LANGUAGE_TAGS, type LanguageTag } from "./i18n/languages.ts";
import { DEFAULT_SOURCE_LANGUAGE } from "./profile-translations.ts";

const text = z.string().trim().min(1, { error: "must not be empty" });
const webUrl = z
  .string()
  .url({ error: "expected an absolute URL" })
  .refine((u) => /^https?:\/\//i.test(u), { error: "expected an http or https URL" });

/** The texts a translation may give; limits as the campaign's own fields (profile.ts campaignSchema). */
export const CAMPAIGN_TRANSLATED_FIELDS = ["name", "description", "shareText", "historicalNote"] as const;
export type CampaignTranslatedField = (typeof CAMPAIGN_TRANSLATED_FIELDS)[number];

export const campaignTranslationSchema = z.strictObject({
  language: z.enum(LANGUAGE_TAGS),
  /** True only when a fluent person checked it against the source text. */
  reviewed: z.boolean(),
  /** A person's name, or "machine-assisted draft (…)" for a draft nobody has reviewed. */
  translator: text.max(200),
  /** Where a published translation was taken from. */
  source: webUrl.optional(),
  name: text.optional(),
  description: text.max(1000).optional(),
  /** As the campaign's shareText: {name} is replaced with the profile's name. */
  shareText: text.max(500).optional(),
  /** Translates `historical.note`. */
  historicalNote: text.optional(),
});
export type CampaignTranslation = z.infer<typeof campaignTranslationSchema>;

export const campaignTranslationsSchema = z.array(campaignTranslationSchema);

/** What of the campaign its translations are checked against. */
export interface CampaignTranslationSource {
  textTranslations?: readonly CampaignTranslation[];
  sourceLanguage?: LanguageTag;
  shareText: string;
  historical?: { note?: string };
}

type Issue = (path: (string | number)[], message: string) => void;

/**
 * One entry per language, none into the source language, at least one text each, nothing translated that
 * the campaign does not say, and a share text that keeps the {name} placeholder where the campaign's has it.
 */
export function checkCampaignTranslations(campaign: CampaignTranslationSource, issue: Issue): void {
  const source = campaign.sourceLanguage ?? DEFAULT_SOURCE_LANGUAGE;
  const first = new Map<string, number>();
  campaign.textTranslations?.forEach((t, i) => {
    const at = (field: string) => ["textTranslations", i, field];
    const earlier = first.get(t.language);
    if (earlier !== undefined) {
      issue(
        at("language"),
        `a second translation into "${t.language}": one entry per language ` +
          `(the first is textTranslations[${earlier}])`,
      );
    } else first.set(t.language, i);
    if (t.language === source) {
      issue(
        at("language"),
        `"${source}" is the campaign's source language, the language its own texts are in: translate ` +
          "into another language, or set the campaign's sourceLanguage",
      );
    }
    if (CAMPAIGN_TRANSLATED_FIELDS.every((f) => t[f] === undefined)) {
      issue(
        at("language"),
        `translates nothing: give at least one of ${CAMPAIGN_TRANSLATED_FIELDS.join(", ")}`,
      );
    }
    if (t.historicalNote !== undefined && campaign.historical?.note === undefined) {
      issue(
        at("historicalNote"),
        "translates historical.note, which the campaign does not have: add it first",
      );
    }
    if (
      t.shareText !== undefined &&
      campaign.shareText.includes("{name}") &&
      !t.shareText.includes("{name}")
    ) {
      issue(
        at("shareText"),
        "must contain {name} where the profile's name goes, as the campaign's shareText does",
      );
    }
  });
}
