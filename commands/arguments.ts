/**
 * Argument readers shared by commands: times of day, time zones, dates. Each error says what is allowed.
 */
import { z } from "zod";
import { isoDateSchema } from "../src/core/partial-date.ts";
import { schemaMessage } from "../src/core/i18n/schema-message.ts";
import { canonicalTimeZone, isValidTimeZone } from "../src/core/time.ts";

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const TWELVE_HOUR = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i;
const pad = (n: number) => String(n).padStart(2, "0");

/** "9pm" → "21:00": the 24-hour time meant by a 12-hour one, so the error can show it. */
function twentyFourHour(typed: string): string | undefined {
  const match = TWELVE_HOUR.exec(typed);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  return `${pad((hour % 12) + (match[3]!.toLowerCase() === "p" ? 12 : 0))}:${pad(minute)}`;
}

export const timeOfDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const match = CLOCK.exec(v);
    const hour = Number(match?.[1]);
    const minute = Number(match?.[2]);
    if (!match || hour > 23 || minute > 59) {
      const example = twentyFourHour(v);
      ctx.addIssue({
        code: "custom",
        message: example
          ? schemaMessage("commands.timeInvalidExample", { value: v, example })
          : schemaMessage("commands.timeInvalid", { value: v }),
      });
      return z.NEVER;
    }
    return `${pad(hour)}:${pad(minute)}`;
  });

export const timeZone = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const zone = canonicalTimeZone(v);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: schemaMessage("commands.zoneInvalid", { value: v }) });
      return z.NEVER;
    }
    return zone;
  });

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date; `missing` is what to say when none was given (a key, or schemaMessage). */
export const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .transform((v, ctx) => {
      if (isoDateSchema.safeParse(v).success) return v;
      // The right shape but no such day (2026-02-30) is a different mistake from a wrong format (10/12/2026).
      const key = DATE_SHAPE.test(v) ? "commands.dateNotOnCalendar" : "commands.dateInvalid";
      ctx.addIssue({ code: "custom", message: schemaMessage(key, { value: v }) });
      return z.NEVER;
    });

export const isTimeToken = (token: string) => CLOCK.test(token);
/** Digits with a colon or am/pm ("9am", "9:5"): meant as a time, so it gets the time error, not a campaign's. */
export const looksLikeTime = (token: string) => /\d/.test(token) && /:|[ap]\.?m\.?$/i.test(token);
export const isDateToken = (token: string) => DATE_SHAPE.test(token);
/**
 * A zone is any name the zone database knows (Asia/Baku, EST, Etc/GMT+3, UTC); anything with a slash is
 * read as a zone too, so "Mars/Olympus" gets the zone error. Campaign ids are slugs without a slash.
 */
export const isZoneToken = (token: string) => token.includes("/") || isValidTimeZone(token);

/** "Baku" → "Asia/Baku": the zone whose city was typed alone, to suggest it. */
export function zoneOfCity(city: string): string | undefined {
  const wanted = `/${city.toLowerCase().replace(/ /g, "_")}`;
  return Intl.supportedValuesOf("timeZone").find((zone) => zone.toLowerCase().endsWith(wanted));
}
