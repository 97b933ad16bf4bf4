/**
 * What the parsers hand to validation: a document's plain value and a way back to the line a value came
 * from, so each problem can point at the line the curator has to edit.
 */

/** A path inside a document, as zod reports it: object keys and array indices. */
export type DocPath = readonly PropertyKey[];

export interface ParsedDocument {
  value: unknown;
  /** The 1-based line of the value at `path`, or of its nearest parent that exists in the file. */
  lineAt(path: DocPath): number | undefined;
  /**
   * `lineAt` keeps only the file's text alive, and works lines out when first asked (the quick YAML road):
   * a record's lookups may be kept until the end. Absent: it holds a parse tree, to be asked early and let go.
   */
  linesKeepText?: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `detentions[0].status`: the form curators see in error messages and in the data-model brief. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** The value at `path` in plain data, or undefined where the path leads nowhere. */
export function valueAt(value: unknown, path: DocPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
