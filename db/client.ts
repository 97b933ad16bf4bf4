/**
 * Opens the database: embedded PGlite persisted in a folder when no server URL is given (one process, no
 * setup), or a Postgres server through postgres.js. Repositories see one `Db` type and never know which.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

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
const queryLogger = (onQuery?: QueryListener) => (onQuery ? { logger: { logQuery: onQuery } } : {});

export const postgresOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
  // Notices (e.g. "relation already exists, skipping" from migrations) are not worth a console line.
  onnotice: () => {},
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return postgresDatabase(postgres(options.url, postgresOptions), options.onQuery);
  await mkdir(options.dataDir, { recursive: true });
  return pgliteDatabase(await PGlite.create({ dataDir: options.dataDir }), options.onQuery);
}

/** Wraps an open PGlite client; closing the Database closes it. */
export function pgliteDatabase(client: PGlite, onQuery?: QueryListener): Database {
  return {
    kind: "pglite",
    client,
    db: drizzlePglite({ client, schema, ...queryLogger(onQuery) }),
    close: () => client.close(),
  };
}

/** Wraps a postgres.js client; closing the Database ends its connections. */
export function postgresDatabase(client: postgres.Sql, onQuery?: QueryListener): Database {
  return {
    kind: "postgres",
    client,
    db: drizzlePostgres({ client, schema, ...queryLogger(onQuery) }),
    close: () => client.end({ timeout: 5 }),
  };
}
