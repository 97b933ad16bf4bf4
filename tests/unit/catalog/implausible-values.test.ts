/**
 * Values that are well formed but cannot be true: a country code ISO never assigned, and a date of
 * something already observed (verified, accessed, status as of) that lies in the future. A
 * lastVerifiedAt in the future would keep a profile from ever going stale.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { ProfileInput } from "../../../src/core/profile.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

async function problemsOf(profile: ProfileInput) {
  const text = stringify(profile);
  const dir = await tempFolder({ "campaign.yaml": stringify(validCampaign()), "person.yaml": text });
  const { problems, profiles } = await readImportFiles([dir]);
  return { text, problems, profiles, file: path.join(dir, "person.yaml") };
}

const [detention] = validProfile().detentions;

describe("country codes", () => {
  it("refuses codes ISO 3166-1 never assigned, naming the field and what is allowed", async () => {
    const { text, problems, profiles, file } = await problemsOf(
      validProfile({
        country: { code: "XX" },
        nationality: ["QQ"],
        detentions: [{ ...detention!, detainingCountry: "QQ" }],
      }),
    );
    expect(profiles).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual([
      "nationality[0]",
      "country.code",
      "detentions[0].detainingCountry",
    ]);
    expect(problems[1]).toMatchObject({ file, line: lineOf(text, "code: XX") });
    for (const problem of problems) {
      expect(problem.message).toMatch(/^"(XX|QQ)" is not an assigned ISO 3166-1 alpha-2 country code/);
      expect(problem.message).toContain("such as AZ");
    }
  });

  it("refuses codes that look like countries but are not ISO's, saying which code to use", async () => {
    const { problems } = await problemsOf(
      validProfile({ country: { code: "UK" }, nationality: ["EU", "az"] }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath["country.code"]).toContain("use GB for the United Kingdom");
    expect(byPath["nationality[0]"]).toMatch(/^"EU" is not an assigned ISO 3166-1/);
    expect(byPath["nationality[1]"]).toMatch(/^"az" must be written "AZ"/);
  });

  it("accepts assigned codes, and XK for Kosovo", async () => {
    const { problems } = await problemsOf(
      validProfile({ country: { code: "XK" }, nationality: ["GB", "UA", "BY"] }),
    );
    expect(problems).toEqual([]);
  });
});

describe("dates of things already observed", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T12:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses a lastVerifiedAt in the future, naming the field and the latest day allowed", async () => {
    const { text, problems, file } = await problemsOf(validProfile({ lastVerifiedAt: "2099-01-01" }));
    expect(problems).toEqual([
      {
        file,
        path: "lastVerifiedAt",
        line: lineOf(text, "lastVerifiedAt:"),
        message:
          "2099-01-01 is in the future; lastVerifiedAt must be on or before 2026-03-02 (today in UTC, plus a day for time zones)",
      },
    ]);
  });

  it("allows tomorrow (a curator east of UTC) but not the day after", async () => {
    expect((await problemsOf(validProfile({ lastVerifiedAt: "2026-03-02" }))).problems).toEqual([]);
    const { problems } = await problemsOf(validProfile({ lastVerifiedAt: "2026-03-03" }));
    expect(problems.map((p) => p.path)).toEqual(["lastVerifiedAt"]);
  });

  it("refuses future status dates, source access dates, consent records and takedowns", async () => {
    const { problems } = await problemsOf(
      validProfile({
        detentions: [{ ...detention!, statusAsOf: "2027" }],
        sources: [
          {
            id: "src",
            url: "https://example.org/source",
            title: "A source",
            publisher: "Example",
            accessedAt: "2026-04-01",
          },
        ],
        family: [
          {
            id: "wife",
            relationship: "wife",
            isMinor: false,
            publicAdvocate: false,
            consent: { status: "given", scope: ["quote"], recordedAt: "2030-01-01" },
          },
        ],
        publication: {
          visibility: "withheld",
          takedown: { at: "2026-03-05T00:00:00Z", by: "someone", reason: "a test" },
        },
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      "detentions[0].statusAsOf",
      "family[0].consent.recordedAt",
      "sources[0].accessedAt",
      "publication.takedown.at",
    ]);
    for (const problem of problems) expect(problem.message).toContain("is in the future");
  });

  it("accepts a partial status date whose month has begun", async () => {
    const { problems } = await problemsOf(
      validProfile({ detentions: [{ ...detention!, statusAsOf: "2026-03" }] }),
    );
    expect(problems).toEqual([]);
  });
});

describe("a prisoner who may be a minor", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-24T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("is refused: a birth year within the last 18 years cannot prove the person is an adult", async () => {
    const { problems, profiles } = await problemsOf(validProfile({ birthYear: 2008 }));
    expect(profiles).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        path: "birthYear",
        message:
          "born in 2008, this person may be under 18; profiles of minors are never published " +
          "(birthYear must be 2007 or earlier)",
      }),
    ]);
    expect((await problemsOf(validProfile({ birthYear: 2007 }))).problems).toEqual([]);
  });
});
