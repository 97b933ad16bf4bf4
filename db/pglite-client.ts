/**
 * The embedded database: PGlite (Postgres in WebAssembly) persisted in a folder (pglite-open.ts), wrapped
 * by drizzle. It runs on the caller's thread, or with `thread` on a worker thread of its own
 * (pglite-thread.ts), so its queries do not hold up the caller's event loop.
 */
import { drizzle } from "drizzle-orm/pglite";
import type { PGlite } from "@electric-sql/pglite";
import { type Database, type PgliteClient, type QueryListener, queryLogger } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { openPgliteClient, PGLITE_START } from "./pglite-open.ts";
import { writePgliteTemplate } from "./pglite-template.ts";
import * as schema from "./schema/index.ts";

export interface OpenPgliteOptions {
  onQuery?: QueryListener;
  /** Run Postgres on a worker thread (the long-running bot), not on the caller's. */
  thread?: boolean;
}

/** Opens (or creates) the embedded database in `dataDir`. */
export async function openPglite(dataDir: string, options: OpenPgliteOptions = {}): Promise<Database> {
  const client = options.thread
    ? await (await import("./pglite-thread.ts")).openPgliteThread(dataDir)
    : await openPgliteClient(dataDir);
  return pgliteDatabase(client, options.onQuery);
}

/** Wraps an open PGlite client (on this thread or another); closing the Database closes it. */
export function pgliteDatabase(client: PgliteClient, onQuery?: QueryListener): Database {
  return {
    kind: "pglite",
    client,
    // drizzle's PGlite session calls only query() and transaction(), which the thread's proxy answers
    // as PGlite does (pglite-thread.ts); its type asks for the whole class.
    db: drizzle({ client: client as PGlite, schema, ...queryLogger(onQuery) }),
    close: () => client.close(),
  };
}

/**
 * The template `npm install` makes (scripts/prepare.js): a new database with the bot's settings and every
 * migration applied, so a first start restores it and migrates nothing (see writePgliteTemplate).
 */
export const writeBotTemplate = (outDir: string): Promise<string> =>
  writePgliteTemplate(outDir, PGLITE_START, (client) =>
    migrateDatabase(pgliteDatabase(client)).then(() => {}),
  );
