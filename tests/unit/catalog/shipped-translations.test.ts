/**
 * The sample's summaries in every shipped language (issue 15, item 5): unreviewed drafts, one per
 * language, that keep the English facts. A machine cannot judge a translation, but it can catch a date,
 * a number, a name or the campaign's hashtag lost or changed on the way.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";
import type { Profile } from "../../../src/core/profile.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));
const OTHER_LANGUAGES = LANGUAGE_TAGS.filter((t) => t !== "en");

let profiles: Profile[];
beforeAll(async () => {
  const read = await readImportFiles([DATA]);
  expect(read.problems).toEqual([]);
  profiles = read.profiles;
});

/** Western digits for Persian and Arabic-Indic ones, so numbers compare across scripts. */
function westernDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)));
}
const years = (text: string) =>
  [...westernDigits(text).matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => m[0]).sort();

describe("the sample's translations", () => {
  it("give every profile's summary in each shipped language but English, once each, marked unreviewed", () => {
    expect(profiles).toHaveLength(10);
    for (const p of profiles) {
      const languages = (p.translations ?? []).map((t) => t.language);
      expect(languages, p.id).toEqual(OTHER_LANGUAGES);
      for (const t of p.translations ?? []) {
        expect(t.reviewed, `${p.id} ${t.language}`).toBe(false);
        expect(t.translator).toBe("machine-assisted draft (FreeToBeHome developers)");
      }
    }
  });

  it("keep every year of the English, the campaign's hashtag and one of the person's own names", () => {
    for (const p of profiles) {
      for (const t of p.translations ?? []) {
        const where = `${p.id} (${t.language})`;
        expect(years(t.summary), where).toEqual(years(p.summary.text));
        expect(t.summary, where).toContain("#FreeToBeHome");
        expect(
          p.names.some((n) => t.summary.includes(n.value)),
          where,
        ).toBe(true);
      }
    }
  });

  it("open Arabic and Persian summaries with a right-to-left word, so platforms that guess direction get it right", () => {
    for (const p of profiles) {
      for (const t of (p.translations ?? []).filter((t) => t.language === "ar" || t.language === "fa")) {
        expect(t.summary, `${p.id} (${t.language})`).toMatch(/^[\u0600-\u06FF]/u);
      }
    }
  });

  it("write Chinese in Simplified script and Azerbaijani in Latin script", () => {
    for (const p of profiles) {
      const zh = p.translations?.find((t) => t.language === "zh-Hans");
      const az = p.translations?.find((t) => t.language === "az");
      expect(zh?.summary, p.id).toMatch(/\p{Script=Han}/u);
      // A few Traditional-only characters that a wrong conversion would leave.
      expect(zh?.summary, p.id).not.toMatch(/[國於為與軍當門開關時這說從對權]/u);
      expect(az?.summary, p.id).not.toMatch(/[\p{Script=Cyrillic}\p{Script=Arabic}]/u);
      expect(az?.summary, p.id).toMatch(/[əğıöüçş]/u);
    }
  });
});
