/**
 * Writes campaigns and profiles in the format `readImportFiles` reads back to the same data: `export`
 * followed by `import` changes nothing, and exporting again gives the same bytes. The text is made a
 * piece at a time, so a catalog of any size is written without holding all of it.
 * - YAML: the campaigns as a first document (`campaigns: [...]`), then one document per profile. An
 *   import reads a large file a document at a time (yaml-chunks.ts), so the file reads back in bounded
 *   memory too.
 * - JSON: one object `{ "campaigns": [...], "profiles": [...] }`, indented by two.
 */
import { CORE_SCHEMA, dump } from "js-yaml";
import { Document } from "yaml";
import type { Campaign, Profile } from "../core/profile.ts";

export interface Bundle {
  campaigns: Campaign[];
  profiles: Profile[];
}

const HEADER = " FreeToBeHome export: campaigns and profiles; read back with `freetobehome import`.";

function yamlText(value: unknown, comment?: string): string {
  // Repeated objects are written out in full: anchors and aliases would puzzle curators editing the file.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (comment !== undefined) doc.commentBefore = comment;
  // No folding: long summaries stay on one line, so a diff of two exports shows whole sentences.
  return doc.toString({ lineWidth: 0 });
}

/**
 * One profile as YAML, by js-yaml: several times faster than building `yaml`'s document for each of tens of
 * thousands of profiles, and read back to the same values by both import roads (the YAML 1.2 core schema;
 * words a YAML 1.1 reader would change, such as "yes" or "on", are quoted too). The same rules as
 * `yamlText`: no anchors, no folding.
 */
function profileYaml(profile: Profile): string {
  return dump(profile, { schema: CORE_SCHEMA, noRefs: true, lineWidth: -1 });
}

const indent = (text: string, by: string) => text.replaceAll("\n", `\n${by}`);

/** The export's text in pieces: `head`, then `page` for each page of profiles in order, then `tail`. */
export interface ExportWriter {
  head(): string;
  page(profiles: readonly Profile[]): string;
  tail(): string;
}

export function exportWriter(campaigns: Campaign[], format: "yaml" | "json"): ExportWriter {
  if (format === "yaml") {
    return {
      // Only these lists: a field added here would be an unknown field on import.
      head: () => yamlText({ campaigns }, HEADER),
      page: (profiles) => profiles.map((p) => `---\n${profileYaml(p)}`).join(""),
      tail: () => "",
    };
  }
  // The text JSON.stringify({ campaigns, profiles }, null, 2) gives, a profile at a time.
  const item = (value: unknown) => `    ${indent(JSON.stringify(value, null, 2), "    ")}`;
  let first = true;
  return {
    head: () =>
      `{\n  "campaigns": ${campaigns.length > 0 ? `[\n${campaigns.map(item).join(",\n")}\n  ]` : "[]"},\n  "profiles": [`,
    page: (profiles) =>
      profiles
        .map((p) => {
          const text = `${first ? "\n" : ",\n"}${item(p)}`;
          first = false;
          return text;
        })
        .join(""),
    tail: () => (first ? "]\n}\n" : "\n  ]\n}\n"),
  };
}

/** The whole export as one string, for small catalogs and tests. */
export function exportBundle(input: Bundle, format: "yaml" | "json"): string {
  const writer = exportWriter(input.campaigns, format);
  return writer.head() + writer.page(input.profiles) + writer.tail();
}
