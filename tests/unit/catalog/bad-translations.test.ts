/**
 * Bad translations in import files (issue 15, item 5): each problem names the file, the profile, the
 * translation's language, the field and what is allowed there.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { streamImportFiles } from "../../../src/catalog/stream-import-files.ts";
import { ImportError } from "../../../src/core/errors.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";
import type { ProfileInput } from "../../../src/core/profile.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const DRAFT = "machine-assisted draft (FreeToBeHome developers)";
type Translation = NonNullable<ProfileInput["translations"]>[number];
const fr: Translation = { language: "fr", reviewed: false, translator: DRAFT, summary: "Une personne." };

async function read(profile: ProfileInput, campaign = validCampaign()) {
  const text = stringify(profile);
  const dir = await tempFolder({ "campaign.yaml": stringify(campaign), "person.yaml": text });
  const result = await readImportFiles([dir]);
  return { ...result, text, file: path.join(dir, "person.yaml") };
}

describe("importing translations", () => {
  it("accepts a valid translation and keeps it as written", async () => {
    const { problems, profiles } = await read(validProfile({ translations: [fr] }));
    expect(problems).toEqual([]);
    expect(profiles[0]?.translations).toEqual([fr]);
  });

  it("refuses a language the bot does not ship, naming the profile, the field and the languages allowed", async () => {
    const { problems, text, file } = await read(
      validProfile({ translations: [{ ...fr, language: "de" as never }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file,
      path: "translations[0].language",
      line: lineOf(text, "language: de"),
    });
    expect(problems[0]?.message).toMatch(
      /^profile "test-person", translation into "de": "de" is not allowed/,
    );
    for (const tag of LANGUAGE_TAGS) expect(problems[0]?.message).toContain(tag);
  });

  it("refuses a second translation into one language, naming the language and the first entry", async () => {
    const { problems } = await read(
      validProfile({
        translations: [
          fr,
          { language: "es", reviewed: true, translator: "Ana", summary: "Una persona." },
          { ...fr },
        ],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "translations[2].language" });
    expect(problems[0]?.message).toBe(
      'profile "test-person", translation into "fr": a second translation into "fr": one entry per language (the first is translations[0])',
    );
  });

  it("refuses a translation without its reviewed flag, translator or summary, one problem each", async () => {
    const bare = { language: "ru" } as Translation;
    const { problems } = await read(validProfile({ translations: [bare] }));
    expect(problems.map((p) => p.path).sort()).toEqual([
      "translations[0].reviewed",
      "translations[0].summary",
      "translations[0].translator",
    ]);
    for (const p of problems)
      expect(p.message).toMatch(/^profile "test-person", translation into "ru": required field is missing/);
  });

  it("refuses charges that do not line up with the current detention's, saying how many it has", async () => {
    const profile = validProfile({
      detentions: [
        {
          arrestDate: "2015-06",
          detainingCountry: "AZ",
          charges: [{ label: "one" }, { label: "two" }],
          status: "sentenced",
          statusAsOf: "2016-12",
          sources: ["src"],
        },
      ],
      translations: [{ ...fr, charges: [{ label: "un" }] }],
    });
    const { problems } = await read(profile);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "translations[0].charges" });
    expect(problems[0]?.message).toContain(
      "1 label given, but the current detention (detentions[0]) has 2 charges: give one label per charge, in the same order",
    );
  });

  it("refuses notes, a family story or quotes the profile does not have", async () => {
    const profile = validProfile({
      translations: [
        {
          ...fr,
          familyStory: "Une histoire.",
          detentionNotes: { releaseNote: "Libéré." },
          quotes: [{ index: 0, text: "Des mots." }],
        },
      ],
    });
    const { problems } = await read(profile);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual([
      "translations[0].detentionNotes.releaseNote",
      "translations[0].familyStory",
      "translations[0].quotes[0].index",
    ]);
    expect(byPath["translations[0].detentionNotes.releaseNote"]).toContain(
      "translates detentions[0].release.note, which the current detention does not have",
    );
    expect(byPath["translations[0].familyStory"]).toContain("the profile does not have");
    expect(byPath["translations[0].quotes[0].index"]).toContain(
      "no quote at index 0: allowed the profile has no quotes",
    );
  });

  it("names an unknown field in a translation and lists the fields allowed there", async () => {
    const { problems } = await read(validProfile({ translations: [{ ...fr, sumary: "x" } as Translation] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("translations[0].sumary");
    expect(problems[0]?.message).toMatch(
      /^profile "test-person", translation into "fr": unknown field "sumary" \(did you mean "summary"\?\); allowed here: language, reviewed, translator, source, summary/,
    );
  });

  it("refuses translations given as an object keyed by language: a list is expected", async () => {
    const keyed = { fr: { reviewed: false, translator: DRAFT, summary: "x" } } as never;
    const { problems } = await read(validProfile({ translations: keyed }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "translations" });
    expect(problems[0]?.message).toMatch(
      /^profile "test-person": expected a list, found a mapping of fields/,
    );
  });

  it("refuses a translation into the campaign's own source language, imported alongside or stored", async () => {
    const en: Translation = { ...fr, language: "en" };
    const english = await read(validProfile({ translations: [en] }));
    expect(english.problems).toHaveLength(1);
    expect(english.problems[0]).toMatchObject({
      file: english.file,
      path: "translations[0].language",
      line: lineOf(english.text, "language: en"),
    });
    expect(english.problems[0]?.message).toBe(
      'profile "test-person", translation into "en": "en" is the source language of campaign "test-campaign", ' +
        "the language the profile's own texts are in: translate into another language, or set the campaign's sourceLanguage",
    );
    // A campaign written in French takes an English translation and refuses a French one.
    const french = await read(
      validProfile({ translations: [en, fr] }),
      validCampaign({ sourceLanguage: "fr" }),
    );
    expect(french.problems.map((p) => p.path)).toEqual(["translations[1].language"]);

    // A campaign already stored: its language comes from the store.
    const dir = await tempFolder({ "person.yaml": stringify(validProfile({ translations: [fr] })) });
    const stored = await readImportFiles([dir], {
      knownCampaignIds: ["test-campaign"],
      knownSourceLanguages: new Map([["test-campaign", "fr"]]),
    });
    expect(stored.problems.map((p) => p.path)).toEqual(["translations[0].language"]);
  });

  it("gives the line of a translation in the campaign's language when a large file is read a document at a time", async () => {
    const profiles = [
      validProfile({ id: "first" }),
      validProfile({ id: "second", translations: [fr, { ...fr, language: "en" }] }),
    ];
    const text = [stringify(validCampaign()), ...profiles.map((p) => stringify(p))].join("---\n");
    const dir = await tempFolder({ "bundle.yaml": text });
    const { batches } = streamImportFiles([dir], { streamFromBytes: 1 });
    const refused = await (async () => {
      for await (const _ of batches) {
        // read every batch: the checks across files run at the end
      }
    })().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    const [problem] = (refused as ImportError).problems;
    expect(problem).toMatchObject({ path: "translations[1].language", line: lineOf(text, "language: en") });
    expect(problem?.message).toMatch(/^profile "second", translation into "en": "en" is the source language/);
  });

  it("refuses an unknown campaign translations setting or source language, listing the allowed values", async () => {
    const { problems } = await read(
      validProfile(),
      validCampaign({ translations: "reviewed" as never, sourceLanguage: "english" as never }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath.translations).toBe('"reviewed" is not allowed; allowed values: all, reviewed-only');
    expect(byPath.sourceLanguage).toContain('"english" is not allowed; allowed values: en, es, fr');
  });
});
