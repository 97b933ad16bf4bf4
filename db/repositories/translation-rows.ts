/**
 * A profile's translations (and a campaign's textTranslations) read back from jsonb in the schema's key order (jsonb keeps keys shortest
 * first), so an export of what was imported reads as it was written: see `ordered` in profile-rows.ts.
 */
import { type CampaignTranslation, campaignTranslationSchema } from "../../src/core/campaign-translations.ts";
import type { ProfileTranslation } from "../../src/core/profile-translations.ts";
import { profileTranslationSchema } from "../../src/core/profile-translations.ts";

const shape = profileTranslationSchema.shape;
const ORDER = {
  entry: Object.keys(shape),
  charge: Object.keys(shape.charges.unwrap().element.shape),
  notes: Object.keys(shape.detentionNotes.unwrap().shape),
  quote: Object.keys(shape.quotes.unwrap().element.shape),
  campaign: Object.keys(campaignTranslationSchema.shape),
};

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]])) as T;
}

export function orderedTranslations(translations: ProfileTranslation[]): ProfileTranslation[] {
  return translations.map((t) => {
    const entry = ordered(t, ORDER.entry);
    if (entry.charges) entry.charges = entry.charges.map((c) => ordered(c, ORDER.charge));
    if (entry.detentionNotes) entry.detentionNotes = ordered(entry.detentionNotes, ORDER.notes);
    if (entry.quotes) entry.quotes = entry.quotes.map((q) => ordered(q, ORDER.quote));
    return entry;
  });
}

/** A campaign's textTranslations, flat entries, in the schema's key order. */
export function orderedCampaignTranslations(translations: CampaignTranslation[]): CampaignTranslation[] {
  return translations.map((t) => ordered(t, ORDER.campaign));
}
