/**
 * Opens the database: embedded PGlite persisted in a folder when no server URL is given (one process, no
 * setup), or a Postgres server through postgres.js. Repositories see one `Db` type and never know which.
 * Each driver lives in a module of its own (pglite-client.ts, postgres-client.ts), loaded only when it
 * opens a database: a process on one never loads the other (PGlite's WebAssembly, postgres.js).
 */
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type * as schema from "./schema/index.ts";

export type Schema = typeof schema;

/** A drizzle database over either driver; a transaction is one too, so helpers can take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

interface DatabaseBase {
  db: Db;
  close(): Promise<void>;
}

/** The driver's own client rides along for what drizzle does not cover (dumping a PGlite data folder). */
export type Database =
  | (DatabaseBase & { kind: "pglite"; client: PGlite })
  | (DatabaseBase & { kind: "postgres"; client: postgres.Sql });

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, PGlite stores the database in `dataDir`. */
  url?: string;
  /** Where the embedded database lives (created if missing). */
  dataDir: string;
  /** Called once per query drizzle sends (the fan-out benchmark counts round trips with it). */
  onQuery?: QueryListener;
}

export type QueryListener = (query: string, params: unknown[]) => void;

/** Drizzle's logger slot, used only as a hook; absent, drizzle logs nothing, as before. */
export const queryLogger = (onQuery?: QueryListener) => (onQuery ? { logger: { logQuery: onQuery } } : {});

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return (await import("./postgres-client.ts")).openPostgres(options.url, options.onQuery);
  return (await import("./pglite-client.ts")).openPglite(options.dataDir, options.onQuery);
}
