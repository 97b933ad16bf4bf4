/** Maps a Campaign to its row and back; absent optional fields stay absent (never null). */
import type { Campaign } from "../../src/core/profile.ts";
import type { campaigns } from "../schema/index.ts";
import { orderedCampaignTranslations } from "./translation-rows.ts";
import { orderedAction } from "../../src/core/profile-actions.ts";

export type CampaignRow = Omit<typeof campaigns.$inferInsert, "createdAt" | "updatedAt">;

export function toCampaignRow(campaign: Campaign): CampaignRow {
  return {
    id: campaign.id,
    name: campaign.name,
    hashtag: campaign.hashtag,
    description: campaign.description,
    url: campaign.url,
    profileUrl: campaign.profileUrl ?? null,
    shareText: campaign.shareText,
    historical: campaign.historical ?? null,
    featuredStatuses: campaign.featuredStatuses ?? null,
    // The column kept its first name; the setting is named for what it is for.
    contact: campaign.correctionsContact ?? null,
    sourceLanguage: campaign.sourceLanguage ?? null,
    translationMode: campaign.translations ?? null,
    textTranslations: campaign.textTranslations ?? null,
    actions: campaign.actions ?? null,
    isDefault: campaign.isDefault,
  };
}

export function fromCampaignRow(row: typeof campaigns.$inferSelect): Campaign {
  return {
    id: row.id,
    name: row.name,
    hashtag: row.hashtag,
    description: row.description,
    url: row.url,
    ...(row.profileUrl === null ? {} : { profileUrl: row.profileUrl }),
    shareText: row.shareText,
    ...(row.historical === null ? {} : { historical: row.historical }),
    ...(row.featuredStatuses === null ? {} : { featuredStatuses: row.featuredStatuses }),
    ...(row.contact === null ? {} : { correctionsContact: row.contact }),
    ...(row.sourceLanguage === null ? {} : { sourceLanguage: row.sourceLanguage }),
    ...(row.translationMode === null ? {} : { translations: row.translationMode }),
    // jsonb keeps keys shortest first: read back in the schema's order so an export reads as imported.
    ...(row.textTranslations === null
      ? {}
      : { textTranslations: orderedCampaignTranslations(row.textTranslations) }),
    ...(row.actions === null ? {} : { actions: row.actions.map(orderedAction) }),
    isDefault: row.isDefault,
  };
}
