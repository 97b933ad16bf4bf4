/**
 * /help sends corrections to the campaign's corrections contact (by default a live campaign's own site)
 * and problems with the bot to the operator's SUPPORT_URL; never to a past campaign's archived post, and
 * never to an address nobody set: without one, to the community's moderators.
 */
import { describe, expect, it } from "vitest";
import { contactLines, correctionsContact } from "../../../src/core/corrections.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { type Campaign, campaignSchema } from "../../../src/core/profile.ts";
import { campaignInput } from "../../fixtures/profiles.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const ASK_MODERATORS = "ask this community's moderators, who can reach the people who run this bot";
const SAMPLE_POST =
  "https://medium.com/foggy-bottom/launch-of-freetobehome-political-prisoner-campaign-e25e8e72d541";

async function helpWith(change: (campaign: Campaign) => Campaign): Promise<string> {
  const bot = await createTestBot();
  const sample = await bot.services.catalog.campaign();
  if (!sample) throw new Error("no default campaign");
  await bot.repositories.catalog.importBundle({ campaigns: [change(sample)], profiles: [] }, "test");
  return textOf(await bot.say("/help"));
}

describe("/help's contacts", () => {
  it("sends the sample (a past campaign) to the moderators, not to its 2016 post", async () => {
    const help = textOf(await (await createTestBot()).say("/help"));
    expect(help.split("\n").at(-1)).toBe(
      `Corrections, takedown requests and problems with the bot: ${ASK_MODERATORS}.`,
    );
    expect(help).not.toContain(SAMPLE_POST);
  });

  it("names the campaign's corrections contact, then where problems with the bot go", async () => {
    const help = await helpWith((c) => ({ ...c, correctionsContact: "corrections@example.org" }));
    expect(help.split("\n").slice(-2)).toEqual([
      "Corrections and takedown requests: corrections@example.org",
      `Problems with the bot itself: ${ASK_MODERATORS}`,
    ]);
  });

  it("sends problems with the bot, and corrections nobody else takes, to the operator's SUPPORT_URL", () => {
    const support = "https://support.example.org/bot";
    expect(contactLines(undefined, support)).toEqual([
      `Corrections and takedown requests: ${support}`,
      `Problems with the bot itself: ${support}`,
    ]);
    const own = { ...campaignSchema.parse(campaignInput), correctionsContact: "fix@example.org" };
    expect(contactLines(own, support)).toEqual([
      "Corrections and takedown requests: fix@example.org",
      `Problems with the bot itself: ${support}`,
    ]);
  });

  it("says the contacts in the reader's language, addresses unchanged", () => {
    const fa = translatorFor("fa");
    expect(contactLines(undefined, undefined, fa)).toEqual([
      "اصلاحات، درخواست‌های حذف و مشکلات بات: از مدیران این جامعه بپرسید؛ آن‌ها می‌توانند با گردانندگان این بات تماس بگیرند.",
    ]);
    const [corrections] = contactLines(undefined, "https://support.example.org/bot", translatorFor("es"));
    expect(corrections).toBe("Correcciones y solicitudes de retirada: https://support.example.org/bot");
  });

  it("falls back to a live campaign's own site", async () => {
    const { historical: _past, ...live } = (await (await createTestBot()).services.catalog.campaign())!;
    expect(correctionsContact({ ...live, url: "https://campaign.example.org/" })).toBe(
      "https://campaign.example.org/",
    );
    const help = await helpWith(({ historical: _h, ...c }) => ({
      ...c,
      url: "https://campaign.example.org/",
    }));
    expect(help).toContain("Corrections and takedown requests: https://campaign.example.org/");
    expect(correctionsContact(undefined)).toBeUndefined();
  });
});

describe("the correctionsContact setting", () => {
  const base = campaignInput;
  it("takes an e-mail address or an http(s) URL", () => {
    for (const contact of ["corrections@example.org", "https://example.org/corrections"])
      expect(campaignSchema.parse({ ...base, correctionsContact: contact }).correctionsContact).toBe(contact);
  });

  it("refuses anything else, saying what is allowed", () => {
    for (const contact of ["call Ana", "ftp://example.org/", "a@b"]) {
      const result = campaignSchema.safeParse({ ...base, correctionsContact: contact });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        "expected an e-mail address (corrections@example.org) or an http or https URL",
      );
    }
  });
});
