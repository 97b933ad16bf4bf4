/**
 * The default campaign: the sample stands in only while it is the only campaign. Once an operator imports
 * a campaign of their own, /subscribe without a campaign, /help and an unsubscribed channel's /today use
 * it, without anyone editing the sample.
 */
import { describe, expect, it } from "vitest";
import { defaultCampaign, SAMPLE_CAMPAIGN_ID } from "../../../src/services/default-campaign.ts";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const asModerator = { moderator: true } as const;
/** A profile of one's own campaign that may be featured on the bot's date (24 November 2026). */
const ownPerson = {
  id: "own-person",
  name: "Own Person",
  change: (p: { lastVerifiedAt: string }) => {
    p.lastVerifiedAt = "2026-11-20";
  },
};

describe("the default campaign", () => {
  it("is the sample while it is the only campaign", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe", asModerator))).toContain("#FreeToBeHome");
    expect((await bot.repositories.subscriptions.list())[0]?.campaignId).toBe(SAMPLE_CAMPAIGN_ID);
  });

  it("is one's own campaign once it is imported beside the sample", async () => {
    const bot = await createTestBot();
    await importLiveCampaign(bot, "live-2026", [ownPerson]);

    expect((await bot.services.catalog.campaign())?.id).toBe("live-2026");
    expect(textOf(await bot.say("/today", { channel: "console:unsubscribed" }))).toBe("Own Person");
    await bot.say("/subscribe", asModerator);
    expect((await bot.repositories.subscriptions.list())[0]?.campaignId).toBe("live-2026");
  });

  it("is one's own even where an earlier version stored the sample marked as the default", async () => {
    const bot = await createTestBot();
    const [sample] = await bot.repositories.catalog.listCampaigns();
    await bot.repositories.catalog.importBundle(
      { campaigns: [{ ...sample!, isDefault: true }], profiles: [] },
      "old",
    );
    await importLiveCampaign(bot, "live-2026", [ownPerson]);

    expect((await bot.services.catalog.campaign())?.id).toBe("live-2026");
  });

  it("is none among several of one's own when none is marked: /subscribe asks for one", async () => {
    const bot = await createTestBot();
    await importLiveCampaign(bot, "live-a");
    await importLiveCampaign(bot, "live-b");
    expect(textOf(await bot.say("/subscribe", asModerator))).toBe(
      'No default campaign: name one. Campaigns: "free-to-be-home-2016" for #FreeToBeHome (2016), ' +
        '"live-a" for #FreeToBeHome (2016), "live-b" for #FreeToBeHome (2016).',
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it.each([
    [[{ id: SAMPLE_CAMPAIGN_ID, isDefault: false }], SAMPLE_CAMPAIGN_ID],
    [[{ id: "ours", isDefault: false }], "ours"],
    [
      [
        { id: SAMPLE_CAMPAIGN_ID, isDefault: false },
        { id: "ours", isDefault: false },
      ],
      "ours",
    ],
    [
      [
        { id: SAMPLE_CAMPAIGN_ID, isDefault: true },
        { id: "ours", isDefault: false },
      ],
      "ours",
    ],
    [
      [
        { id: SAMPLE_CAMPAIGN_ID, isDefault: false },
        { id: "a", isDefault: false },
        { id: "b", isDefault: true },
      ],
      "b",
    ],
    [
      [
        { id: SAMPLE_CAMPAIGN_ID, isDefault: false },
        { id: "a", isDefault: false },
        { id: "b", isDefault: false },
      ],
      undefined,
    ],
    [
      [
        { id: "a", isDefault: true },
        { id: "b", isDefault: false },
      ],
      "a",
    ],
    [[], undefined],
  ])("of %j is %s", (campaigns, expected) => {
    expect(defaultCampaign(campaigns)?.id).toBe(expected);
  });
});
