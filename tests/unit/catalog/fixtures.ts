/** Small valid records and temp folders for the catalog tests; each test breaks one thing on purpose. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import type { CampaignInput, ProfileInput } from "../../../src/core/profile.ts";

export function validCampaign(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    id: "test-campaign",
    name: "Test campaign",
    hashtag: "#TestCampaign",
    description: "A campaign used by the tests.",
    url: "https://example.org/campaign",
    shareText: "Remember {name}.",
    ...overrides,
  };
}

export function validProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    id: "test-person",
    campaign: "test-campaign",
    displayName: "Test Person",
    names: [{ value: "Test Person", kind: "primary" }],
    country: { code: "AZ" },
    summary: { text: "A person used by the tests.", sources: ["src"] },
    detentions: [
      {
        arrestDate: "2015-06",
        detainingCountry: "AZ",
        status: "sentenced",
        statusAsOf: "2016-12",
        sources: ["src"],
      },
    ],
    sources: [{ id: "src", url: "https://example.org/source", title: "A source", publisher: "Example" }],
    lastVerifiedAt: "2016-12-19",
    verifiedBy: "the tests",
    confidence: "confirmed",
    publication: { visibility: "public" },
    ...overrides,
  };
}

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (relative path → text) into a fresh temp folder, removed after the test. */
export async function tempFolder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ftbh-catalog-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text, "utf8");
  }
  return dir;
}

/** The 1-based line of the first line of `text` that contains `needle`; fails loudly when absent. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture does not contain ${needle}`);
  return index + 1;
}
