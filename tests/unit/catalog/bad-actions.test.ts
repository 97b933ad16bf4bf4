/**
 * Calls to action in import files: each problem names the file, the path, the line and what is allowed,
 * and a good file with actions and a campaign page round-trips through export unchanged, byte for byte.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { exportBundle } from "../../../src/catalog/export-bundle.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { CampaignInput, ProfileInput } from "../../../src/core/profile.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const asOf = "2026-10-01";
const source = "https://example.org/actions";
const letter = {
  kind: "letter",
  address: "Example Prison No. 1\nExample Street 2\nExample City",
  writeIn: "az",
  avoid: "politics or the case",
  source,
  asOf,
};
const petition = {
  kind: "petition",
  url: "https://example.org/petition",
  by: "Example Rights",
  source,
  asOf,
};
const wife = {
  id: "wife",
  relationship: "wife",
  displayName: "Example Advocate",
  isMinor: false,
  publicAdvocate: true,
  consent: { status: "given" as const, scope: ["name" as const] },
};

async function read(campaign: CampaignInput, profile: ProfileInput) {
  const campaignText = stringify(campaign);
  const profileText = stringify(profile);
  const dir = await tempFolder({ "campaign.yaml": campaignText, "person.yaml": profileText });
  return { ...(await readImportFiles([dir])), dir, campaignText, profileText };
}

describe("actions in import files", () => {
  it("reads a profile's and a campaign's actions and a campaign's profile page", async () => {
    const { problems, profiles, campaigns } = await read(
      validCampaign({ profileUrl: "https://example.org/prisoners/{id}", actions: [petition] as never }),
      validProfile({
        family: [wife],
        actions: [
          letter,
          {
            kind: "official",
            name: "An Official",
            role: "Minister",
            url: "https://example.org/o",
            source,
            asOf,
          },
          { kind: "family_channel", url: "https://example.org/channel", member: "wife", source, asOf },
        ] as never,
      }),
    );
    expect(problems).toEqual([]);
    expect(profiles[0]?.actions?.map((a) => a.kind)).toEqual(["letter", "official", "family_channel"]);
    expect(campaigns[0]).toMatchObject({ profileUrl: "https://example.org/prisoners/{id}" });
  });

  it("names the path, line and allowed kinds for an unknown kind", async () => {
    const { problems, profileText, dir } = await read(
      validCampaign(),
      validProfile({ actions: [{ ...petition, kind: "boycott" }] as never }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: path.join(dir, "person.yaml"), path: "actions[0].kind" });
    expect(problems[0]?.line).toBe(lineOf(profileText, "kind: boycott"));
    for (const kind of ["letter", "petition", "official", "family_channel"])
      expect(problems[0]?.message).toContain(kind);
  });

  it("refuses a link that is not http(s), a missing source and a future as-of date, each at its path", async () => {
    const { problems, profileText } = await read(
      validCampaign(),
      validProfile({
        actions: [
          { ...petition, url: "javascript:alert(1)" },
          { kind: "official", name: "X", role: "Y", url: "https://example.org/o", asOf },
          { ...petition, url: "https://example.org/p2", asOf: "2999-01-01" },
        ] as never,
      }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath["actions[0].url"]?.message).toMatch(/http or https/);
    expect(byPath["actions[0].url"]?.line).toBe(lineOf(profileText, "javascript:alert(1)"));
    expect(byPath["actions[1].source"]?.message).toMatch(/required field is missing/);
    expect(byPath["actions[2].asOf"]?.message).toMatch(/future|2999/);
  });

  it("refuses a family channel of an unknown relative, and any family channel among a campaign's actions", async () => {
    const channel = { kind: "family_channel", url: "https://example.org/c", member: "brother", source, asOf };
    const { problems } = await read(
      validCampaign({ actions: [{ ...channel, member: "wife" }] as never }),
      validProfile({ family: [wife], actions: [channel] as never }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [`${path.basename(p.file)} ${p.path}`, p]));
    expect(byPath["person.yaml actions[0].member"]?.message).toBe(
      'unknown family member id "brother"; known: wife',
    );
    expect(byPath["campaign.yaml actions[0].kind"]?.message).toMatch(
      /campaign's actions may not list a family's channel/,
    );
  });

  it("refuses a profile page without {id} and more than ten actions", async () => {
    const { problems } = await read(
      validCampaign({ profileUrl: "https://example.org/prisoners" }),
      validProfile({
        actions: Array.from({ length: 11 }, (_, i) => ({
          ...petition,
          url: `${petition.url}/${i}`,
        })) as never,
      }),
    );
    const messages = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(messages.profileUrl).toMatch(/\{id\}/);
    expect(messages.actions).toMatch(/at most 10/);
  });

  it("exports what it read so that importing the export and exporting again gives the same bytes", async () => {
    const original = await read(
      validCampaign({ profileUrl: "https://example.org/p/{id}", actions: [petition] as never }),
      validProfile({ family: [wife], actions: [letter, { ...petition, by: "Another" }] as never }),
    );
    expect(original.problems).toEqual([]);
    for (const format of ["yaml", "json"] as const) {
      const first = exportBundle(original, format);
      const dir = await tempFolder();
      const file = path.join(dir, `export.${format}`);
      await writeFile(file, first, "utf8");
      const again = await readImportFiles([file]);
      expect(again.problems).toEqual([]);
      expect(again.profiles).toStrictEqual(original.profiles);
      expect(again.campaigns).toStrictEqual(original.campaigns);
      expect(exportBundle(again, format)).toBe(first);
    }
  });
});
