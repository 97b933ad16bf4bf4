/**
 * English the bot wrote itself, found in an answer: every phrase of the English catalog (a literal run of
 * two words or more, at least eight letters) that turns up as it is. Run with the pseudo-language, where
 * every message of the bot's is accented, an English phrase means a text that never went through a
 * catalog, or was said in English when the reader's language was known.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { SOURCE } from "../../src/core/i18n/catalogs.ts";

function literals(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) literals(option.value, into);
    }
    if (element.type === TYPE.tag) literals(element.children, into);
  }
  return into;
}

const PHRASES: readonly string[] = [
  ...new Set(
    Object.values(SOURCE)
      .flatMap((area) => Object.values(area as Record<string, string>))
      .flatMap((message) => literals(parse(message, { ignoreTag: true })))
      .flatMap((text) => text.split(/[\n.:;!?()“”"]+/))
      .map((text) => text.trim())
      .filter((text) => /\S+ \S+/.test(text) && text.replace(/[^A-Za-z]/g, "").length >= 8),
  ),
];

/** The English catalog phrases found in `text`. */
export function englishLeft(text: string): string[] {
  return PHRASES.filter((phrase) => text.includes(phrase));
}
