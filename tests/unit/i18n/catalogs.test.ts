/**
 * The catalogs keep each other honest: every language has every English key, with the same placeholders
 * of the same kinds, every message parses as ICU MessageFormat, no catalog has a key English lacks, and
 * every English key is used somewhere in the code (a key read through a template, such as
 * `card.status.${status}`, counts by its prefix).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGS, REVIEWS, SOURCE } from "../../../src/core/i18n/catalogs.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";

function placeholders(
  elements: MessageFormatElement[],
  found = new Map<string, string>(),
): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ("value" in element && typeof element.value === "string") {
      // Plural and number arguments both take numbers; select and plain arguments both take text.
      const kind = element.type === TYPE.plural || element.type === TYPE.number ? "number" : "text";
      found.set(element.value, kind === "number" || found.get(element.value) === "number" ? "number" : kind);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
    if (element.type === TYPE.tag) placeholders(element.children, found);
  }
  return found;
}

const english = Object.entries(SOURCE).flatMap(([area, messages]) =>
  Object.entries(messages as Record<string, string>).map(([name, text]) => ({
    key: `${area}.${name}`,
    text,
  })),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "catalogs" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("message catalogs", () => {
  it("has a catalog and a review record for every shipped language", () => {
    for (const tag of LANGUAGE_TAGS) {
      expect(CATALOGS[tag], tag).toBeDefined();
      expect(typeof REVIEWS[tag]?.reviewed, tag).toBe("boolean");
    }
  });

  it.each(LANGUAGE_TAGS)(
    "%s: every English key, the same placeholders, nothing extra, all valid ICU",
    (tag) => {
      const problems: string[] = [];
      for (const { key, text } of english) {
        const [area, name] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
        const translated = CATALOGS[tag]?.[area]?.[name];
        if (typeof translated !== "string" || translated.trim() === "") {
          problems.push(`${key}: missing`);
          continue;
        }
        let theirs: Map<string, string>;
        try {
          theirs = placeholders(parse(translated, { ignoreTag: true }));
        } catch (err) {
          problems.push(`${key}: not valid ICU MessageFormat (${(err as Error).message})`);
          continue;
        }
        const ours = placeholders(parse(text, { ignoreTag: true }));
        // Names only: `{count}` and `{count, number}` take the same value (a language may format it as a number).
        const show = (m: Map<string, string>) => JSON.stringify([...m.keys()].sort());
        if (show(ours) !== show(theirs))
          problems.push(`${key}: placeholders ${show(theirs)}, English has ${show(ours)}`);
      }
      for (const [area, messages] of Object.entries(CATALOGS[tag] ?? {})) {
        for (const name of Object.keys(messages)) {
          if (!english.some((e) => e.key === `${area}.${name}`))
            problems.push(`${area}.${name}: not an English key`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("uses every English key somewhere in the code", () => {
    const code = ["src", "commands", "platforms"]
      .flatMap((dir) => sourceFiles(dir))
      .map((f) => readFileSync(f, "utf8"));
    const all = code.join("\n");
    const unused = english
      .map((e) => e.key)
      .filter((key) => {
        if (all.includes(`"${key}"`) || all.includes(`'${key}'`) || all.includes(`\`${key}\``)) return false;
        // A key built from a prefix and a value: `card.status.${status}` names every card.status.* key.
        const prefixes = key.split(".").map((_, i, parts) => parts.slice(0, i).join("."));
        return !prefixes.some((p) => p.includes(".") && all.includes(`\`${p}.\${`));
      });
    expect(unused).toEqual([]);
  });
});
