/**
 * How long a person has been held, as a card says it ("Day 1,392 in detention"). Pure: the caller gives
 * the current episode and the reader's local date (the channel's today, core/channel-clock.ts), so a
 * channel at UTC+14 and one at UTC-11 each count on their own calendar.
 *
 * Rules:
 * - The arrest day is day 1: on the day of the arrest the person has spent (part of) one day in custody,
 *   the way families and campaigns count ("day 1,000" falls 999 days after the arrest).
 * - A release counts the same way: arrested on the 1st and released on the 3rd is "released after 3
 *   days", so the last "day N in detention" and "released after N days" agree.
 * - Only whole dates are counted. An arrest known only to the month or the year ("2015-12", "2015") gives
 *   no count at all: any number would be a guess, and the card's date line already says "since December
 *   2015". Likewise a release known only to the month.
 * - A count is given only while it is at least 1: a reader in a zone still on the day before an arrest
 *   recorded on another calendar sees no count rather than "day 0".
 * - Which wording: held now (detained, on trial, sentenced, house arrest); disappeared (the authorities
 *   deny holding the person, so "in detention" would assert what nobody can confirm); or released, with a
 *   release date. Other statuses (died, exiled without a release, unknown) get no count.
 */
import { daysBetween } from "./partial-date.ts";
import type { Detention, DetentionStatus } from "./profile.ts";

export type DetentionDays =
  | { kind: "held"; day: number }
  | { kind: "disappeared"; day: number }
  | { kind: "releasedAfter"; days: number };

/** Statuses in which the person is held now: the card says "Detained since" and counts days for these. */
export const HELD_STATUSES: readonly DetentionStatus[] = [
  "pretrial_detention",
  "on_trial",
  "sentenced",
  "house_arrest",
];

const isWholeDate = (date: string) => date.length === 10;

/** Day N of a span that began on `from`, as of `to` (both whole dates): `from` itself is day 1. */
export function dayNumber(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

/** The count for a detention episode as of the reader's local date `today` (YYYY-MM-DD), or undefined. */
export function detentionDays(
  detention: Pick<Detention, "arrestDate" | "status" | "release">,
  today: string,
): DetentionDays | undefined {
  const arrest = detention.arrestDate;
  if (!isWholeDate(arrest)) return undefined;
  const release = detention.release?.date;
  if (
    release !== undefined &&
    !HELD_STATUSES.includes(detention.status) &&
    detention.status !== "disappeared"
  ) {
    if (!isWholeDate(release)) return undefined;
    const days = dayNumber(arrest, release);
    // A release not yet reached on the reader's calendar is not announced early.
    return days >= 1 && release <= today ? { kind: "releasedAfter", days } : undefined;
  }
  const day = dayNumber(arrest, today);
  if (day < 1) return undefined;
  if (HELD_STATUSES.includes(detention.status)) return { kind: "held", day };
  if (detention.status === "disappeared") return { kind: "disappeared", day };
  return undefined;
}
