/**
 * Partial dates ("2015", "2015-12", "2015-12-23"): records of detentions are often known only to the month
 * or the year, and a made-up day would be a false claim.
 */
import { z } from "zod";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkParts(value: string, pattern: RegExp): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  return year >= 1900 && year <= 2200 && isRealDate(year, month, day);
}

/** A year, a year and month, or a whole date, as ISO 8601 text. */
export const partialDateSchema = z.string().refine((v) => checkParts(v, PARTIAL_DATE), {
  message: "expected a date as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
});

/** A whole calendar date, YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .refine((v) => checkParts(v, FULL_DATE), { message: "expected a calendar date as YYYY-MM-DD" });

export type PartialDate = z.infer<typeof partialDateSchema>;
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * The earliest day a partial date may stand for, as YYYY-MM-DD; ISO text of that form sorts by time, so
 * episodes and "as of" dates compare as strings.
 */
export function earliestDay(date: PartialDate): IsoDate {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The last day a partial date may stand for: "2023-10" ends on 2023-10-31. */
export function latestDay(date: PartialDate): IsoDate {
  if (date.length === 10) return date;
  const year = Number(date.slice(0, 4));
  const month = date.length === 7 ? Number(date.slice(5, 7)) : 12;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 4)}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
