/**
 * The pseudo-language: each English message with its letters accented, made about 40% longer and
 * bracketed, placeholders and ICU syntax untouched. Run through the tests, it shows English that never
 * went through a catalog (no brackets, no accents) and replies that would overflow in a longer language.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

const ACCENTED: Readonly<Record<string, string>> = {
  a: "á",
  e: "é",
  i: "í",
  o: "ö",
  u: "û",
  c: "ç",
  n: "ñ",
  y: "ý",
  s: "š",
  z: "ž",
  A: "Á",
  E: "É",
  I: "Í",
  O: "Ö",
  U: "Û",
  C: "Ç",
  N: "Ñ",
  Y: "Ý",
  S: "Š",
  Z: "Ž",
};

function accent(text: string): string {
  let out = "";
  for (const char of text) out += ACCENTED[char] ?? char;
  // About 40% longer: a filler after every five letters, as German or Russian often are.
  const letters = text.replace(/[^A-Za-z]/g, "").length;
  return letters === 0 ? out : out + "~".repeat(Math.ceil(letters * 0.4));
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }]),
      );
      return { ...element, options };
    }
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    return element;
  });
}

/** The pseudo-language's version of one English ICU message. */
export function pseudoMessage(english: string): string {
  return `[${printAST(transform(parse(english, { ignoreTag: true })))}]`;
}
