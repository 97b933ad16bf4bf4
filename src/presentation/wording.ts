/**
 * The bot's own neutral words for a record: statuses, charges, sentences, relatives and designations.
 * Every renderer (card, share kit, choices, posts) reuses these so that no platform invents its own phrasing
 * and none asserts guilt ("charged with", never "committed"). Each takes the reader's translator (English
 * by default); the words come from the `card` catalog, the record's own data stays as the data gives it.
 */
import { HELD_STATUSES } from "../core/detention-days.ts";
import { english } from "../core/i18n/translator.ts";
import type { PartialDate } from "../core/partial-date.ts";
import { dated, genderOf } from "./grammar.ts";
import {
  DETENTION_STATUSES,
  type Detention,
  type DetentionStatus,
  type Profile,
  RELEASE_TYPES,
} from "../core/profile.ts";

type ReleaseType = (typeof RELEASE_TYPES)[number];
type Gender = Profile["gender"];
type Designation = Profile["designations"][number];
type Charge = Detention["charges"][number];

/** "In pretrial detention", "Released": the status alone, agreeing with the person where a language asks. */
export function statusLabel(status: DetentionStatus, gender: Gender = undefined, tr = english): string {
  return tr.t("card.status", { status, gender: genderOf(gender) });
}

/** The English labels, for the operator's panel. */
export const STATUS_LABELS: Readonly<Record<DetentionStatus, string>> = Object.fromEntries(
  DETENTION_STATUSES.map((s) => [s, statusLabel(s)]),
) as Record<DetentionStatus, string>;

/** How a release came about, as Memorial records it: "Released (acquitted)". */
export function releaseTypeLabel(type: ReleaseType, gender: Gender = undefined, tr = english): string {
  return tr.t("card.releaseType", { type, gender: genderOf(gender) });
}

export const RELEASE_TYPE_LABELS: Readonly<Record<ReleaseType, string>> = Object.fromEntries(
  RELEASE_TYPES.map((t) => [t, releaseTypeLabel(t)]),
) as Record<ReleaseType, string>;

/** Statuses in which the person is held now; the card says "Detained since" only for these. */
export const STILL_DETAINED: readonly DetentionStatus[] = HELD_STATUSES;

export function isStillDetained(status: DetentionStatus): boolean {
  return STILL_DETAINED.includes(status);
}

/** "on 17 March 2014" for a whole date, "in May 2016" for a month or a year: never a made-up day. */
export function datePhrase(date: PartialDate, tr = english): string {
  return tr.t("card.datePhrase", dated(date, tr));
}

/** "Released (acquitted) on 23 April 2020", or the plain label when nobody was released; no note. */
export function shortStatus(
  detention: Pick<Detention, "status" | "release">,
  gender: Gender = undefined,
  tr = english,
): string {
  const status = statusLabel(detention.status, gender, tr);
  const release = detention.release;
  if (!release) return status;
  if (release.type === "other") return tr.t("card.statusOnDate", { status, ...dated(release.date, tr) });
  const how = releaseTypeLabel(release.type, gender, tr);
  return tr.t("card.statusHowOnDate", { status, how, ...dated(release.date, tr) });
}

/** The short status, then the release's note after ": ", as the card's Status line shows it. */
export function describeStatus(
  detention: Pick<Detention, "status" | "release">,
  gender: Gender = undefined,
  tr = english,
): string {
  const note = detention.release?.note;
  const status = shortStatus(detention, gender, tr);
  return note ? tr.t("card.statusWithNote", { status, note }) : status;
}

/** `Charged with "organising mass riots" (Article 233); "violence against officials"`: labels as reported. */
export function formatCharges(charges: readonly Charge[], tr = english): string {
  if (charges.length === 0) return tr.t("card.chargesNone");
  const quoted = charges.map((c) =>
    c.statute
      ? tr.t("card.chargeWithStatute", { label: c.label, statute: c.statute })
      : tr.t("card.charge", { label: c.label }),
  );
  return tr.t("card.chargedWith", { charges: quoted.join(tr.t("card.separator")) });
}

/** "Amnesty International: prisoner of conscience (2014)", "(2014; withdrawn 2021)" when withdrawn. */
export function formatDesignation(
  designation: Designation,
  gender: Gender = undefined,
  tr = english,
): string {
  const by = designation.by;
  const word = designation.kind;
  const kind = tr.t("card.designationKind", { kind: designationKey(word), word, gender: genderOf(gender) });
  const date = designation.date && tr.date(designation.date);
  const withdrawn = designation.withdrawn && tr.date(designation.withdrawn);
  if (date && withdrawn) return tr.t("card.designationWithdrawn", { by, kind, date, withdrawn });
  if (withdrawn) return tr.t("card.designationWithdrawnUndated", { by, kind, withdrawn });
  if (date) return tr.t("card.designationDated", { by, kind, date });
  return tr.t("card.designation", { by, kind });
}

/** The designations the catalog words in every language; any other stays as the data gives it. */
const DESIGNATION_KINDS = ["prisoner_of_conscience", "political_prisoner", "arbitrarily_detained"];

function designationKey(kind: string): string {
  const key = kind.trim().toLowerCase().replace(/\s+/g, "_");
  return DESIGNATION_KINDS.includes(key) ? key : "other";
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** The curated label where the code alone would mislead (occupied Crimea), else the country's name. */
export function countryName(country: Profile["country"], tr = english): string {
  if (country.label) return country.label;
  // English keeps the names it always gave ("St. Lucia"); every other language asks its own locale.
  return tr === english ? (regionNames.of(country.code) ?? country.code) : tr.region(country.code);
}

/** Upper-cases the first letter, for a phrase that starts a value: "His wife, Vafa Mammadova". */
export function capitalize(text: string, tr = english): string {
  return text.charAt(0).toLocaleUpperCase(tr.language.intl) + text.slice(1);
}

export { formatSentence, formatTerm } from "./sentence.ts";
export { relationshipWithPronoun } from "./relatives.ts";
