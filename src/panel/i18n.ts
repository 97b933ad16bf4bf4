/**
 * The staff member's language: the `lang` cookie the picker sets (matched against the languages, never
 * used as a key), else the browser's Accept-Language in q order, else the bot's DEFAULT_LANGUAGE. Also
 * the helpers that put markup into a translated sentence and write an instant for staff.
 */
import { type AnyLanguageTag, languageOf, matchLanguage, PSEUDO_LANGUAGE } from "../core/i18n/languages.ts";
import {
  type MessageKey,
  type MessageValues,
  type Translator,
  translatorFor,
} from "../core/i18n/translator.ts";
import { escapeHtml, Html } from "./html.ts";

export const LANG_COOKIE = "lang";

/** A tag from the cookie or `?lang=`: one of ours (the pseudo-language too, for tests), else undefined. */
export function chosenLanguage(value: string | undefined): AnyLanguageTag | undefined {
  if (!value || value.length > 35) return undefined;
  const exact = languageOf(value);
  if (exact) return exact.tag;
  return matchLanguage(value);
}

/** The browser's languages, best first (q order, then as listed), matched to ours. */
export function fromAcceptLanguage(header: string | undefined): AnyLanguageTag | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.range !== "" && r.range !== "*" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { range } of ranked) {
    const tag = matchLanguage(range);
    if (tag && tag !== PSEUDO_LANGUAGE) return tag;
  }
  return undefined;
}

export function panelTranslator(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
  fallback: AnyLanguageTag | undefined,
): Translator {
  return translatorFor(chosenLanguage(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? fallback ?? "en");
}

/** A translated sentence with markup in it: the text is escaped, then each `Html` value put in its place. */
export function tHtml(
  tr: Translator,
  key: MessageKey,
  values: MessageValues,
  markup: Readonly<Record<string, Html>>,
): Html {
  const marks = Object.keys(markup);
  const withMarks = { ...values, ...Object.fromEntries(marks.map((m, i) => [m, `\u0000${i}\u0000`])) };
  let out = escapeHtml(tr.t(key, withMarks));
  marks.forEach((m, i) => {
    out = out.replace(`\u0000${i}\u0000`, markup[m]?.text ?? "");
  });
  return new Html(out);
}

/** An instant as staff read it in lists and records: its day and minute in UTC, in their language. */
export function utcMinute(tr: Translator, at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const iso = date.toISOString();
  const time = new Intl.DateTimeFormat(tr.language.intl, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(date);
  return tr.t("panel.atUtc", { date: tr.date(iso.slice(0, 10)), time });
}
