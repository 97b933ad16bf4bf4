/**
 * A profile's content hash is the same for the same record whatever the key order of its file (the
 * schema writes keys in its own order), differs for any change, and tells a hash stored in the form
 * before (keys sorted, no prefix) from its own.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentHash, isLegacyHash, legacyContentHash } from "../../../db/repositories/content-hash.ts";
import { profileSchema } from "../../../src/core/profile.ts";
import { generatedProfiles } from "../../support/generated-catalog.ts";

/** The same data with every object's keys in reverse order, as another editor might write the file. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

/** Keys sorted at every level: the text every hash without a prefix was made from. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return `{${keys
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`)
    .join(",")}}`;
}

const [profile] = generatedProfiles(1);

describe("contentHash", () => {
  it("is the same for a record whose file lists its keys in another order", () => {
    const read = profileSchema.parse(JSON.parse(JSON.stringify(profile)));
    const reordered = profileSchema.parse(reversedKeys(profile));
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(reversedKeys(profile)));
    expect(contentHash(reordered)).toBe(contentHash(read));
  });

  it("changes with any field, however deep", () => {
    const read = profileSchema.parse(profile);
    const edited = profileSchema.parse({
      ...profile,
      sources: profile!.sources.map((s, i) => (i === 1 ? { ...s, title: `${s.title}.` } : s)),
    });
    expect(contentHash(edited)).not.toBe(contentHash(read));
  });

  it("tells the form stored before (sorted keys, no prefix) from its own", () => {
    const read = profileSchema.parse(profile);
    const before = createHash("sha256").update(sortedJson(read)).digest("base64url");
    expect(legacyContentHash(read)).toBe(before);
    expect(isLegacyHash(before)).toBe(true);
    expect(isLegacyHash(contentHash(read))).toBe(false);
  });
});
