/** Which campaign /subscribe means, and the error naming the word when it is no campaign at all. */
import { UserError } from "../src/core/errors.ts";
import type { Translator } from "../src/core/i18n/translator.ts";
import type { Campaign } from "../src/core/profile.ts";
import type { ProfileCatalog, Subscription } from "../src/core/services.ts";
import { zoneOfCity } from "./arguments.ts";

interface CampaignArgs {
  campaign?: string | undefined;
  zoneOrCampaign?: string | undefined;
}

/**
 * The campaign named, else the one this channel already follows (running /subscribe again only changes
 * what was given), else the default. `wordWasCampaign`: a word read as a zone named a campaign instead.
 */
export async function chooseCampaign(
  catalog: ProfileCatalog,
  args: CampaignArgs,
  existing: Subscription | undefined,
  tr: Translator,
): Promise<{ campaign: Campaign; wordWasCampaign: boolean }> {
  const campaigns = await catalog.campaigns();
  const namedLikeZone = campaigns.find((c) => c.id === args.zoneOrCampaign);
  const wanted = args.campaign ?? namedLikeZone?.id ?? existing?.campaignId;
  const campaign = await catalog.campaign(wanted);
  if (campaign) return { campaign, wordWasCampaign: !args.campaign && namedLikeZone !== undefined };

  // Each campaign by its name, with the word to type for it.
  // The list is made in the reader's language here: a UserError's values are formatted, not translated.
  const items = campaigns.map((c) => tr.t("subscribe.campaignItem", { id: c.id, name: c.name }));
  const known = items.length > 0 ? tr.list(items, "unit") : tr.t("subscribe.noCampaigns");
  if (args.campaign === undefined) {
    throw new UserError(
      wanted === undefined
        ? { key: "subscribe.noDefaultCampaign", values: { campaigns: known } }
        : { key: "subscribe.noCampaignNamed", values: { campaign: wanted, campaigns: known } },
      "CAMPAIGN_NOT_FOUND",
    );
  }
  const city = zoneOfCity(args.campaign);
  const word = args.campaign;
  throw new UserError(
    city
      ? { key: "subscribe.unknownWordCity", values: { word, campaigns: known, zone: city } }
      : { key: "subscribe.unknownWord", values: { word, campaigns: known } },
    "CAMPAIGN_NOT_FOUND",
  );
}
