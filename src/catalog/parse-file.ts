/**
 * Turns a file's text into documents with line lookup. YAML files may hold several documents (`---`);
 * a JSON file holds one. Syntax errors become problems with a line; nothing here throws for bad input.
 */
import { type Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import type { ImportProblem } from "../core/errors.ts";
import type { DocPath, ParsedDocument } from "./document.ts";
import { pathKey, scanJson } from "./json-lines.ts";
import { quickYamlDocuments } from "./yaml-fast.ts";

export interface ParsedFile {
  documents: ParsedDocument[];
  problems: ImportProblem[];
}

export function parseFile(file: string, rawText: string, format: "yaml" | "json"): ParsedFile {
  // Editors on Windows may save a byte-order mark; neither parser wants it.
  const text = rawText.startsWith("\uFEFF") ? rawText.slice(1) : rawText;
  if (text.trim() === "")
    return { documents: [], problems: [{ file, path: "", message: "the file is empty" }] };
  return format === "json" ? parseJson(file, text) : parseYaml(file, text);
}

function parseJson(file: string, text: string): ParsedFile {
  const scan = scanJson(text);
  if (scan.error) {
    return {
      documents: [],
      problems: [{ file, path: "", line: scan.error.line, message: scan.error.message }],
    };
  }
  const lineAt = (path: DocPath): number | undefined => {
    // Fall back to the nearest parent: a missing field is reported at the object that lacks it.
    for (let n = path.length; n >= 0; n--) {
      const line = scan.lines.get(pathKey(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
  return { documents: [{ value: JSON.parse(text) as unknown, lineAt }], problems: [] };
}

function parseYaml(file: string, text: string): ParsedFile {
  const parsed = parseYamlChunk(file, text, 1);
  if (parsed.documents.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push({ file, path: "", message: "the file holds no documents" });
  }
  return parsed;
}

/**
 * The documents of a piece of a YAML file that starts at line `firstLine` (a large file is parsed a
 * document at a time, see yaml-chunks.ts); lines in problems and lookups count from the file's start.
 */
export function parseYamlChunk(file: string, text: string, firstLine: number): ParsedFile {
  const quick = quickYamlDocuments(text, () => preciseYamlChunk(file, text, firstLine).locators);
  return quick ? { documents: quick, problems: [] } : preciseYamlChunk(file, text, firstLine);
}

/**
 * The precise road (`yaml`'s document tree, with node ranges): worded syntax errors, and line lookups by
 * document, empty documents included (`locators[i]` for the i-th), for the quick road's problems.
 */
function preciseYamlChunk(
  file: string,
  text: string,
  firstLine: number,
): ParsedFile & { locators: Array<ParsedDocument["lineAt"] | undefined> } {
  const locators: Array<ParsedDocument["lineAt"] | undefined> = [];
  const lineCounter = new LineCounter();
  const offset = firstLine - 1;
  const documents: ParsedDocument[] = [];
  const problems: ImportProblem[] = [];
  // The YAML 1.2 core schema (the default) keeps dates as strings, which is what the schema expects.
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const doc of docs) {
    const at = locators.push(undefined) - 1;
    if (doc.errors.length > 0) {
      // A document with syntax errors is not validated: its content would only produce misleading noise.
      for (const error of doc.errors) {
        const line = lineCounter.linePos(error.pos[0]).line + offset;
        problems.push({ file, path: "", line, message: `YAML syntax error: ${error.message}` });
      }
      continue;
    }
    // An empty document (a stray `---` at the start or the end) holds nothing to import.
    if (doc.contents === null) continue;
    try {
      const lineAt = yamlLineLocator(doc, lineCounter);
      const shifted = (path: DocPath) => {
        const line = lineAt(path);
        return line === undefined ? undefined : line + offset;
      };
      locators[at] = offset === 0 ? lineAt : shifted;
      documents.push({ value: doc.toJS() as unknown, lineAt: locators[at] });
    } catch (error) {
      // toJS refuses, for instance, alias expansions that would blow up memory.
      const line = lineCounter.linePos(doc.range[0]).line + offset;
      problems.push({ file, path: "", line, message: `cannot read this YAML document: ${messageOf(error)}` });
    }
  }
  return { documents, problems, locators };
}

function yamlLineLocator(doc: Document, lineCounter: LineCounter): (path: DocPath) => number | undefined {
  const lineOf = (node: unknown): number | undefined =>
    isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOf(node);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        // A field is reported at its key: that is the line to edit even when the value is missing.
        line = lineOf(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item === undefined) break;
        line = lineOf(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
