/**
 * Rewrites zod's issues into messages a curator can act on: what was found and what is allowed there.
 * zod's default English messages ("Invalid option: expected one of …") are replaced; messages the schema
 * wrote itself ("a minor is never named …") are kept as they are.
 */
import type { z } from "zod";
import { type DocPath, valueAt } from "./document.ts";

type Issue = z.core.$ZodIssue;

/** The parts of a zod schema definition needed to find which fields an object allows. */
interface SchemaDef {
  type: string;
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
}

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "readonly", "catch"]);

/** The field names an object schema allows at `path`, or undefined where there is no object schema. */
export function allowedKeys(schema: z.core.$ZodType, path: DocPath): string[] | undefined {
  let def = schema._zod.def as unknown as SchemaDef;
  const unwrap = () => {
    for (;;) {
      if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def;
      else if (def.type === "pipe" && def.in) def = def.in._zod.def;
      else return;
    }
  };
  unwrap();
  for (const segment of path) {
    const next = typeof segment === "number" ? def.element : def.shape?.[String(segment)];
    if (!next) return undefined;
    def = next._zod.def;
    unwrap();
  }
  return def.shape ? Object.keys(def.shape) : undefined;
}

export function describeIssue(issue: Issue, root: unknown): string {
  const found = valueAt(root, issue.path);
  switch (issue.code) {
    case "invalid_value": {
      const allowed = `allowed values: ${issue.values.map((v) => String(v)).join(", ")}`;
      if (found === undefined) return `required field is missing; ${allowed}`;
      return `${show(found)} is not allowed; ${allowed}`;
    }
    case "invalid_type":
      if (found === undefined) return `required field is missing (expected ${typeName(issue.expected)})`;
      if (issue.expected === "string" && typeof found === "number" && /^\d{4}$/.test(String(found))) {
        // YAML reads a bare year as a number; dates are text in our schema.
        return `expected text, found the number ${found}; write dates in quotes, e.g. "${found}"`;
      }
      return `expected ${typeName(issue.expected)}, found ${describeType(found)}`;
    case "too_small":
      if (issue.message.startsWith("Too small") && issue.origin === "array") {
        return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`;
      }
      if (issue.message.startsWith("Too small"))
        return `too small: must be at least ${String(issue.minimum)}`;
      return issue.message;
    case "too_big":
      if (issue.message.startsWith("Too big") && issue.origin === "string") {
        return `too long: at most ${String(issue.maximum)} characters`;
      }
      if (issue.message.startsWith("Too big")) return `too big: must be at most ${String(issue.maximum)}`;
      return issue.message;
    default:
      return issue.message;
  }
}

/** One message per unknown field, with a guess at the intended field and the fields allowed there. */
export function describeUnknownKey(key: string, allowed: readonly string[] | undefined): string {
  if (!allowed) return `unknown field "${key}"`;
  const guess = allowed.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  const hint = guess ? ` (did you mean "${guess}"?)` : "";
  return `unknown field "${key}"${hint}; allowed here: ${allowed.join(", ")}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(expected: string): string {
  if (expected === "string") return "text";
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping of fields";
  if (expected === "boolean") return "true or false";
  return expected;
}

function describeType(value: unknown): string {
  if (value === null) return "an empty value (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping of fields";
  return `${typeof value} ${show(value)}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
