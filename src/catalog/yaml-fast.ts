/**
 * The quick road through a YAML file: js-yaml reads values several times faster than `yaml` builds its
 * document tree, and most files are valid. Lines are needed only for problems, so the precise parse
 * (parse-file.ts, with `yaml`'s node ranges) runs only when a problem first asks for one.
 *
 * Taken only where both parsers agree on what the file means; anything else goes the precise road, which
 * also words every syntax error:
 * - a syntax error (js-yaml throws): the precise parse says where and why;
 * - anchors or aliases: `yaml` caps alias expansion (a "billion laughs" file), js-yaml would share them;
 * - an empty or `null` document: js-yaml cannot tell them apart, the precise road skips or refuses each.
 * Both read the YAML 1.2 core schema: dates stay strings, `<<` is an ordinary key, duplicate keys refuse.
 */
import { CORE_SCHEMA, loadAll } from "js-yaml";
import type { DocPath, ParsedDocument } from "./document.ts";

/** An anchor (`&name`) or alias (`*name`) where a node may start: the file uses them. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/m;

/**
 * The documents' values, or undefined when the precise road must be taken. `locate(i)` builds the line
 * lookups of the i-th document (empty documents counted), once, from the precise parse.
 */
export function quickYamlDocuments(
  text: string,
  locate: () => ReadonlyArray<ParsedDocument["lineAt"] | undefined>,
): ParsedDocument[] | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  const values = valuesOf(text);
  if (!values) return undefined;
  // The lookups below keep only `locate` (the text) alive, never the values: records go as they are written.
  let locators: ReadonlyArray<ParsedDocument["lineAt"] | undefined> | undefined;
  const documents: ParsedDocument[] = [];
  for (const [index, value] of values.entries()) {
    // An empty document (a stray `---`) or a bare `null`: js-yaml reads both as null, the precise road
    // tells them apart (one is skipped, the other refused), as it always has.
    if (value === null || value === undefined) return undefined;
    documents.push({
      value,
      linesKeepText: true,
      lineAt(path: DocPath) {
        locators ??= locate();
        return locators[index]?.(path);
      },
    });
  }
  return documents;
}

/** Every document's value, or undefined on a syntax error (apart, so no lookup's closure holds them). */
function valuesOf(text: string): unknown[] | undefined {
  const values: unknown[] = [];
  try {
    loadAll(text, (doc) => values.push(doc), { schema: CORE_SCHEMA, json: false });
    return values;
  } catch {
    return undefined;
  }
}
