/**
 * Local dates and times in IANA zones. Every channel lives in its own zone, so "today" and "09:00" only
 * mean something together with a zone; daylight-saving gaps and overlaps are resolved here, once.
 */
import { DateTime } from "luxon";

/** HH:MM, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Names people use that are not IANA zones: the Caucasus capitals are filed under Asia, and our own
 * spec writes Europe/Baku. Accepted and stored as the real name, which every reply then shows. A Map, as
 * the key is typed text: "constructor" or "__proto__" must name no zone.
 */
const ZONE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["europe/baku", "Asia/Baku"],
  ["europe/tbilisi", "Asia/Tbilisi"],
  ["europe/yerevan", "Asia/Yerevan"],
  ["utc", "UTC"],
  ["gmt", "UTC"],
  ["z", "UTC"],
]);

function resolvedZone(zone: string): string | undefined {
  if (!/^[A-Za-z]/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The IANA spelling of a zone typed in any case ("europe/berlin" → "Europe/Berlin"), keeping current names
 * (Asia/Kathmandu) rather than the legacy ones ICU resolves links to (Asia/Katmandu); undefined when there
 * is no such zone.
 */
export function canonicalTimeZone(typed: string): string | undefined {
  const zone = typed.trim();
  const alias = ZONE_ALIASES.get(zone.toLowerCase());
  if (alias) return alias;
  const resolved = resolvedZone(zone);
  if (resolved === undefined) return undefined;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  // A link name (Asia/Kathmandu → Asia/Katmandu): keep the name the person used, in its usual case.
  if (zone !== zone.toLowerCase()) return zone;
  return zone.replace(/[a-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1));
}

export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/**
 * The instant a local date and time happen in a zone. In a spring-forward gap the post goes out at the
 * first valid minute after the skipped time; in a fall-back overlap, at the first (earlier) occurrence.
 */
export function instantOf(localDate: string, time: string, zone: string): Date {
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const [year, month, day] = localDate.split("-").map(Number) as [number, number, number];
  const wanted = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (wanted.hour === hour && wanted.minute === minute) {
    // In an overlap luxon may pick either offset; the earlier instant is the first occurrence.
    const earlier = wanted.minus({ hours: 1 });
    if (earlier.hour === hour && earlier.minute === minute && earlier.day === day) return earlier.toJSDate();
    return wanted.toJSDate();
  }
  // Inside a gap: walk forward minute by minute to the first local time that exists after the one asked for.
  const midnight = DateTime.fromObject({ year, month, day }, { zone }).startOf("day");
  for (
    let probe = midnight;
    probe.day === day || probe < midnight.plus({ days: 1 });
    probe = probe.plus({ minutes: 1 })
  ) {
    if (probe.hour > hour || (probe.hour === hour && probe.minute >= minute)) return probe.toJSDate();
  }
  return midnight.plus({ days: 1 }).toJSDate();
}

/** The next local date and instant, at or after `now`, when a daily post at `time` in `zone` is due. */
export function nextOccurrence(
  now: Date,
  time: string,
  zone: string,
  /** A local date already settled (its post went out or is not owed): the next one is after it. */
  settledThrough?: string,
): { localDate: string; at: Date } {
  const today = localDateOf(now, zone);
  let date = settledThrough !== undefined && settledThrough >= today ? addDays(settledThrough, 1) : today;
  if (date === today && instantOf(today, time, zone).getTime() < now.getTime()) date = addDays(today, 1);
  return { localDate: date, at: instantOf(date, time, zone) };
}

export function addDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: "UTC" }).plus({ days }).toISODate()!;
}
