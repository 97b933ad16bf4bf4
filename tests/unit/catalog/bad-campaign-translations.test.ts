/**
 * Bad translations of a campaign's own texts in import files (issue 15, item 5): each problem names the
 * file, the line, the campaign, the translation's language, the field and what is allowed there.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";
import type { CampaignInput } from "../../../src/core/profile.ts";
import { lineOf, tempFolder, validCampaign } from "./fixtures.ts";

const DRAFT = "machine-assisted draft (FreeToBeHome developers)";
type Translation = NonNullable<CampaignInput["textTranslations"]>[number];
const fa: Translation = {
  language: "fa",
  reviewed: false,
  translator: DRAFT,
  shareText: "{name} را به یاد بسپارید.",
};
const CONTEXT = /^campaign "test-campaign", translation into "fa": /;

async function read(campaign: CampaignInput) {
  const text = stringify(campaign);
  const dir = await tempFolder({ "campaign.yaml": text });
  const result = await readImportFiles([dir]);
  return { ...result, text, file: path.join(dir, "campaign.yaml") };
}

describe("importing a campaign's translations", () => {
  it("accepts a valid translation and keeps it as written", async () => {
    const { problems, campaigns } = await read(validCampaign({ textTranslations: [fa] }));
    expect(problems).toEqual([]);
    expect(campaigns[0]?.textTranslations).toEqual([fa]);
  });

  it("refuses a second translation into one language, naming the language and the first entry", async () => {
    const es: Translation = {
      language: "es",
      reviewed: true,
      translator: "Ana",
      description: "Una campaña.",
    };
    const { problems, text, file } = await read(validCampaign({ textTranslations: [fa, es, { ...fa }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, path: "textTranslations[2].language" });
    expect(problems[0]?.line).toBeGreaterThan(lineOf(text, "language: es"));
    expect(problems[0]?.message).toMatch(CONTEXT);
    expect(problems[0]?.message).toContain(
      'a second translation into "fa": one entry per language (the first is textTranslations[0])',
    );
  });

  it("refuses a translation into the campaign's own source language", async () => {
    const english = await read(validCampaign({ textTranslations: [{ ...fa, language: "en" }] }));
    expect(english.problems).toHaveLength(1);
    expect(english.problems[0]).toMatchObject({
      file: english.file,
      path: "textTranslations[0].language",
      line: lineOf(english.text, "language: en"),
    });
    expect(english.problems[0]?.message).toMatch(
      /^campaign "test-campaign", translation into "en": "en" is the campaign's source language/,
    );
    const persian = await read(validCampaign({ sourceLanguage: "fa", textTranslations: [fa] }));
    expect(persian.problems[0]?.message).toMatch(/"fa" is the campaign's source language.*sourceLanguage/);
  });

  it("refuses a language the bot does not ship, listing the languages allowed", async () => {
    const { problems, text } = await read(
      validCampaign({ textTranslations: [{ ...fa, language: "de" as never }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: "textTranslations[0].language",
      line: lineOf(text, "language: de"),
    });
    expect(problems[0]?.message).toMatch(
      /^campaign "test-campaign", translation into "de": "de" is not allowed/,
    );
    for (const tag of LANGUAGE_TAGS) expect(problems[0]?.message).toContain(tag);
  });

  it("names an unknown field and lists the fields allowed in a campaign's translation", async () => {
    const { problems, text } = await read(
      validCampaign({ textTranslations: [{ ...fa, sharetext: "x" } as unknown as Translation] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: "textTranslations[0].sharetext",
      line: lineOf(text, "sharetext:"),
    });
    expect(problems[0]?.message).toMatch(CONTEXT);
    expect(problems[0]?.message).toContain(
      "allowed here: language, reviewed, translator, source, name, description, shareText, historicalNote",
    );
  });

  it("refuses a translation of nothing, a note the campaign lacks, and a share text without {name}", async () => {
    const empty = await read(
      validCampaign({ textTranslations: [{ language: "fa", reviewed: false, translator: DRAFT }] }),
    );
    expect(empty.problems[0]?.message).toMatch(CONTEXT);
    expect(empty.problems[0]?.message).toContain(
      "translates nothing: give at least one of name, description, shareText, historicalNote",
    );
    const note = await read(validCampaign({ textTranslations: [{ ...fa, historicalNote: "یادداشت" }] }));
    expect(note.problems[0]).toMatchObject({ path: "textTranslations[0].historicalNote" });
    expect(note.problems[0]?.message).toContain(
      "translates historical.note, which the campaign does not have",
    );
    const noName = await read(validCampaign({ textTranslations: [{ ...fa, shareText: "به یاد بسپارید." }] }));
    expect(noName.problems[0]).toMatchObject({ path: "textTranslations[0].shareText" });
    expect(noName.problems[0]?.message).toMatch(CONTEXT);
    expect(noName.problems[0]?.message).toContain("must contain {name} where the profile's name goes");
  });

  it("refuses translations given as an object keyed by language: a list is expected", async () => {
    const { problems } = await read(
      validCampaign({ textTranslations: { fa } as unknown as CampaignInput["textTranslations"] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "textTranslations" });
    expect(problems[0]?.message).toMatch(/expected a list/i);
  });

  it("keeps the campaign's translations setting apart from its translated texts", async () => {
    const { problems } = await read(validCampaign({ translations: "everything" as never }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).not.toMatch(/translation into/);
    expect(problems[0]?.message).toContain("reviewed-only");
  });
});
