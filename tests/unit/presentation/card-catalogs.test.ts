/**
 * The `card` and `share` catalogs: every language has every English key, with the same arguments, each
 * message parses, and the cases a select offers in English are all that code passes (others fall to
 * "other", where the data's own word is kept).
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../../src/core/i18n/catalogs/index.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";

const AREAS = ["card", "share"] as const;

function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const sorted = (message: string) => [...argumentsOf(parse(message))].sort();

describe("the card and share catalogs", () => {
  for (const area of AREAS) {
    const source = CATALOGS.en?.[area] ?? {};
    it(`has ${area} messages in English`, () => {
      expect(Object.keys(source).length).toBeGreaterThan(0);
    });
    for (const tag of LANGUAGE_TAGS.filter((t) => t !== "en")) {
      it(`has every ${area} key in ${tag}, with the English arguments`, () => {
        const catalog = CATALOGS[tag]?.[area] ?? {};
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(source).sort());
        for (const [key, english] of Object.entries(source)) {
          const translated = catalog[key] ?? "";
          expect(translated.trim(), `${tag} ${area}.${key}`).not.toBe("");
          expect(sorted(translated), `${tag} ${area}.${key}`).toEqual(sorted(english));
        }
      });
    }
  }
});
