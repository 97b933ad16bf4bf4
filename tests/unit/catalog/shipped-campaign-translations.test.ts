/**
 * The sample campaign's own texts in every shipped language (issue 15, item 5): unreviewed drafts, one per
 * language, keeping the hashtag, the {name} placeholder and every year; a Persian card and share kit of the
 * sample then carry the Persian share text and historical note.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Campaign, Profile } from "../../../src/core/profile.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { buildShareKit } from "../../../src/presentation/share.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));
const OTHER_LANGUAGES = LANGUAGE_TAGS.filter((t) => t !== "en");

let campaign: Campaign;
let profiles: Profile[];
beforeAll(async () => {
  const read = await readImportFiles([DATA]);
  expect(read.problems).toEqual([]);
  expect(read.campaigns).toHaveLength(1);
  campaign = read.campaigns[0]!;
  profiles = read.profiles;
});

function westernDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)));
}
const years = (text: string) =>
  [...westernDigits(text).matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => m[0]).sort();

describe("the sample campaign's translations", () => {
  it("give its texts in each shipped language but English, once each, marked as unreviewed drafts", () => {
    const translations = campaign.textTranslations ?? [];
    expect(translations.map((t) => t.language)).toEqual(OTHER_LANGUAGES);
    for (const t of translations) {
      expect(t.reviewed, t.language).toBe(false);
      expect(t.translator).toBe("machine-assisted draft (FreeToBeHome developers)");
    }
  });

  it("translate the share text, description and note, keeping the hashtag, {name} and every year", () => {
    for (const t of campaign.textTranslations ?? []) {
      expect(t.shareText, t.language).toContain("{name}");
      expect(t.shareText, t.language).toMatch(/(?<![\p{L}\p{N}_])#FreeToBeHome(?![\p{L}\p{N}_])/u);
      expect(years(t.shareText ?? ""), t.language).toEqual(years(campaign.shareText));
      expect(years(t.description ?? ""), t.language).toEqual(years(campaign.description));
      expect(t.historicalNote, t.language).toBeDefined();
      expect(t.shareText).not.toBe(campaign.shareText);
    }
  });
});

describe("a card and share kit of the sample", () => {
  it("in Persian carry the campaign's Persian share text and historical note", () => {
    const fa = translatorFor("fa");
    const persian = campaign.textTranslations?.find((t) => t.language === "fa");
    const profile = profiles[0]!;
    const card = buildCard(profile, campaign, undefined, fa);
    expect(card.notice).toContain(persian?.historicalNote);
    expect(card.notice).not.toContain(campaign.historical?.note);
    const kit = buildShareKit(profile, campaign, fa);
    const [before] = (persian?.shareText ?? "").split("{name}").slice(1);
    expect(kit.text).toContain(before?.trim().split(" #")[0]);
    expect(kit.text).not.toContain("was one of ten people");
  });

  it("in English are as written", () => {
    const profile = profiles[0]!;
    expect(buildCard(profile, campaign, undefined, english).notice).toContain(campaign.historical?.note);
    expect(buildShareKit(profile, campaign).text).toContain(
      `${profile.displayName} was one of ten people profiled by the #FreeToBeHome campaign`,
    );
  });
});
