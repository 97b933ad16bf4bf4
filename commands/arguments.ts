/**
 * Argument readers shared by commands: times of day, time zones, dates. Each error says what is allowed.
 */
import { z } from "zod";
import { isoDateSchema } from "../src/core/partial-date.ts";
import { canonicalTimeZone } from "../src/core/time.ts";

const CLOCK = /^(\d{1,2}):(\d{2})$/;

export const timeOfDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const match = CLOCK.exec(v);
    const hour = Number(match?.[1]);
    const minute = Number(match?.[2]);
    if (!match || hour > 23 || minute > 59) {
      ctx.addIssue({
        code: "custom",
        message: `"${v}" is not a time of day: use 24-hour HH:MM, e.g. 09:00 or 18:30`,
      });
      return z.NEVER;
    }
    return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  });

export const timeZone = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const zone = canonicalTimeZone(v);
    if (!zone) {
      ctx.addIssue({
        code: "custom",
        message: `"${v}" is not a time zone: use an IANA name such as Europe/Baku, America/New_York or UTC`,
      });
      return z.NEVER;
    }
    return zone;
  });

/** A calendar date; `missing` is what to say when none was given. */
export const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .pipe(isoDateSchema.refine(() => true, { error: "use a real date as YYYY-MM-DD, e.g. 2026-12-10" }));

export const isTimeToken = (token: string) => CLOCK.test(token);
export const isDateToken = (token: string) => /^\d{4}-\d{2}-\d{2}$/.test(token);
/** Zones are "Area/City" or UTC-like names; campaign ids are slugs without a slash. */
export const isZoneToken = (token: string) => token.includes("/") || /^(utc|gmt|etc\/.+)$/i.test(token);
