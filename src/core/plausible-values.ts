/**
 * Values that are well formed but cannot be true, refused at import: a country code ISO never assigned, a
 * date of something already observed that lies in the future, a birth year that allows a minor.
 */
import { z } from "zod";
import { earliestDay, type IsoDate } from "./partial-date.ts";

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo, user-assigned but used by the EU,
 * the IMF and CLDR, and a place people are detained). Embedded rather than asked of Intl.DisplayNames:
 * that also names EU, UN, UK, SU, ZZ and other non-countries, and what it knows depends on Node's ICU data.
 */
const COUNTRY_CODES: ReadonlySet<string> = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
  BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ
  FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ
  IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
  MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
  PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD
  TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`.split(
    /\s+/,
  ),
);

/** Codes curators reach for that ISO does not assign to the country they mean. */
const COUNTRY_CODE_MISTAKES: Readonly<Record<string, string>> = {
  UK: "GB for the United Kingdom",
  EL: "GR for Greece",
  SU: "the code of the successor state, such as RU or UA",
  YU: "the code of the successor state, such as RS or ME",
};

const COUNTRY_CODE_ALLOWED =
  "allowed: an assigned ISO 3166-1 alpha-2 country code in capitals, such as AZ, BY, CN, RU or UA (XK for Kosovo)";

function countryCodeProblem(code: string): string | undefined {
  if (COUNTRY_CODES.has(code)) return undefined;
  const upper = code.trim().toUpperCase();
  if (upper !== code && COUNTRY_CODES.has(upper))
    return `"${code}" must be written "${upper}"; ${COUNTRY_CODE_ALLOWED}`;
  const mistake = COUNTRY_CODE_MISTAKES[upper];
  if (mistake) return `"${code}" is not an ISO 3166-1 country code; use ${mistake}`;
  return `"${code}" is not an assigned ISO 3166-1 alpha-2 country code; ${COUNTRY_CODE_ALLOWED}`;
}

export const countryCode = z.string().superRefine((code, ctx) => {
  const problem = countryCodeProblem(code);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * The last day a date that records an observation (verified, accessed, status as of) may name: today in
 * UTC plus one day, so a curator east of UTC is not refused their own today. A later date is a typo, and
 * a lastVerifiedAt in the future would keep a profile from ever going stale.
 */
export function latestObservableDay(now: Date): IsoDate {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

export function futureProblem(field: string, value: string, latest: IsoDate): string {
  return `${value} is in the future; ${field} must be on or before ${latest} (today in UTC, plus a day for time zones)`;
}

/** A date (whole or partial) of something already observed: not later than latestObservableDay. */
export function observedDate<T extends z.ZodType<string>>(schema: T, field: string) {
  return schema.superRefine((value, ctx) => {
    // A malformed date has its own message from `schema`; comparing it too would only add noise.
    if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) return;
    const latest = latestObservableDay(new Date());
    if (earliestDay(value) > latest)
      ctx.addIssue({ code: "custom", message: futureProblem(field, value, latest) });
  });
}

/** A prisoner's birth year: old enough that they cannot be a minor. */
export const adultBirthYear = z
  .number()
  .int()
  .min(1900)
  .superRefine((year, ctx) => {
    // A year alone cannot prove 18: anyone born in the last 18 years (or later) may still be a minor,
    // and a minor is never named or shown, so such a profile is refused rather than published.
    const latestAdult = new Date().getUTCFullYear() - 19;
    if (year > latestAdult) {
      ctx.addIssue({
        code: "custom",
        message:
          `born in ${year}, this person may be under 18; profiles of minors are never published ` +
          `(birthYear must be ${latestAdult} or earlier)`,
      });
    }
  });
