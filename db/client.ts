/**
 * Opens the database: embedded PGlite persisted in a folder when no server URL is given (one process, no
 * setup), or a Postgres server through postgres.js. Repositories see one `Db` type and never know which.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { NO_ANSWER } from "../src/core/database-unreachable.ts";
import { pgliteTemplate } from "./pglite-template.ts";
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

/** Seconds to connect, agree the protocol and log in; a server that does not answer fails in this time. */
export const CONNECT_TIMEOUT_S = 5;
/** How long the first query may take once connected; a connection that stalls fails start-up in this time. */
export const FIRST_ANSWER_MS = 8_000;

export const postgresOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
  // Notices (e.g. "relation already exists, skipping" from migrations) are not worth a console line.
  onnotice: () => {},
  // The driver's default is 30 s, and an address that drops packets then fails start-up only after it.
  connect_timeout: CONNECT_TIMEOUT_S,
  // Seconds before reconnecting after failed attempts. The driver's default grows to 20 s during an
  // outage, which would hold the first queries after the server is back; 2 s at most keeps that short.
  backoff: (retries) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 2),
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, postgresOptions);
    await firstAnswer(client);
    return postgresDatabase(client, options.onQuery);
  }
  await mkdir(options.dataDir, { recursive: true });
  // A folder without PG_VERSION holds no database yet: restored from the template when there is one.
  const template = existsSync(join(options.dataDir, "PG_VERSION")) ? undefined : pgliteTemplate();
  const client = await PGlite.create({
    dataDir: options.dataDir,
    startParams: PGLITE_START,
    ...(template ? { loadDataDir: template } : {}),
  });
  return pgliteDatabase(client, options.onQuery);
}

/**
 * PGlite's own start, with Postgres's shared buffers cut from its default 128 MB to 16 MB: they live in
 * the WebAssembly heap and are touched on start, so they are resident from the first moment. The bot's
 * database is small (a catalog of thousands of profiles, a ledger row per post), and the operating
 * system's file cache still holds what the buffers do not. Measured on a one-off command: peak RSS
 * 322 MB → 195 MB (64 MB: 253, 32 MB: 218, 8 MB: 191).
 */
export const PGLITE_START = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * Connects and runs one query within FIRST_ANSWER_MS, so that a server that stops answering once connected
 * fails start-up with an error naming it instead of holding it forever (the connect timeout ends when the
 * login does). On failure the client's connections are dropped and the error is thrown.
 */
async function firstAnswer(client: postgres.Sql): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = FIRST_ANSWER_MS / 1000;
      const error = new Error(`connected, but no answer to a first query within ${seconds} s`);
      reject(Object.assign(error, { code: NO_ANSWER }));
    }, FIRST_ANSWER_MS);
  });
  try {
    await Promise.race([client`select 1`, deadline]);
  } catch (error) {
    await client.end({ timeout: 0 });
    throw error;
  } finally {
    clearTimeout(timer);
  }
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
