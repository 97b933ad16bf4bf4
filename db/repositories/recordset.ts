/**
 * Bulk writes that bind one parameter, whatever the number of rows: the rows travel as one JSON array and
 * the database unpacks them with jsonb_to_recordset. A large import is then a few statements a table
 * instead of one per 60,000 parameters, nothing near the 65,535-parameter limit, and drizzle does not
 * build a query of tens of thousands of placeholders (most of an import's time before). Keys are the
 * drizzle names of the table's columns; values are what the column takes as JSON (a text[] column takes a
 * JSON array, a jsonb column any JSON value, a date column its ISO text).
 */
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";

interface Unpacked {
  /** `"a", "b"`: the columns written. */
  names: SQL;
  /** `rows from (jsonb_to_recordset($1) as ("a" text, "b" int)) with ordinality as x("a", "b", n)` */
  source: SQL;
  columns: [string, PgColumn][];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function unpack(table: PgTable, keys: readonly string[], rows: readonly Record<string, unknown>[]): Unpacked {
  const all = getTableColumns(table);
  const columns = keys.map((key): [string, PgColumn] => {
    const column = all[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return [key, column];
  });
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map(([key, c]) => [c.name, row[key] ?? null]))),
  );
  const typed = columns.map(([, c]) => `${quote(c.name)} ${c.getSQLType()}`).join(", ");
  const named = columns.map(([, c]) => quote(c.name)).join(", ");
  // With ordinality, so rows keep the order given (a profile's seq follows the files' order).
  const source = sql`rows from (jsonb_to_recordset(${json}::jsonb) as (${sql.raw(typed)})) with ordinality as x(${sql.raw(named)}, n)`;
  return { names: sql.raw(named), source, columns };
}

/** Inserts rows, in order, in one statement. */
export async function insertRecordset<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const { names, source } = unpack(table, Object.keys(first), rows);
  await db.execute(sql`insert into ${table} (${names}) select ${names} from ${source} order by n`);
}

/**
 * Inserts rows, in order, in one statement, leaving alone any row that conflicts with one already there on
 * `target` (a unique key: drizzle names of its columns). Returns how many rows were new.
 */
export async function insertRecordsetNew<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
  target: readonly string[],
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const { names, source } = unpack(table, Object.keys(first), rows);
  const on = sql.raw(
    unpack(table, target, [])
      .columns.map(([, c]) => quote(c.name))
      .join(", "),
  );
  const result = await db.execute(sql`
    with inserted as (
      insert into ${table} (${names}) select ${names} from ${source} order by n
      on conflict (${on}) do nothing returning 1)
    select count(*)::int as new from inserted`);
  // postgres.js answers with the rows themselves, PGlite with `{ rows }`.
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { new: number }[];
  return Number(row?.new ?? 0);
}

/**
 * Updates rows matched on `key` (every other key given is set), in one statement; `extra` sets more
 * columns the same for every row (`updated_at = now()`).
 */
export async function updateRecordset<T extends PgTable>(
  db: Db,
  table: T,
  key: string,
  rows: readonly Record<string, unknown>[],
  extra?: SQL,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const { source, columns } = unpack(table, Object.keys(first), rows);
  const keyColumn = columns.find(([k]) => k === key)?.[1];
  if (!keyColumn) throw new Error(`no ${key} in the rows to update`);
  const sets = columns
    .filter(([k]) => k !== key)
    .map(([, c]) => `${quote(c.name)} = x.${quote(c.name)}`)
    .join(", ");
  const more = extra ? sql`, ${extra}` : sql``;
  const match = sql.raw(
    `${quote(getTableName(table))}.${quote(keyColumn.name)} = x.${quote(keyColumn.name)}`,
  );
  await db.execute(sql`update ${table} set ${sql.raw(sets)}${more} from ${source} where ${match}`);
}
