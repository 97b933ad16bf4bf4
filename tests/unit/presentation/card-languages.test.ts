/**
 * A card and a share kit in the reader's language: the bot's own words from the `card` and `share`
 * catalogs, the profile's data (names, charges as reported, notes) as the data gives it.
 */
import { describe, expect, it } from "vitest";
import { statusOf } from "../../../src/core/card-status.ts";
import type { Staleness } from "../../../src/core/freshness.ts";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Card } from "../../../src/core/reply.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { createPresenter } from "../../../src/presentation/presenter.ts";
import { buildShareKit } from "../../../src/presentation/share.ts";
import { formatTerm } from "../../../src/presentation/wording.ts";
import { campaign2016, ilgarMammadov, khalilMatouk, omarMohamedAli } from "./profiles.ts";

const FSI = "\u2068";
const PDI = "\u2069";
const value = (card: Card, id: string) => card.fields.find((f) => f.id === id)?.value;
const LATIN = /[A-Za-z]/;

/** Ilgar Mammadov, released conditionally, with a designation and a sentence of `years`. */
function ilgar(years = 7) {
  const base = ilgarMammadov();
  const [detention] = base.detentions;
  if (!detention) throw new Error("fixture without a detention");
  return ilgarMammadov({
    detentions: [{ ...detention, sentence: { asPronounced: `${years} years`, termMonths: years * 12 } }],
  });
}

describe("a card in the reader's language", () => {
  it("is in Persian, with Latin names isolated inside the Persian sentences", () => {
    const card = buildCard(ilgar(), campaign2016, undefined, translatorFor("fa"));
    for (const f of card.fields) expect(f.label).not.toMatch(LATIN);
    expect(value(card, "status")).toBe("آزادشده (به‌طور مشروط) در ۱۳ اوت ۲۰۱۸");
    expect(value(card, "sentence")).toBe("محکوم به ۷ سال در ۱۷ مارس ۲۰۱۴");
    expect(value(card, "family")).toBe(`همسرش، ${FSI}Vafa Mammadova${PDI}`);
    expect(card.quote?.attribution).toBe(`${FSI}Vafa Mammadova${PDI}، همسرش`);
    expect(card.statusAsOf).toBe("وضعیت تا ۲۳ آوریل ۲۰۲۰");
    expect(card.subtitle.startsWith("جمهوری آذربایجان")).toBe(true);
    expect(card.notice).toContain(`${FSI}#FreeToBeHome${PDI}`);
  });

  it("is in Arabic, the relative named by role and the statuses agreeing with the person", () => {
    const card = buildCard(omarMohamedAli(), campaign2016, undefined, translatorFor("ar"));
    for (const f of card.fields) expect(f.label).not.toMatch(LATIN);
    expect(value(card, "status")).toBe("غير معروف");
    expect(value(card, "sentence")).toBe("حُكم عليه بالسجن مدى الحياة في مايو 2016");
    expect(card.quote?.attribution).toBe("الخطيبة");
    const khalil = buildCard(khalilMatouk(), campaign2016, undefined, translatorFor("ar"));
    expect(value(khalil, "status")).toBe("مختفٍ");
    expect(value(khalil, "family")).toBe(`الابنة، ${FSI}Raneem Matouk${PDI}`);
  });

  it("is in Russian, with the plural a number of years asks for", () => {
    const ru = translatorFor("ru");
    const sentence = (years: number) =>
      value(buildCard(ilgar(years), campaign2016, undefined, ru), "sentence");
    expect(sentence(2)).toBe("Приговорён 17 марта 2014 г. — 2 года");
    expect(sentence(5)).toBe("Приговорён 17 марта 2014 г. — 5 лет");
    expect(sentence(21)).toBe("Приговорён 17 марта 2014 г. — 21 год");
    expect(formatTerm(165, ru)).toBe("13 лет и 9 месяцев");
    const card = buildCard(ilgar(), campaign2016, undefined, ru);
    expect(value(card, "status")).toBe("Освобождён (условно) 13 августа 2018 г.");
    expect(value(card, "family")).toBe("Его жена, Vafa Mammadova");
    expect(card.statusAsOf).toBe("Статус по состоянию на 23 апреля 2020 г.");
  });

  it("is in Simplified Chinese", () => {
    const card = buildCard(ilgar(), campaign2016, undefined, translatorFor("zh-Hans"));
    expect(card.fields.map((f) => f.label)).toEqual([
      "状态",
      "羁押期间",
      "据报道的指控",
      "判决",
      "认定",
      "代表家人发声",
    ]);
    expect(value(card, "status")).toBe("已获释（有条件，2018年8月13日）");
    expect(value(card, "charges")).toBe("被控“organising mass riots”");
    expect(card.subtitle).toBe("阿塞拜疆 · İlqar Məmmədov");
    expect(card.statusAsOf).toBe("截至2020年4月23日的状态");
  });

  it("is in Spanish, agreeing with a woman's gender", () => {
    const es = translatorFor("es");
    const card = buildCard(ilgar(), campaign2016, undefined, es);
    expect(value(card, "status")).toBe("Liberado (de forma condicional) el 13 de agosto de 2018");
    expect(value(card, "charges")).toBe("Se le acusa de «organising mass riots»");
    expect(value(card, "designations")).toBe("Amnesty International: preso de conciencia");
    const her = buildCard(ilgarMammadov({ gender: "female" }), campaign2016, undefined, es);
    expect(value(her, "status")).toBe("Liberada (de forma condicional) el 13 de agosto de 2018");
    expect(value(her, "designations")).toBe("Amnesty International: presa de conciencia");
    expect(value(her, "family")).toBe("Su esposa, Vafa Mammadova");
  });

  it("leaves no English wording in the pseudo-language: every label, notice and phrase is bracketed", () => {
    const pseudo = translatorFor("qps-ploc");
    const stale: Staleness = { ageDays: 200, limitDays: 90 };
    for (const profile of [
      ilgar(),
      omarMohamedAli(),
      khalilMatouk(),
      ilgarMammadov({ confidence: "unconfirmed" }),
    ]) {
      const card = buildCard(profile, campaign2016, stale, pseudo);
      for (const f of card.fields) {
        expect(f.label).toMatch(/^\[/);
        // A bare date or a prison's name is data, not wording; every other value is a message.
        if (!["detainedSince", "disappearedSince", "arrested", "placeOfDetention"].includes(f.id ?? "")) {
          expect(f.value, f.id).toContain("[");
        }
      }
      expect(card.statusAsOf).toMatch(/^\[/);
      expect(card.notice?.split("] [").length).toBeGreaterThanOrEqual(2);
      if (card.quote) expect(card.quote.attribution).toContain("[");
    }
    const kit = buildShareKit(ilgar(), campaign2016, pseudo);
    for (const link of kit.links) expect(link.label).toMatch(/^\[.*\]$/);
    expect(kit.text).toContain("[");
  });

  it("finds the status by its id whatever the language, without the release's note", () => {
    const noted = ilgarMammadov({
      detentions: [
        {
          arrestDate: "2013-02-04",
          detainingCountry: "AZ",
          status: "released",
          statusAsOf: "2020-04-23",
          release: { date: "2018-08-13", type: "acquittal", note: "Supreme Court ruling" },
          sources: ["irfs"],
        },
      ],
    });
    const status = (tag: string) => statusOf(buildCard(noted, campaign2016, undefined, translatorFor(tag)));
    expect(status("en")).toBe("Released (acquitted) on 13 August 2018");
    expect(status("fr")).toBe("Libéré (acquitté) le 13 août 2018");
    expect(status("zh-Hans")).toBe("已获释（被判无罪，2018年8月13日）");
    expect(status("ru")).toBe("Освобождён (оправдан) 13 августа 2018 г.");
  });
});

describe("English stays as it was", () => {
  it("gives the same card and share kit with the English translator as without one", () => {
    const stored = { profile: ilgar(), seq: 1, createdAt: new Date(0), updatedAt: new Date(0) };
    const presenter = createPresenter({ staleAfterDays: 90 });
    const card = presenter.card(stored, campaign2016, "2024-06-01");
    expect(presenter.card(stored, campaign2016, "2024-06-01", english)).toEqual(card);
    expect(presenter.shareKit(stored, campaign2016, english)).toEqual(
      presenter.shareKit(stored, campaign2016),
    );
    expect(card.fields.map((f) => [f.id, f.label])).toEqual([
      ["status", "Status"],
      ["detained", "Detained"],
      ["charges", "Charges as reported"],
      ["sentence", "Sentence"],
      ["designations", "Designations"],
      ["family", "Speaking for the family"],
    ]);
    expect(presenter.shareKit(stored, campaign2016, translatorFor("fa")).links.at(-1)?.label).toBe("ایمیل");
  });
});
