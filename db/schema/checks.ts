/**
 * Helpers for CHECK constraints: the zod schemas already refuse bad values, these are the database's own
 * safety net for rows written by anything else (a hand-run SQL fix, a future migration).
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `column in ('a', 'b', …)` for an enumerated text column. */
export function oneOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map(literal).join(", "))})`;
}

/** Every element of an array column is one of the values (an absent array passes). */
export function allOneOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} <@ array[${sql.raw(values.map(literal).join(", "))}]::text[]`;
}

/** HH:MM from 00:00 to 23:59, the same rule as TIME_OF_DAY in src/core/time.ts. */
export function isTimeOfDay(column: AnyColumn): SQL {
  return sql`${column} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`;
}

/** YYYY, YYYY-MM or YYYY-MM-DD: records are often known only to the month or year. */
export function isPartialDate(column: AnyColumn): SQL {
  return sql`${column} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;
}
