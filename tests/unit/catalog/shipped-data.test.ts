/**
 * The sample data in data/ is what a new deployment shows first, so it must validate and obey the safety
 * rules on its own terms, independently of the schema's checks.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { earliestDay } from "../../../src/core/partial-date.ts";
import type { ImportProblem } from "../../../src/core/errors.ts";
import type { Campaign, Profile } from "../../../src/core/profile.ts";
import { SAMPLE_CAMPAIGN_ID } from "../../../src/services/default-campaign.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));

let campaigns: Campaign[];
let profiles: Profile[];
let files: string[];
let problems: ImportProblem[];

beforeAll(async () => {
  ({ campaigns, profiles, files, problems } = await readImportFiles([DATA]));
});

/** Every source id a profile's claims point at. */
function citedSourceIds(p: Profile): string[] {
  return [
    ...p.summary.sources,
    ...(p.familyStory?.sources ?? []),
    ...p.detentions.flatMap((d) => d.sources),
    ...p.quotes.map((q) => q.source),
    ...p.designations.map((d) => d.source),
    ...p.family.flatMap((m) => m.sources),
  ];
}

describe("shipped sample data", () => {
  it("reads without a single problem", () => {
    expect(problems).toEqual([]);
  });

  it("holds one historical campaign, not marked the default, and exactly ten profiles of it", () => {
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns;
    // Marked, it would refuse an operator's own campaign marked isDefault: only one campaign may be.
    expect(campaign).toMatchObject({ id: SAMPLE_CAMPAIGN_ID, hashtag: "#FreeToBeHome", isDefault: false });
    expect(campaign?.historical?.asOf).toBe("2016-12");
    expect(campaign?.shareText).toContain("{name}");
    expect(campaign?.correctionsContact).toBeUndefined();
    expect(profiles).toHaveLength(10);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(10);
    for (const p of profiles) expect(p.campaign).toBe(SAMPLE_CAMPAIGN_ID);
  });

  it("keeps one profile per file, named after its id", () => {
    const names = files
      .filter((f) => f.includes(`profiles${path.sep}`))
      .map((f) => path.basename(f, ".yaml"));
    expect(names.sort()).toEqual(profiles.map((p) => p.id).sort());
  });

  it("records each status with the date of its latest source", () => {
    const statuses = Object.fromEntries(
      profiles.map((p) => [p.id, p.detentions.map((d) => `${d.status}@${d.statusAsOf}`).join(" ")]),
    );
    expect(statuses).toEqual({
      "ilgar-mammadov": "released@2020-04-23",
      "oleg-sentsov": "released@2019-09-07",
      "khalil-matouk": "disappeared@2023-09",
      "leopoldo-lopez": "exiled@2020-10",
      "narges-mohammadi": "sentenced@2023-10",
      "ilham-tohti": "sentenced@2014-09-23",
      "bekele-gerba": "released@2018-02-13",
      "julio-alfredo-ferrer-tamayo": "released@2018-12-06",
      "omar-mohamed-ali": "sentenced@2016-12-19",
      "fanta-jawara": "unknown@2016-12",
    });
  });

  it("names only adult public advocates, each with consent to show the name", () => {
    const named = profiles.flatMap((p) => p.family.filter((m) => m.displayName !== undefined));
    expect(named.map((m) => m.displayName).sort()).toEqual([
      "Jewher Ilham",
      "Karla Ferrer",
      "Lilian Tintori",
      "Raneem Matouk",
      "Vafa Mammadova",
    ]);
    for (const member of named) {
      expect(member).toMatchObject({ isMinor: false, publicAdvocate: true, consent: { status: "given" } });
      expect(member.consent.scope).toContain("name");
      expect(member.consent.basis).toBeTruthy();
    }
  });

  it("never names a minor or records any consent for one", () => {
    const minors = profiles.flatMap((p) => p.family.filter((m) => m.isMinor));
    expect(minors.length).toBeGreaterThanOrEqual(3);
    for (const minor of minors) {
      expect(minor.displayName).toBeUndefined();
      expect(minor.consent).toEqual({ status: "not_sought", scope: [] });
    }
  });

  it("keeps only the one verbatim quote, from a relative who consented to quotes", () => {
    const quotes = profiles.flatMap((p) => p.quotes.map((q) => ({ p, q })));
    expect(quotes.map(({ p }) => p.id)).toEqual(["ilgar-mammadov"]);
    for (const { p, q } of quotes) {
      const speaker = p.family.find((m) => m.id === q.speaker);
      expect(speaker?.consent.scope).toContain("quote");
      expect(q.isTranslation).toBe(false);
    }
    // No consent covers a relative's story, so no family story may be shown.
    for (const p of profiles) expect(p.familyStory).toBeUndefined();
  });

  it("gives everyone without a public voice an empty consent scope", () => {
    for (const member of profiles.flatMap((p) => p.family)) {
      if (member.consent.status !== "given") expect(member.consent.scope).toEqual([]);
      else expect(member.publicAdvocate).toBe(true);
    }
  });

  it("backs every claim with a source the profile lists", () => {
    for (const p of profiles) {
      const listed = new Set(p.sources.map((s) => s.id));
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const id of citedSourceIds(p)) expect(listed.has(id), `${p.id}: ${id}`).toBe(true);
      for (const d of p.detentions) expect(d.sources.length, p.id).toBeGreaterThan(0);
    }
  });

  it("dates every status and claims no reading of the sources we did not do", () => {
    for (const p of profiles) {
      for (const d of p.detentions) {
        expect(d.statusAsOf, p.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
        // The record cannot be verified before the status it reports.
        expect(p.lastVerifiedAt >= earliestDay(d.statusAsOf), p.id).toBe(true);
      }
      for (const s of p.sources) {
        expect(s.accessedAt, `${p.id}: ${s.id}`).toBeUndefined();
        if (s.publishedAt)
          expect(p.lastVerifiedAt >= earliestDay(s.publishedAt), `${p.id}: ${s.id}`).toBe(true);
      }
      expect(p.verifiedBy).toContain("sources not re-read");
      expect(p.photo).toBeUndefined();
      expect(p.publication).toEqual({ visibility: "public" });
    }
  });

  it("marks unconfirmed exactly the records whose status the brief does not back with a source", () => {
    const unconfirmed = profiles.filter((p) => p.confidence === "unconfirmed").map((p) => p.id);
    expect(unconfirmed.sort()).toEqual(["fanta-jawara", "ilham-tohti"]);
  });
});
