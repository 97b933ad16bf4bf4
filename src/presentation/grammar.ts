/** What the card's messages select on: the person's gender and how precise a date is. */
import type { Translator } from "../core/i18n/translator.ts";
import type { PartialDate } from "../core/partial-date.ts";
import type { Profile } from "../core/profile.ts";

/** The gender a message selects on: unknown is "other" (their, neutral forms). */
export function genderOf(gender: Profile["gender"]): "male" | "female" | "other" {
  return gender ?? "other";
}

/** How precise a partial date is: messages say "on 17 March 2014" but "in May 2014" or "in 2014". */
export function precisionOf(date: PartialDate): "day" | "month" | "year" {
  return date.length === 10 ? "day" : date.length === 7 ? "month" : "year";
}

/** A date and its precision, as the values of a message that words it ("on …", "in …"). */
export function dated(date: PartialDate, tr: Translator): { date: string; precision: string } {
  return { date: tr.date(date), precision: precisionOf(date) };
}
