/**
 * Bulk statements in pieces a database takes: Postgres (and PGlite) refuse a statement with more than
 * 65,535 bind parameters, so a multi-row insert, or a list of ids to match, is sent in chunks sized from
 * the number of parameters each row or id takes. Callers run the chunks in their own transaction, so a
 * chunked write is still all-or-nothing.
 */
import { getTableColumns } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";

/** Parameters per statement: under the protocol's 65,535, with room for a statement's own few. */
export const MAX_PARAMETERS = 60_000;

/** How many rows of `parametersPerRow` parameters each fit in one statement (at least one). */
export function rowsPerStatement(parametersPerRow: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, parametersPerRow)));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows of a multi-row insert into `table`, in chunks of at most MAX_PARAMETERS parameters. */
export function insertChunks<R>(table: PgTable, rows: readonly R[]): R[][] {
  // An insert binds at most one parameter per column a row (a default or sql`now()` binds none).
  return chunks(rows, rowsPerStatement(Object.keys(getTableColumns(table)).length));
}

/** Inserts rows into a table, as many statements as the parameter limit needs, in order. */
export async function insertChunked<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly PgInsertValue<T>[],
): Promise<void> {
  for (const batch of insertChunks(table, rows)) await db.insert(table).values(batch);
}
