/** Which campaign /subscribe means, and the error naming the word when it is no campaign at all. */
import { UserError } from "../src/core/errors.ts";
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
): Promise<{ campaign: Campaign; wordWasCampaign: boolean }> {
  const campaigns = await catalog.campaigns();
  const namedLikeZone = campaigns.find((c) => c.id === args.zoneOrCampaign);
  const wanted = args.campaign ?? namedLikeZone?.id ?? existing?.campaignId;
  const campaign = await catalog.campaign(wanted);
  if (campaign) return { campaign, wordWasCampaign: !args.campaign && namedLikeZone !== undefined };

  // Each campaign by its name, with the word to type for it.
  const known = campaigns.map((c) => `"${c.id}" for ${c.name}`).join(", ") || "none imported yet";
  if (args.campaign === undefined) {
    const which = wanted === undefined ? "No default campaign" : `No campaign "${wanted}"`;
    throw new UserError(`${which}: name one. Campaigns: ${known}.`, "CAMPAIGN_NOT_FOUND");
  }
  const city = zoneOfCity(args.campaign);
  throw new UserError(
    `"${args.campaign}" is not a known campaign, time zone or time. Campaigns: ${known}. ` +
      (city ? `For the time zone, use ${city}. ` : "Time zones are IANA names such as Asia/Baku. ") +
      "Times are HH:MM, e.g. 09:00.",
    "CAMPAIGN_NOT_FOUND",
  );
}
