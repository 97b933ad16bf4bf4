/**
 * Which anniversaries fall on a local date: the yearly return of the current detention's arrest and of
 * its sentence. Pure; the date is the channel's own local date (core/channel-clock.ts), so a channel at
 * UTC+14 and one at UTC-11 each see an anniversary on their own calendar day.
 *
 * Rules:
 * - Only the current episode (the one the card is about, and the one that makes a profile eligible), and
 *   only whole dates: an arrest known to the month or year has no day to return on.
 * - Every yearly anniversary counts, from the first (years >= 1); the day itself is not one.
 * - A 29 February is observed on 28 February in years without one (the last day of February that year,
 *   before rather than after, so it stays in the month people remember).
 * - No birthdays: a profile holds a birth year only (data-model.md: "a year, not a birth date"), and no
 *   consent scope covers a birth date, so there is nothing to show.
 */
import type { Translator } from "./i18n/translator.ts";
import type { DetentionHead } from "./profile-head.ts";
import { currentDetention, type Profile } from "./profile.ts";
import type { Card } from "./reply.ts";

export type AnniversaryKind = "arrest" | "sentence";

export interface Anniversary {
  kind: AnniversaryKind;
  /** How many years ago: 1 and up. */
  years: number;
  /** The date it marks, YYYY-MM-DD. */
  date: string;
}

export interface ProfileAnniversary {
  profileId: string;
  anniversary: Anniversary;
}

/** What anniversaries read of a profile: its detentions, or its head's current one (core/profile-head.ts). */
type Dated = { detentions: readonly DetentionHead[] };

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The month and day ("MM-DD") on which a date returns in `year`: 29 February → 28 February in common years. */
export function observedMonthDay(date: string, year: number): string {
  const monthDay = date.slice(5);
  return monthDay === "02-29" && !isLeapYear(year) ? "02-28" : monthDay;
}

/** The dates of a profile that have anniversaries, arrest first: whole dates of the current episode. */
function markedDates(profile: Dated): Array<{ kind: AnniversaryKind; date: string }> {
  const current = currentDetention(profile);
  const marked: Array<{ kind: AnniversaryKind; date: string }> = [];
  if (current.arrestDate.length === 10) marked.push({ kind: "arrest", date: current.arrestDate });
  if (current.sentenceDate?.length === 10) marked.push({ kind: "sentence", date: current.sentenceDate });
  return marked;
}

/** A profile's anniversaries on a local date (YYYY-MM-DD), arrest first; empty on most days. */
export function anniversariesOn(profile: Dated, localDate: string): Anniversary[] {
  const year = Number(localDate.slice(0, 4));
  return markedDates(profile)
    .filter(({ date }) => observedMonthDay(date, year) === localDate.slice(5))
    .map(({ kind, date }) => ({ kind, date, years: year - Number(date.slice(0, 4)) }))
    .filter((a) => a.years >= 1);
}

/**
 * Every profile's anniversaries on any local date, indexed once by month and day: asking for many dates
 * (a rotation round, a simulated year) costs a lookup each, not a pass over the catalog.
 */
export function anniversaryCalendar(
  profiles: ReadonlyArray<Dated & { id: string }>,
): (localDate: string) => ProfileAnniversary[] {
  const byMonthDay = new Map<string, Array<{ profile: Dated & { id: string } }>>();
  for (const profile of profiles) {
    for (const { date } of markedDates(profile)) {
      // 29 February may be observed on the 28th: filed under both, anniversariesOn decides which applies.
      for (const key of date.slice(5) === "02-29" ? ["02-29", "02-28"] : [date.slice(5)]) {
        const list = byMonthDay.get(key) ?? [];
        if (!list.some((entry) => entry.profile === profile)) list.push({ profile });
        byMonthDay.set(key, list);
      }
    }
  }
  return (localDate) =>
    (byMonthDay.get(localDate.slice(5)) ?? []).flatMap(({ profile }) =>
      anniversariesOn(profile, localDate).map((anniversary) => ({ profileId: profile.id, anniversary })),
    );
}

/**
 * Why a family is posted today, said above its card: "10 years ago today, Ilgar Mammadov was arrested."
 * Named as the card names the person (`card.title`, in the reader's language where it has a form).
 */
export function anniversaryLine(
  anniversary: Anniversary,
  card: Pick<Card, "title">,
  gender: Profile["gender"],
  tr: Translator,
): string {
  const values = { years: anniversary.years, name: card.title, gender: gender ?? "other" };
  return anniversary.kind === "arrest"
    ? tr.t("dates.anniversaryArrest", values)
    : tr.t("dates.anniversarySentence", values);
}
