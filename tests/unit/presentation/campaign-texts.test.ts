/**
 * The campaign's own texts in the reader's language (issue 15, item 5): the translation for that language
 * where the campaign's setting lets posts use it, else the campaign's words as written; a translation that
 * lacks a text leaves it as written. A Persian card and share kit then carry the Persian words.
 */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { type Campaign, type CampaignInput, campaignSchema } from "../../../src/core/profile.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { campaignTexts, localizedCampaign } from "../../../src/presentation/campaign-texts.ts";
import { buildShareKit, shareMessage } from "../../../src/presentation/share.ts";
import { campaign2016, ilgarMammadov } from "./profiles.ts";

const DRAFT = "machine-assisted draft (FreeToBeHome developers)";
const NOTE = "Sources were compiled for the sample data and have not been re-read since.";
const FA = {
  language: "fa",
  reviewed: false,
  translator: DRAFT,
  shareText: "{name} و خانواده‌اش هنوز منتظرند که دوباره کنار هم باشند.",
  historicalNote: "منابع برای داده‌های نمونه گردآوری شده‌اند و از آن زمان دوباره بازبینی نشده‌اند.",
} as const;
const ES = {
  language: "es",
  reviewed: true,
  translator: "Ana Pérez",
  name: "#FreeToBeHome (2016), en español",
  description: "Una historia al día.",
} as const;

function campaign(overrides: Partial<CampaignInput> = {}): Campaign {
  return campaignSchema.parse({
    ...campaign2016,
    historical: { asOf: "2016-12", note: NOTE },
    textTranslations: [FA, ES],
    ...overrides,
  });
}

describe("campaignTexts", () => {
  it("gives the translation into the reader's language, with who made it and whether it was reviewed", () => {
    const chosen = campaignTexts(campaign(), "fa");
    expect(chosen).toMatchObject({ language: "fa", reviewed: false, translator: DRAFT, fallback: false });
    expect(chosen.texts.shareText).toBe(FA.shareText);
    expect(chosen.texts.historicalNote).toBe(FA.historicalNote);
  });

  it("leaves what a translation lacks as written, and says which texts those are", () => {
    const chosen = campaignTexts(campaign(), "es");
    expect(chosen.texts).toEqual({
      name: ES.name,
      description: ES.description,
      shareText: campaign2016.shareText,
      historicalNote: NOTE,
    });
    expect(chosen.untranslated).toEqual(["shareText", "historicalNote"]);
    expect(chosen.reviewed).toBe(true);
  });

  it("falls back to the campaign's own words where it has no translation, and for its source language", () => {
    const own = {
      name: campaign2016.name,
      description: campaign2016.description,
      shareText: campaign2016.shareText,
    };
    expect(campaignTexts(campaign(), "ru")).toMatchObject({
      texts: { ...own, historicalNote: NOTE },
      language: "en",
      fallback: true,
      fallbackReason: "missing",
    });
    expect(campaignTexts(campaign(), "en")).toMatchObject({ texts: own, fallback: false, reviewed: true });
    expect(campaignTexts(campaign(), "qps-ploc").fallback).toBe(true);
    expect(campaignTexts(campaign2016, "fa")).toMatchObject({ texts: own, fallbackReason: "missing" });
  });

  it("leaves unreviewed translations out when the campaign allows only reviewed ones", () => {
    const strict = campaign({ translations: "reviewed-only" });
    expect(campaignTexts(strict, "fa")).toMatchObject({
      fallback: true,
      fallbackReason: "unreviewed",
      texts: { shareText: campaign2016.shareText },
    });
    expect(campaignTexts(strict, "es")).toMatchObject({ fallback: false, texts: { name: ES.name } });
  });

  it("uses the source language the campaign names, never translating into it", () => {
    const spanish = campaign({ sourceLanguage: "es", textTranslations: [FA] });
    expect(campaignTexts(spanish, "es")).toMatchObject({ fallback: false, language: "es" });
    expect(campaignTexts(spanish, "en")).toMatchObject({ fallback: true, language: "es" });
  });

  it("changes only the texts: hashtag, link and dates stay the campaign's", () => {
    const shown = localizedCampaign(campaign(), "fa");
    expect(shown).toEqual({
      ...campaign(),
      shareText: FA.shareText,
      historical: { asOf: "2016-12", note: FA.historicalNote },
    });
  });
});

describe("a Persian card and share kit", () => {
  it("carry the campaign's Persian share text and historical note", () => {
    const fa = translatorFor("fa");
    const card = buildCard(ilgarMammadov(), campaign(), undefined, fa);
    expect(card.notice).toContain(FA.historicalNote);
    expect(card.notice).not.toContain(NOTE);
    const kit = buildShareKit(ilgarMammadov(), campaign(), fa);
    expect(kit.text).toContain("و خانواده‌اش هنوز منتظرند");
    expect(kit.text).toContain("#FreeToBeHome");
    expect(shareMessage(ilgarMammadov(), campaign(), fa)).not.toContain("still waiting");
  });

  it("stay in the campaign's own words in a language it has no translation into", () => {
    const card = buildCard(ilgarMammadov(), campaign(), undefined, translatorFor("ru"));
    expect(card.notice).toContain(NOTE);
    expect(buildShareKit(ilgarMammadov(), campaign(), translatorFor("ru")).text).toContain("still waiting");
  });

  it("say when the campaign's words are an unreviewed translation, once when one translator made both", () => {
    const fa = translatorFor("fa");
    const campaignNote = (translator: string) =>
      fa.t("card.noticeUnreviewedCampaignTranslation", { translator });
    // The sample profile has no Persian translation: its texts fall back, the campaign's are a draft.
    expect(buildCard(ilgarMammadov(), campaign(), undefined, fa).notice).toContain(campaignNote(DRAFT));
    // Profile and campaign drafted by the same hand: the profile's line already says it.
    const drafted = {
      ...ilgarMammadov(),
      translations: [{ language: "fa", reviewed: false, translator: DRAFT, summary: "خلاصه" }],
    } as unknown as ReturnType<typeof ilgarMammadov>;
    const both = buildCard(drafted, campaign(), undefined, fa).notice ?? "";
    expect(both).not.toContain(campaignNote(DRAFT));
    expect(both).toContain(fa.t("card.noticeUnreviewedTranslation", { translator: DRAFT }));
    // A reviewed campaign translation, or none, says nothing of the kind.
    const es = translatorFor("es");
    expect(buildCard(ilgarMammadov(), campaign(), undefined, es).notice ?? "").not.toContain(
      es.t("card.noticeUnreviewedCampaignTranslation", { translator: ES.translator }),
    );
  });

  it("show a reviewed translation's campaign name on the card", () => {
    const card = buildCard(ilgarMammadov(), campaign(), undefined, translatorFor("es"));
    expect(card.campaign.name).toBe(ES.name);
  });
});
