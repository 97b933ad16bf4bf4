/**
 * Opens the database: embedded PGlite persisted in a folder when no server URL is given (one process, no
 * setup), or a Postgres server through postgres.js. Repositories see one `Db` type and never know which.
 * Each driver lives in a module of its own (pglite-client.ts, postgres-client.ts), loaded only when it
 * opens a database: a process on one never loads the other (PGlite's WebAssembly, postgres.js).
 */
import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";
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

/**
 * What of PGlite the project calls: drizzle's session (query, transaction), dumping a data folder, and
 * opening and closing. PGlite itself is one; so is its proxy on a worker thread (pglite-thread.ts).
 */
export interface PgliteClient extends Pick<PGlite, "dumpDataDir" | "close" | "closed"> {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string): Promise<Results[]>;
  transaction<T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
}

/** What drizzle calls on a PGlite transaction. */
export type PgliteTransaction = Pick<PgliteClient, "query" | "exec">;

/** The driver's own client rides along for what drizzle does not cover (dumping a PGlite data folder). */
export type Database =
  | (DatabaseBase & { kind: "pglite"; client: PgliteClient })
  | (DatabaseBase & { kind: "postgres"; client: postgres.Sql });

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, PGlite stores the database in `dataDir`. */
  url?: string;
  /** Where the embedded database lives (created if missing). */
  dataDir: string;
  /** Called once per query drizzle sends (the fan-out benchmark counts round trips with it). */
  onQuery?: QueryListener;
  /** The embedded database on a worker thread of its own (pglite-thread.ts); ignored with a server URL. */
  thread?: boolean;
}

export type QueryListener = (query: string, params: unknown[]) => void;

/** Drizzle's logger slot, used only as a hook; absent, drizzle logs nothing, as before. */
export const queryLogger = (onQuery?: QueryListener) => (onQuery ? { logger: { logQuery: onQuery } } : {});

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return (await import("./postgres-client.ts")).openPostgres(options.url, options.onQuery);
  const { onQuery, thread } = options;
  return (await import("./pglite-client.ts")).openPglite(options.dataDir, { onQuery, thread });
}
