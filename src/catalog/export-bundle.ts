/**
 * Writes campaigns and profiles as one bundle document, the format `readImportFiles` reads back to the
 * same data: `export` followed by `import` changes nothing.
 */
import { Document } from "yaml";
import type { Campaign, Profile } from "../core/profile.ts";

export interface Bundle {
  campaigns: Campaign[];
  profiles: Profile[];
}

export function exportBundle(input: Bundle, format: "yaml" | "json"): string {
  // Only the two lists: a field added here would be an unknown field on import.
  const bundle: Bundle = { campaigns: input.campaigns, profiles: input.profiles };
  if (format === "json") return `${JSON.stringify(bundle, null, 2)}\n`;
  // Repeated objects are written out in full: anchors and aliases would puzzle curators editing the file.
  const doc = new Document(bundle, { aliasDuplicateObjects: false });
  doc.commentBefore = " FreeToBeHome export: campaigns and profiles; read back with `freetobehome import`.";
  // No folding: long summaries stay on one line, so a diff of two exports shows whole sentences.
  return doc.toString({ lineWidth: 0 });
}
