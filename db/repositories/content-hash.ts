/**
 * A profile's content hash: the same for the same record whatever the key order of its file, so a
 * re-import can tell an unchanged profile from its hash alone, without reading the stored one back.
 */
import { createHash } from "node:crypto";
import type { Profile } from "../../src/core/profile.ts";

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

export function contentHash(profile: Profile): string {
  return createHash("sha256").update(canonical(profile)).digest("base64url");
}
