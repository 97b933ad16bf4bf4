/**
 * The bot's own neutral words for a record: statuses, charges, sentences, relatives and designations.
 * Every renderer (card, share kit, choices, posts) reuses these so that no platform invents its own phrasing
 * and none asserts guilt ("charged with", never "committed").
 */
import type { Detention, DetentionStatus, Profile, RELEASE_TYPES } from "../core/profile.ts";
import { formatPartialDate, type PartialDate } from "../core/partial-date.ts";

type ReleaseType = (typeof RELEASE_TYPES)[number];
type Gender = Profile["gender"];
type Designation = Profile["designations"][number];
type Charge = Detention["charges"][number];

export const STATUS_LABELS: Readonly<Record<DetentionStatus, string>> = {
  pretrial_detention: "In pretrial detention",
  on_trial: "On trial",
  sentenced: "Sentenced",
  house_arrest: "Under house arrest",
  disappeared: "Disappeared",
  conditionally_released: "Conditionally released",
  released: "Released",
  exiled: "In exile",
  died_in_custody: "Died in custody",
  died: "Died",
  unknown: "Unknown",
};

/** How a release came about, as Memorial records it: "Released (acquitted)". */
export const RELEASE_TYPE_LABELS: Readonly<Record<ReleaseType, string>> = {
  served: "sentence served",
  parole: "on parole",
  pardon: "pardoned",
  acquittal: "acquitted",
  exchange: "in a prisoner exchange",
  amnesty: "under an amnesty",
  conditional: "conditionally",
  other: "other",
};

/** Statuses in which the person is held now; the card says "Detained since" only for these. */
export const STILL_DETAINED: readonly DetentionStatus[] = [
  "pretrial_detention",
  "on_trial",
  "sentenced",
  "house_arrest",
];

export function isStillDetained(status: DetentionStatus): boolean {
  return STILL_DETAINED.includes(status);
}

/** "on 17 March 2014" for a whole date, "in May 2016" for a month or a year: never a made-up day. */
export function datePhrase(date: PartialDate): string {
  return `${date.length === 10 ? "on" : "in"} ${formatPartialDate(date)}`;
}

/** "Released (acquitted) on 23 April 2020", or the plain label when nobody was released; no note. */
export function shortStatus(detention: Pick<Detention, "status" | "release">): string {
  const label = STATUS_LABELS[detention.status];
  const release = detention.release;
  if (!release) return label;
  const how = release.type === "other" ? "" : ` (${RELEASE_TYPE_LABELS[release.type]})`;
  return `${label}${how} ${datePhrase(release.date)}`;
}

/** The short status, then the release's note after ": ", as the card's Status line shows it. */
export function describeStatus(detention: Pick<Detention, "status" | "release">): string {
  const note = detention.release?.note;
  return note ? `${shortStatus(detention)}: ${note}` : shortStatus(detention);
}

export function possessive(gender: Gender): "his" | "her" | "their" {
  if (gender === "male") return "his";
  if (gender === "female") return "her";
  return "their";
}

/** "his wife", "her daughter": how a relative who must not be named is referred to. */
export function relationshipWithPronoun(relationship: string, gender: Gender): string {
  return `${possessive(gender)} ${relationship.trim()}`;
}

/** `Charged with "organising mass riots" (Article 233); "violence against officials"`: labels as reported. */
export function formatCharges(charges: readonly Charge[]): string {
  if (charges.length === 0) return "None reported";
  const quoted = charges.map((c) => `"${c.label}"${c.statute ? ` (${c.statute})` : ""}`);
  return `Charged with ${quoted.join("; ")}`;
}

/** 120 → "10 years", 165 → "13 years and 9 months". */
export function formatTerm(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? "year" : "years"}`);
  if (rest > 0) parts.push(`${rest} ${rest === 1 ? "month" : "months"}`);
  return parts.join(" and ");
}

/**
 * "Sentenced to 7 years on 17 March 2014"; the term to serve is added where it differs from the one
 * pronounced (concurrent terms), since readers otherwise take the total as the time in prison.
 */
export function formatSentence(detention: Pick<Detention, "sentence" | "sentenceDate">): string | undefined {
  const sentence = detention.sentence;
  if (!sentence) return undefined;
  const term =
    sentence.life && !/life imprisonment/i.test(sentence.asPronounced)
      ? "life imprisonment"
      : sentence.asPronounced;
  const when = detention.sentenceDate ? ` ${datePhrase(detention.sentenceDate)}` : "";
  const served = sentence.servedTermMonths;
  const differs = served !== undefined && served !== sentence.termMonths;
  return `Sentenced to ${term}${when}${differs ? `; the term to serve is ${formatTerm(served)}` : ""}`;
}

/** "Amnesty International: prisoner of conscience (2014)", "(2014; withdrawn 2021)" when withdrawn. */
export function formatDesignation(designation: Designation): string {
  const dates = [
    designation.date ? formatPartialDate(designation.date) : undefined,
    designation.withdrawn ? `withdrawn ${formatPartialDate(designation.withdrawn)}` : undefined,
  ].filter((d) => d !== undefined);
  return `${designation.by}: ${designation.kind}${dates.length > 0 ? ` (${dates.join("; ")})` : ""}`;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** The curated label where the code alone would mislead (occupied Crimea), else the English name. */
export function countryName(country: Profile["country"]): string {
  return country.label ?? regionNames.of(country.code) ?? country.code;
}

/** Upper-cases the first letter, for a phrase that starts a value: "His wife, Vafa Mammadova". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
