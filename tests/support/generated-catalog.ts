/**
 * A generated catalog, as a new user makes one to try the bot at scale: copies of the sample's Ilgar
 * Mammadov (five sources, four names, two relatives, one translation) with new ids and names.
 * Deterministic. One translation of his eight: enough for the export's byte-for-byte round trip to cover
 * them at scale, without making the catalog eight summaries heavier than the tests' time limits allow.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type Campaign, campaignSchema, type Profile, profileSchema } from "../../src/core/profile.ts";

const DATA = fileURLToPath(new URL("../../data", import.meta.url));

const ACTIONS: NonNullable<Profile["actions"]> = [
  {
    kind: "letter",
    address: "Example Prison No. 1\nExample City",
    writeIn: "az",
    avoid: "the case",
    source: "https://example.org/letters",
    asOf: "2026-10-01",
  },
  {
    kind: "petition",
    url: "https://example.org/petition",
    by: "Example Rights",
    source: "https://example.org/petition",
    asOf: "2026-10-01",
  },
];

export function sampleCampaign(): Campaign {
  return campaignSchema.parse(parse(readFileSync(`${DATA}/campaign.yaml`, "utf8")));
}

/**
 * `sources`: how many each profile lists (default his five); more are further reports of his case, cited
 * by no claim, so that fewer profiles make as many source rows.
 */
export function generatedProfiles(count: number, options: { sources?: number } = {}): Profile[] {
  const base = profileSchema.parse(parse(readFileSync(`${DATA}/profiles/ilgar-mammadov.yaml`, "utf8")));
  const extra = Array.from({ length: Math.max(0, (options.sources ?? 0) - base.sources.length) }, (_, n) => ({
    id: `report-${n + 1}`,
    url: `https://example.org/reports/${n + 1}`,
    title: `Report ${n + 1} on Ilgar Mammadov`,
    publisher: "example.org",
  }));
  return Array.from({ length: count }, (_, i) => {
    const name = `Generated Person ${i}`;
    const copy = structuredClone(base);
    const [primary, ...others] = copy.names;
    return {
      ...copy,
      id: `generated-${i}`,
      displayName: name,
      names: [{ ...primary!, value: name }, ...others],
      sources: [...copy.sources, ...structuredClone(extra)],
      ...(copy.translations ? { translations: copy.translations.slice(0, 1) } : {}),
      // Every tenth lists calls to action (example.org, made up), so the byte-for-byte round trip covers them.
      ...(i % 10 === 3 ? { actions: structuredClone(ACTIONS) } : {}),
    };
  });
}
