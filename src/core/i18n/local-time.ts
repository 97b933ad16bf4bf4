/**
 * "Tuesday 24 November 2026, 09:00 (UTC)" in the reader's language: a moment as a channel's clock shows it,
 * with its weekday and date in the language (Gregorian calendar), its time as HH:MM and its zone as named.
 */
import { DateTime } from "luxon";
import type { Translator } from "./translator.ts";

export function localDateTime(tr: Translator, instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  const weekday = new Intl.DateTimeFormat(tr.language.intl, { weekday: "long", timeZone: zone }).format(
    instant,
  );
  return tr.t("subscribe.nextPost", {
    weekday,
    // A valid zone (the subscription's) always gives a date.
    date: tr.date(local.toISODate()!),
    time: local.toFormat("HH:mm"),
    zone,
  });
}
