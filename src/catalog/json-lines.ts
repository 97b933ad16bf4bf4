/**
 * A strict JSON scanner that records the line of every value. JSON.parse gives no line for a syntax error
 * on Node 20 (often not even a position), and no positions at all for valid input, so this pass supplies
 * both; JSON.parse still produces the value itself.
 */
import type { DocPath } from "./document.ts";

export interface JsonScan {
  /** Line of each value, keyed by `pathKey(path)`; object members are recorded at their key's line. */
  lines: Map<string, number>;
  error?: { message: string; line: number };
}

export function pathKey(path: DocPath): string {
  return JSON.stringify(path.map((s) => (typeof s === "number" ? s : String(s))));
}

/** Deeper nesting than any profile needs; the limit keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function scanJson(text: string): JsonScan {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lines = new Map<string, number>();
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos]!)) pos++;
  };
  const expectChar = (ch: string, what: string) => {
    skipSpace();
    if (text[pos] !== ch) fail(`expected ${what}`);
    pos++;
  };
  /** Just past `{` or `[`: steps over its closer and says so when the object or list is empty. */
  const closesAt = (closer: "}" | "]"): boolean => {
    skipSpace();
    if (text[pos] !== closer) return false;
    pos++;
    return true;
  };
  /** After a member or item: past a comma (more follow, false) or past the closer (the end, true). */
  const closedAfter = (closer: "}" | "]", what: string): boolean => {
    if (closesAt(closer)) return true;
    if (text[pos] !== ",") fail(`expected "," or "${closer}" after ${what}`);
    pos++;
    return false;
  };

  const scanString = (): void => {
    const start = pos++;
    for (;;) {
      if (pos >= text.length) fail("unterminated string", start);
      const ch = text[pos]!;
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch < " ") fail("control character in a string (use \\n or \\t)");
      if (ch === "\\") {
        const next = text[pos + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail("bad \\u escape in a string");
          pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail("bad escape in a string");
        pos += 2;
        continue;
      }
      pos++;
    }
  };

  const scanValue = (path: DocPath, depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) fail("nested too deeply");
    const key = pathKey(path);
    if (!lines.has(key)) lines.set(key, lineOf(pos));
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      if (closesAt("}")) return;
      do {
        skipSpace();
        if (text[pos] !== '"') fail('expected a property name in double quotes (is there a trailing ","?)');
        const keyStart = pos;
        scanString();
        const name = JSON.parse(text.slice(keyStart, pos)) as string;
        const memberPath = [...path, name];
        lines.set(pathKey(memberPath), lineOf(keyStart));
        expectChar(":", '":" after a property name');
        scanValue(memberPath, depth + 1);
      } while (!closedAfter("}", "a property value"));
      return;
    }
    if (ch === "[") {
      pos++;
      if (closesAt("]")) return;
      let i = 0;
      do scanValue([...path, i++], depth + 1);
      while (!closedAfter("]", "a list item"));
      return;
    }
    if (ch === '"') {
      scanString();
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, pos)) {
        pos += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.test(text)) {
      pos = NUMBER.lastIndex;
      return;
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word)
      fail(
        `unexpected ${JSON.stringify(word)}: text goes in double quotes; only true, false and null are bare`,
      );
    fail(ch === undefined ? "unexpected end of file" : `unexpected character ${JSON.stringify(ch)}`);
  };

  try {
    scanValue([], 0);
    skipSpace();
    if (pos < text.length) fail("unexpected content after the end of the JSON value");
    return { lines };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { lines, error: { message: `JSON syntax error: ${error.message}`, line: lineOf(error.offset) } };
  }
}
