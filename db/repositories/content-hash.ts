/**
 * A profile's content hash: the same for the same record whatever the key order of its file, so a
 * re-import can tell an unchanged profile from its hash alone, without reading the stored one back.
 *
 * The hash is of the record as the schema returns it, in JSON: the schema writes every object's keys in
 * its own order, whatever the file's, so plain JSON.stringify (native, several times faster than sorting
 * keys by hand; a re-import hashes every profile) is already the same text for the same record. Hashes
 * stored before carry no prefix and were made with keys sorted (`legacyContentHash`); a profile whose
 * stored hash is one of those is compared with it once, and given the new form.
 */
import { createHash } from "node:crypto";
import type { Profile } from "../../src/core/profile.ts";

const PREFIX = "2.";

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

export function contentHash(profile: Profile): string {
  return PREFIX + sha256(JSON.stringify(profile));
}

/** A hash stored before the prefix, made by legacyContentHash (base64url has no '.'). */
export function isLegacyHash(hash: string): boolean {
  return !hash.startsWith(PREFIX);
}

/** JSON with object keys sorted and undefined-valued keys dropped (as sameRecord sees a record). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function legacyContentHash(profile: Profile): string {
  return sha256(canonical(profile));
}
