/**
 * A sentence as the card words it: "Sentenced to 7 years on 17 March 2014". The term is reported text
 * ("7 years", "13 years, 9 months and 7 days"); read as years, months and days where it has that shape,
 * it is said in the reader's language with its plurals, else kept as the data gives it.
 */
import { english, type Translator } from "../core/i18n/translator.ts";
import type { Detention, Profile } from "../core/profile.ts";
import { dated, genderOf } from "./grammar.ts";

interface Term {
  years: number;
  months: number;
  days: number;
}

const UNIT = /^(\d+)\s+(year|month|day)s?$/i;

/** "13 years, 9 months and 7 days" → its parts; undefined for any other shape ("life", "10 years (…)"). */
export function parseTerm(text: string): Term | undefined {
  const parts = text
    .trim()
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/i)
    .filter((p) => p !== "");
  const term: Term = { years: 0, months: 0, days: 0 };
  const seen = new Set<string>();
  for (const part of parts) {
    const match = UNIT.exec(part);
    const unit = match?.[2]?.toLowerCase();
    if (!match || !unit || seen.has(unit)) return undefined;
    seen.add(unit);
    term[`${unit}s` as keyof Term] = Number(match[1]);
  }
  return seen.size > 0 ? term : undefined;
}

/** "10 years", "13 years and 9 months", "21 год": the parts that are not zero, as a list. */
export function sayTerm(term: Term, tr: Translator = english): string {
  const parts: string[] = [];
  if (term.years > 0) parts.push(tr.t("card.years", { count: term.years }));
  if (term.months > 0) parts.push(tr.t("card.months", { count: term.months }));
  if (term.days > 0) parts.push(tr.t("card.days", { count: term.days }));
  return tr.list(parts);
}

/** 120 → "10 years", 165 → "13 years and 9 months". */
export function formatTerm(months: number, tr: Translator = english): string {
  return sayTerm({ years: Math.floor(months / 12), months: months % 12, days: 0 }, tr);
}

/**
 * The pronounced term. English keeps the reported words ("life" said as "life imprisonment"); another
 * language gets them in its own words where they have a shape it can read, else as reported.
 */
function termOf(sentence: NonNullable<Detention["sentence"]>, tr: Translator): string {
  const text = sentence.asPronounced;
  if (tr === english) {
    return sentence.life && !/life imprisonment/i.test(text) ? tr.t("card.lifeImprisonment") : text;
  }
  if (sentence.life || /^\s*life(?: imprisonment)?\s*$/i.test(text)) return tr.t("card.lifeImprisonment");
  const term = parseTerm(text);
  return term ? sayTerm(term, tr) : text;
}

/**
 * "Sentenced to 7 years on 17 March 2014"; the term to serve is added where it differs from the one
 * pronounced (concurrent terms), since readers otherwise take the total as the time in prison.
 */
export function formatSentence(
  detention: Pick<Detention, "sentence" | "sentenceDate">,
  gender: Profile["gender"] = undefined,
  tr: Translator = english,
): string | undefined {
  const sentence = detention.sentence;
  if (!sentence) return undefined;
  const term = termOf(sentence, tr);
  const values = { term, gender: genderOf(gender) };
  const said = detention.sentenceDate
    ? tr.t("card.sentenceOnDate", { ...values, ...dated(detention.sentenceDate, tr) })
    : tr.t("card.sentence", values);
  const served = sentence.servedTermMonths;
  if (served === undefined || served === sentence.termMonths) return said;
  return tr.t("card.sentenceServed", { sentence: said, served: formatTerm(served, tr) });
}
