/**
 * The one way text reaches a user: `t(key, values)` finds the message in the language's catalog (else
 * along its fallback chain, ending in English) and formats it as ICU MessageFormat (plurals, select,
 * numbers) with intl-messageformat. Names and other values written in the opposite direction are
 * isolated (bidi.ts). Dates are formatted per locale, always in the Gregorian calendar, so a date reads
 * as the same day its sources give.
 */
import { type MessageFormatElement, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { PartialDate } from "../partial-date.ts";
import { type Direction, isolateFor } from "./bidi.ts";
import { type Areas, CATALOGS, type Catalog } from "./catalogs.ts";
import { type AnyLanguageTag, type Language, LANGUAGES, languageOf, PSEUDO_LANGUAGE } from "./languages.ts";
import { pseudoMessage } from "./pseudo.ts";

/** Every message's key, "area.name", from the English catalog: a key missing there does not compile. */
export type MessageKey = {
  [A in keyof Areas]: `${A & string}.${keyof Areas[A] & string}`;
}[keyof Areas];

export type MessageValues = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly language: Language;
  readonly direction: Direction;
  t(key: MessageKey, values?: MessageValues): string;
  /** "23 April 2020", "April 2020", "2020" in this language; never a made-up day. */
  date(value: PartialDate): string;
  /** "a, b and c" in this language. */
  list(items: readonly string[], type?: "conjunction" | "unit"): string;
  /** A country's name in this language, from its ISO 3166 code. */
  region(code: string): string;
  /** A language's name in this language ("persan" in French), from its tag. */
  languageName(tag: string): string;
  /** Whether this language's own catalog (not a fallback) has the message. */
  has(key: MessageKey): boolean;
}

function rawMessage(tag: AnyLanguageTag, key: string): string | undefined {
  if (tag === PSEUDO_LANGUAGE) {
    const english = rawMessage("en", key);
    return english === undefined ? undefined : pseudoMessage(english);
  }
  const text = lookUp(CATALOGS[tag], key);
  return text !== undefined && text !== "" ? text : undefined;
}

/** A message by "area.name", own properties only: a key such as "constructor.name" finds nothing. */
function lookUp(catalog: Catalog | undefined, key: string): string | undefined {
  const dot = key.indexOf(".");
  if (!catalog || dot <= 0) return undefined;
  const [area, name] = [key.slice(0, dot), key.slice(dot + 1)];
  if (!Object.hasOwn(catalog, area)) return undefined;
  const messages = catalog[area];
  const text = messages && Object.hasOwn(messages, name) ? messages[name] : undefined;
  return typeof text === "string" ? text : undefined;
}

/** The arguments a message uses to choose a branch (select, plural), at any depth. */
function selectorsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      found.add(element.value);
      for (const option of Object.values(element.options)) selectorsOf(option.value, found);
    }
    if (element.type === TYPE.tag) selectorsOf(element.children, found);
  }
  return found;
}

const DATE_STYLES = {
  10: { day: "numeric", month: "long", year: "numeric" },
  7: { month: "long", year: "numeric" },
  4: { year: "numeric" },
} as const;

function createTranslator(language: Language): Translator {
  const compiled = new Map<string, { message: IntlMessageFormat; selectors: ReadonlySet<string> }>();
  const chain = [language.tag, ...language.fallback];
  const dates = new Map<number, Intl.DateTimeFormat>();
  const regions = new Intl.DisplayNames([language.intl], { type: "region" });
  const languages = new Intl.DisplayNames([language.intl], { type: "language" });

  function format(key: MessageKey): { message: IntlMessageFormat; selectors: ReadonlySet<string> } {
    const known = compiled.get(key);
    if (known) return known;
    for (const tag of chain) {
      const text = rawMessage(tag, key);
      if (text === undefined) continue;
      // ignoreTag: "<name>" in a usage line is text, not markup (no message uses ICU rich-text tags).
      const message = new IntlMessageFormat(text, languageOf(tag)?.intl ?? "en-GB", undefined, {
        ignoreTag: true,
      });
      const entry = { message, selectors: selectorsOf(message.getAst()) };
      compiled.set(key, entry);
      return entry;
    }
    // Only a key typed past the compiler (a cast) gets here: a bug, never text for a user.
    throw new Error(`no message "${key}" in ${chain.join(" → ")}`);
  }

  return {
    language,
    direction: language.direction,
    t(key, values) {
      const { message, selectors } = format(key);
      if (!values) return String(message.format());
      const isolated: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(values)) {
        // A select's value picks a branch and is never shown: isolating it would miss every branch.
        const shown = typeof value === "string" && !selectors.has(name);
        isolated[name] = shown ? isolateFor(value, language.direction) : value;
      }
      return String(message.format(isolated));
    },
    date(value) {
      const style = DATE_STYLES[value.length as 10 | 7 | 4];
      let formatter = dates.get(value.length);
      if (!formatter) {
        formatter = new Intl.DateTimeFormat(language.intl, {
          ...style,
          timeZone: "UTC",
          calendar: "gregory",
        });
        dates.set(value.length, formatter);
      }
      const [y, m, d] = value.split("-").map(Number);
      return formatter.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
    },
    list(items, type = "conjunction") {
      return new Intl.ListFormat(language.intl, { type, style: "long" }).format(items);
    },
    region(code) {
      return regions.of(code) ?? code;
    },
    languageName(tag) {
      // The pseudo-language has no name in Intl: its own stands.
      if (tag === PSEUDO_LANGUAGE) return languageOf(tag)?.native ?? tag;
      return languages.of(tag) ?? languageOf(tag)?.native ?? tag;
    },
    has(key) {
      return rawMessage(language.tag, key) !== undefined;
    },
  };
}

const TRANSLATORS = new Map<string, Translator>(LANGUAGES.map((l) => [l.tag, createTranslator(l)]));

/** The translator of a known language tag (see languages.ts); English for anything else. */
export function translatorFor(tag: string | undefined): Translator {
  const language = tag ? languageOf(tag) : undefined;
  // biome-ignore lint/style/noNonNullAssertion: English is always in LANGUAGES
  return TRANSLATORS.get(language?.tag ?? "en") ?? TRANSLATORS.get("en")!;
}

/** The source language's translator: for logs, the operator's command line, and tests. */
export const english: Translator = translatorFor("en");

/** Whether `text` names a message of the English catalog ("area.name"): how argument schemas name theirs. */
export function isMessageKey(text: string): text is MessageKey {
  return lookUp(CATALOGS.en, text) !== undefined;
}
