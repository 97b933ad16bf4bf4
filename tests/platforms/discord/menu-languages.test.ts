/**
 * Slash command menus in the members' languages: every description of every command, subcommand and
 * option of the real registry carries `description_localizations` for each shipped language Discord has a
 * locale for, each within Discord's 100 characters, and `name_localizations` that Discord's naming rules
 * accept (lowercase, 1–32 letters, digits, - _ '), distinct among siblings in every locale.
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { toApplicationCommands } from "../../../platforms/discord/commands.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { FormErrors, validateCommands } from "../../fakes/discord/validate.ts";

type Json = Record<string, unknown>;
/** Discord's locales for Spanish, French, Russian, Ukrainian and Simplified Chinese (not ar, fa, az). */
const LOCALES = ["es-ES", "es-419", "fr", "ru", "uk", "zh-CN"];

/** Every described thing of the body: commands, subcommands and options, with where it is. */
function described(body: readonly Json[]): Array<{ at: string; item: Json }> {
  const walk = (item: Json, at: string): Array<{ at: string; item: Json }> => [
    { at, item },
    ...((item.options as Json[] | undefined) ?? []).flatMap((o) => walk(o, `${at} ${String(o.name)}`)),
  ];
  return body.flatMap((command) => walk(command, `/${String(command.name)}`));
}

describe("Discord menus in every language Discord supports", () => {
  const body = toApplicationCommands(commands) as unknown as Json[];
  const items = described(body);

  it("localizes every command's and option's description, each 1–100 characters, and its name", () => {
    expect(items.length).toBeGreaterThan(commands.length);
    for (const { at, item } of items) {
      const localized = item.description_localizations as Record<string, string> | undefined;
      expect(Object.keys(localized ?? {}).sort(), at).toEqual([...LOCALES].sort());
      for (const [locale, text] of Object.entries(localized ?? {})) {
        expect(text.length, `${at} ${locale}`).toBeGreaterThan(0);
        expect(text.length, `${at} ${locale}`).toBeLessThanOrEqual(100);
        expect(text, `${at} ${locale}`).not.toBe(item.description);
      }
      const names = item.name_localizations as Record<string, string> | undefined;
      expect(Object.keys(names ?? {}).sort(), at).toEqual([...LOCALES].sort());
      for (const [locale, name] of Object.entries(names ?? {})) {
        expect(name, `${at} ${locale}`).toMatch(/^[-_'\p{L}\p{N}]{1,32}$/u);
        expect(name, `${at} ${locale}`).toBe(name.toLocaleLowerCase(locale));
      }
    }
    const errors = new FormErrors();
    validateCommands(body, errors);
    expect(errors.empty ? undefined : errors.body()).toBeUndefined();
  });

  it("says each language's own words: Spanish for both Spanish locales, Simplified Chinese for zh-CN", () => {
    const prisoner = body.find((c) => c.name === "prisoner")!;
    const map = prisoner.description_localizations as Record<string, string>;
    expect(map["es-ES"]).toBe("Busca a un preso de conciencia y a su familia por su nombre");
    expect(map["es-419"]).toBe(map["es-ES"]);
    expect(map["zh-CN"]).toBe(translatorFor("zh-Hans").t("menu.command.prisoner.description"));
    expect(map.uk).toBe(translatorFor("uk").t("menu.command.prisoner.description"));
  });

  it("names each command in the member's language, siblings distinct in every locale", () => {
    const prisoner = body.find((c) => c.name === "prisoner")!;
    expect(prisoner.name_localizations).toMatchObject({
      "es-ES": "preso",
      fr: "prisonnier",
      "zh-CN": "良心犯",
    });
    for (const { at, item } of items) {
      const siblings = ((item.options as Json[] | undefined) ?? []).map((o) => o.name_localizations);
      for (const locale of LOCALES) {
        const names = siblings.map((m) => (m as Record<string, string> | undefined)?.[locale]);
        expect(new Set(names).size, `${at} ${locale}`).toBe(names.length);
      }
    }
  });

  it("refuses a localized name Discord would refuse, naming the command and the locale", () => {
    const [prisoner] = commands;
    // Two options that the Spanish catalog names alike ("nombre") are refused before registering.
    const twice = {
      ...prisoner!,
      options: [prisoner!.options[0]!, { ...prisoner!.options[0]!, name: "name" }],
    };
    expect(() => toApplicationCommands([twice])).toThrow(/option "name" is defined twice/);
    const sub = commands.find((c) => c.name === "schedule")!;
    const clash = {
      ...sub,
      subcommands: sub.subcommands!.map((s) =>
        s.name === "add"
          ? { ...s, options: [...s.options, { name: "fecha", description: "x", required: false }] }
          : s,
      ),
    };
    expect(() => toApplicationCommands([clash])).toThrow(/option in es-ES "fecha" is defined twice/);
  });

  it("leaves a description the catalog does not know (or knows in older words) in English only", () => {
    const [prisoner] = commands;
    const edited = { ...prisoner!, description: "Find someone by name" };
    const [command] = toApplicationCommands([edited]) as unknown as Json[];
    expect(command!.description).toBe("Find someone by name");
    expect(command!.description_localizations).toBeUndefined();
    expect(command!.name_localizations).toBeDefined();
    const renamed = { ...prisoner!, name: "lookup" };
    const [other] = toApplicationCommands([renamed]) as unknown as Json[];
    expect(other!.name_localizations).toBeUndefined();
    // Its option is unchanged, so still localized.
    expect((command!.options as Json[])[0]!.description_localizations).toBeDefined();
  });

  it("the fake refuses what Discord refuses: a locale Discord lacks, a description over 100 characters", () => {
    const errors = new FormErrors();
    validateCommands(
      [
        { name: "a", description: "d", description_localizations: { fa: "ف" } },
        { name: "b", description: "d", description_localizations: { ru: "я".repeat(101) } },
      ],
      errors,
    );
    const tree = errors.body().errors as Record<string, Json>;
    expect(Object.keys(tree).sort()).toEqual(["0", "1"]);
  });
});
