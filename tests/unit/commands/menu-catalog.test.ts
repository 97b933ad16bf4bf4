/**
 * The command menus' words: the English catalog (area `menu`) says exactly what each definition in
 * commands/*.ts says, for every command, subcommand, option and usage line, so the two cannot drift; every
 * language has every key of the area with the same placeholders.
 */
import { readFileSync } from "node:fs";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { menuItems, menuKey, menuSource, menuText } from "../../../src/core/command-menu.ts";
import { USER_LANGUAGES } from "../../../src/core/i18n/languages.ts";
import { english, isMessageKey, translatorFor } from "../../../src/core/i18n/translator.ts";

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** A language's `menu` area as shipped: catalogs/<tag>/menu.json. */
const menuCatalog = (tag: string): Record<string, string> =>
  JSON.parse(
    readFileSync(new URL(`../../../src/core/i18n/catalogs/${tag}/menu.json`, import.meta.url), "utf8"),
  );

describe("the menu catalog", () => {
  const items = commands.flatMap(menuItems);

  it("repeats every description and usage of the registry word for word in English", () => {
    for (const item of items) {
      const key = menuKey(item);
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(english.t(key), key).toBe(menuSource(item));
    }
    for (const command of commands) {
      const key = menuKey({ command }, "usage");
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(english.t(key), key).toBe(command.usage);
    }
  });

  it("has every key in every language, with the English placeholders", () => {
    const source = menuCatalog("en");
    for (const language of USER_LANGUAGES) {
      const area = menuCatalog(language.tag);
      expect(Object.keys(area).sort(), language.tag).toEqual(Object.keys(source).sort());
      for (const [name, text] of Object.entries(area)) {
        const expected = [...argumentsOf(parse(source[name]!, { ignoreTag: true }))].sort();
        expect(
          [...argumentsOf(parse(text, { ignoreTag: true }))].sort(),
          `${language.tag} menu.${name}`,
        ).toEqual(expected);
      }
    }
  });

  it("says a menu in the reader's language, and the definition's English where the catalog is behind", () => {
    const prisoner = commands.find((c) => c.name === "prisoner")!;
    expect(menuText(translatorFor("fa"), { command: prisoner })).toBe(
      "جست‌وجوی زندانی عقیدتی و خانواده‌اش با نام",
    );
    expect(menuText(translatorFor("ru"), { command: prisoner }, "usage")).toBe("/prisoner <имя>");
    const edited = { ...prisoner, description: "Find someone by name" };
    expect(menuText(translatorFor("fa"), { command: edited })).toBe("Find someone by name");
  });
});
