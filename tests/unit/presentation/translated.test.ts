/** translatedTexts: which words a reader of each language gets, and what the card must say about them. */
import { describe, expect, it } from "vitest";
import { campaignSchema, type Campaign, type Profile, type ProfileInput } from "../../../src/core/profile.ts";
import { translatedTexts } from "../../../src/presentation/translated.ts";
import { campaign2016, ilgarMammadov } from "./profiles.ts";

const DRAFT = "machine-assisted draft (FreeToBeHome developers)";
const FR_SUMMARY =
  "Président du mouvement REAL, arrêté après des troubles à Ismayilli et condamné à sept ans.";
const ES_SUMMARY =
  "Presidente del movimiento REAL, detenido tras disturbios en Ismayilli y condenado a siete años.";

/** Mammadov with notes on his detention, a story about his wife, and the given translations. */
function withTranslations(
  translations: ProfileInput["translations"],
  more: Partial<ProfileInput> = {},
): Profile {
  const base = ilgarMammadov();
  const [detention] = base.detentions;
  return ilgarMammadov({
    detentions: [
      {
        ...detention!,
        arrestDateNote: "Arrested after unrest in Ismayilli.",
        release: { date: "2018-08-13", type: "conditional", note: "Two years' probation and a travel ban." },
      },
    ],
    familyStory: { text: "His wife speaks for him.", about: ["vafa"], sources: ["state-blog"] },
    translations,
    ...more,
  });
}

const campaign = (overrides: Partial<Campaign> = {}): Campaign =>
  campaignSchema.parse({ ...campaign2016, ...overrides });

describe("translatedTexts", () => {
  it("gives the profile's own texts, reviewed and no fallback, in the campaign's source language", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY },
    ]);
    const shown = translatedTexts(profile, campaign2016, "en");
    expect(shown).toEqual({
      texts: {
        summary: profile.summary.text,
        familyStory: "His wife speaks for him.",
        charges: ["organising mass riots"],
        detentionNotes: {
          arrestDateNote: "Arrested after unrest in Ismayilli.",
          releaseNote: "Two years' probation and a travel ban.",
        },
        quotes: [{ text: profile.quotes[0]!.text, translated: false }],
      },
      language: "en",
      reviewed: true,
      fallback: false,
      untranslated: [],
    });
    expect(shown.translator).toBeUndefined();
  });

  it("falls back to the source language, saying so, when the profile has no translation for the language", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY },
    ]);
    const shown = translatedTexts(profile, campaign2016, "fa");
    expect(shown).toMatchObject({
      language: "en",
      fallback: true,
      fallbackReason: "missing",
      reviewed: true,
    });
    expect(shown.texts.summary).toBe(profile.summary.text);
    // A profile without any translations at all behaves the same.
    expect(translatedTexts(ilgarMammadov(), campaign2016, "fa")).toMatchObject({
      language: "en",
      fallback: true,
      fallbackReason: "missing",
    });
  });

  it("uses an unreviewed translation by default and says it is unreviewed, with its translator", () => {
    const profile = withTranslations([
      {
        language: "fr",
        reviewed: false,
        translator: DRAFT,
        source: "https://example.org/fr",
        summary: FR_SUMMARY,
      },
    ]);
    const shown = translatedTexts(profile, campaign2016, "fr");
    expect(shown).toMatchObject({
      language: "fr",
      reviewed: false,
      translator: DRAFT,
      source: "https://example.org/fr",
      fallback: false,
    });
    expect(shown.texts.summary).toBe(FR_SUMMARY);
    expect(shown.fallbackReason).toBeUndefined();
  });

  it("keeps unreviewed translations out when the campaign says reviewed-only, and uses reviewed ones", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY },
      { language: "es", reviewed: true, translator: "Ana Pérez", summary: ES_SUMMARY },
    ]);
    const strict = campaign({ translations: "reviewed-only" });
    expect(translatedTexts(profile, strict, "fr")).toMatchObject({
      language: "en",
      fallback: true,
      fallbackReason: "unreviewed",
      texts: { summary: profile.summary.text },
    });
    expect(translatedTexts(profile, strict, "es")).toMatchObject({
      language: "es",
      reviewed: true,
      translator: "Ana Pérez",
      fallback: false,
      texts: { summary: ES_SUMMARY },
    });
    expect(translatedTexts(profile, campaign({ translations: "all" }), "fr").texts.summary).toBe(FR_SUMMARY);
  });

  it("lists the texts a translation lacks, which stay in the source language", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY },
    ]);
    const shown = translatedTexts(profile, campaign2016, "fr");
    expect(shown.untranslated).toEqual(["familyStory", "charges", "detentionNotes", "quotes"]);
    expect(shown.texts.charges).toEqual(["organising mass riots"]);
    expect(shown.texts.familyStory).toBe("His wife speaks for him.");
    expect(shown.texts.quotes).toEqual([{ text: profile.quotes[0]!.text, translated: false }]);
  });

  it("takes every text a full translation gives: story, charges in order, notes and quotes by index", () => {
    const profile = withTranslations([
      {
        language: "fr",
        reviewed: true,
        translator: "Claire Martin",
        summary: FR_SUMMARY,
        familyStory: "Sa femme parle pour lui.",
        charges: [{ label: "organisation de troubles massifs" }],
        detentionNotes: {
          arrestDateNote: "Arrêté après des troubles à Ismayilli.",
          releaseNote: "Deux ans de mise à l’épreuve et une interdiction de voyager.",
        },
        quotes: [{ index: 0, text: "Aussi dur que ce soit, je serai toujours à ses côtés." }],
      },
    ]);
    const shown = translatedTexts(profile, campaign2016, "fr");
    expect(shown.untranslated).toEqual([]);
    expect(shown.texts).toEqual({
      summary: FR_SUMMARY,
      familyStory: "Sa femme parle pour lui.",
      charges: ["organisation de troubles massifs"],
      detentionNotes: {
        arrestDateNote: "Arrêté après des troubles à Ismayilli.",
        releaseNote: "Deux ans de mise à l’épreuve et une interdiction de voyager.",
      },
      quotes: [{ text: "Aussi dur que ce soit, je serai toujours à ses côtés.", translated: true }],
    });
  });

  it("mixes translated and source notes when only some are translated, and says notes are untranslated", () => {
    const profile = withTranslations([
      {
        language: "fr",
        reviewed: false,
        translator: DRAFT,
        summary: FR_SUMMARY,
        detentionNotes: { releaseNote: "Deux ans de mise à l’épreuve." },
      },
    ]);
    const shown = translatedTexts(profile, campaign2016, "fr");
    expect(shown.texts.detentionNotes).toEqual({
      arrestDateNote: "Arrested after unrest in Ismayilli.",
      releaseNote: "Deux ans de mise à l’épreuve.",
    });
    expect(shown.untranslated).toContain("detentionNotes");
  });

  it("reads the charges of the current (latest) detention, not an earlier one", () => {
    const base = ilgarMammadov();
    const profile = ilgarMammadov({
      detentions: [
        { ...base.detentions[0]!, arrestDate: "2010-01-01", charges: [{ label: "old charge" }] },
        {
          ...base.detentions[0]!,
          arrestDate: "2013-02-04",
          charges: [{ label: "first" }, { label: "second" }],
        },
      ],
      translations: [
        {
          language: "es",
          reviewed: false,
          translator: DRAFT,
          summary: ES_SUMMARY,
          charges: [{ label: "primero" }, { label: "segundo" }],
        },
      ],
    });
    expect(translatedTexts(profile, campaign2016, "es").texts.charges).toEqual(["primero", "segundo"]);
    expect(translatedTexts(profile, campaign2016, "ru").texts.charges).toEqual(["first", "second"]);
  });

  it("follows a campaign written in another language: its own texts for it, translations for English", () => {
    const spanishCampaign = campaign({ sourceLanguage: "es" });
    const profile = withTranslations([
      { language: "en", reviewed: true, translator: "John Smith", summary: "Translated into English." },
    ]);
    expect(translatedTexts(profile, spanishCampaign, "es")).toMatchObject({
      language: "es",
      fallback: false,
      texts: { summary: profile.summary.text },
    });
    expect(translatedTexts(profile, spanishCampaign, "en")).toMatchObject({
      language: "en",
      fallback: false,
      texts: { summary: "Translated into English." },
    });
    expect(translatedTexts(profile, spanishCampaign, "ar")).toMatchObject({ language: "es", fallback: true });
  });

  it("never uses a translation into the source language itself (the import refuses one)", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: true, translator: "X", summary: FR_SUMMARY },
    ]);
    expect(translatedTexts(profile, campaign({ sourceLanguage: "fr" }), "fr")).toMatchObject({
      language: "fr",
      fallback: false,
      texts: { summary: profile.summary.text },
    });
  });

  it("gives the pseudo-language the source texts as a fallback: it only tests the catalogs", () => {
    const profile = withTranslations([
      { language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY },
    ]);
    expect(translatedTexts(profile, campaign2016, "qps-ploc")).toMatchObject({
      language: "en",
      fallback: true,
    });
  });

  it("leaves out a family story the profile does not have, and changes nothing it is given", () => {
    const profile = ilgarMammadov({
      translations: [{ language: "fr", reviewed: false, translator: DRAFT, summary: FR_SUMMARY }],
    });
    const before = structuredClone(profile);
    const shown = translatedTexts(profile, campaign2016, "fr");
    expect("familyStory" in shown.texts).toBe(false);
    expect(shown.untranslated).not.toContain("familyStory");
    expect(profile).toStrictEqual(before);
  });
});
