/**
 * Databases for integration tests. PGlite ones load the migrated template built by global-setup.ts;
 * Postgres ones are fresh databases on TEST_DATABASE_URL, migrated, and dropped again on close. Open one
 * per test file and call truncateAll between tests: truncation costs milliseconds, a new database seconds.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, inject } from "vitest";
import type { Database, Db } from "../../db/client.ts";
import { openPglite, pgliteDatabase } from "../../db/pglite-client.ts";
import { postgresDatabase, postgresOptions } from "../../db/postgres-client.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { EMPTY_TABLES, leasePglite } from "./pglite-pool.ts";
import { databaseUrl, onServer } from "./postgres-template.ts";

/** The Postgres server for tests, e.g. postgres://postgres@127.0.0.1:5432/test; tests needing it skip without it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const hasTestPostgres = TEST_DATABASE_URL !== undefined;

/** `describe` that skips its tests when no TEST_DATABASE_URL is set. */
export const describeOnPostgres = describe.skipIf(!hasTestPostgres);

/**
 * A migrated in-process PGlite database, as the run's template holds it: one a previous file of this
 * worker closed and that was emptied back to that state (pglite-pool.ts), or one loaded from the template.
 */
export async function openPgliteTestDatabase(): Promise<Database> {
  return pgliteDatabase(await leasePglite(restorePgliteTestDatabase));
}

async function restorePgliteTestDatabase(): Promise<PGlite> {
  const templatePath = inject("pgliteTemplatePath");
  if (!templatePath) {
    // Run without the global setup (another config): build from scratch, slower but equivalent.
    const client = await PGlite.create();
    await migrateDatabase(pgliteDatabase(client));
    return client;
  }
  const template = new Blob([new Uint8Array(await readFile(templatePath))]);
  return PGlite.create({ loadDataDir: template });
}

/**
 * Makes `dataDir` an embedded database's folder as a first start leaves it, migrated and never used, by
 * unpacking the run's template into it (a tenth of a second; PGlite creating one takes several). For
 * tests where creating the database is not the point; without the template the command creates it.
 */
export function unpackTemplateInto(dataDir: string): void {
  const templatePath = inject("pgliteTemplatePath");
  if (!templatePath) return;
  mkdirSync(dataDir, { recursive: true });
  execFileSync("tar", ["-xf", templatePath, "-C", dataDir], { stdio: "ignore" });
}

/**
 * A migrated embedded database on a worker thread, as the long-running bot opens it (db/pglite-thread.ts):
 * the run's template unpacked into a folder of its own, removed on close.
 */
export async function openPgliteThreadTestDatabase(): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), "ftbh-pglite-thread-"));
  unpackTemplateInto(dataDir);
  const database = await openPglite(dataDir, { thread: true });
  return {
    ...database,
    close: () => database.close().finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/**
 * The embedded database on the test's own thread and on a worker thread (as the bot runs it), for the
 * files whose point is how PGlite orders statements (the "sole writer" caches).
 */
export const pgliteThreads = [
  { thread: "this thread", open: openPgliteTestDatabase, skip: false },
  { thread: "a worker thread", open: openPgliteThreadTestDatabase, skip: false },
];

/** The databases a test file runs on: PGlite always, the Postgres server when TEST_DATABASE_URL is set. */
export const databaseTargets = [
  { name: "PGlite", open: openPgliteTestDatabase, skip: false },
  { name: "Postgres", open: () => openPostgresTestDatabase(), skip: !hasTestPostgres },
];

/**
 * A fresh, uniquely named database on TEST_DATABASE_URL, and a way to drop it: empty, or a copy of the
 * database named `template`.
 */
export async function createEmptyPostgresDatabase(
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL)
    throw new Error("TEST_DATABASE_URL is not set; guard the test with describeOnPostgres");
  const serverUrl = TEST_DATABASE_URL;
  const name = `ftbh_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const copy = template ? ` template "${template}"` : "";
  await onServer(serverUrl, (admin) => admin.unsafe(`create database "${name}"${copy}`));
  return {
    url: databaseUrl(serverUrl, name),
    // FORCE ends connections a failed test left open.
    async drop() {
      await onServer(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * A fresh, uniquely named, migrated database on TEST_DATABASE_URL: a copy of the run's migrated template
 * (postgres-template.ts), or without one, migrated here. close() drops it.
 */
export async function openPostgresTestDatabase(): Promise<Database> {
  const template = inject("postgresTemplate") || undefined;
  const empty = await createEmptyPostgresDatabase(template);
  const database = postgresDatabase(postgres(empty.url, postgresOptions));
  const close = async () => {
    await database.close();
    await empty.drop();
  };
  try {
    if (!template) await migrateDatabase(database);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...database, close };
}

/** Empties every table of the application's schema and restarts its sequences (see EMPTY_TABLES). */
export async function truncateAll(db: Db): Promise<void> {
  await db.execute(sql.raw(EMPTY_TABLES));
}

/** Runs raw SQL and returns its rows; the two drivers wrap results differently (an array, or `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Every table of the application's schema, row by row as text, and every sequence's position: equal dumps
 * before and after an operation mean it wrote nothing (not even a rolled-back insert, which moves a sequence).
 */
export async function dumpTables(db: Db): Promise<Map<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const dump = new Map<string, string>();
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: string }>(
      db,
      sql.raw(`select coalesce(string_agg(t::text, E'\\n' order by t::text), '') as rows from ${name} t`),
    );
    dump.set(name, row?.rows ?? "");
  }
  const sequences = await queryRows<{ name: string; position: string | null }>(
    db,
    sql`select sequencename as name, last_value::text as position from pg_sequences where schemaname = 'public'`,
  );
  for (const s of sequences) dump.set(`sequence ${s.name}`, s.position ?? "unused");
  return dump;
}

/**
 * The database of a describe block on one of `databaseTargets`: opened before its tests, emptied before
 * each one (before the block's own beforeEach), closed after them. A getter, since it opens only once the
 * block runs; nothing is opened for a skipped target.
 */
export function emptiedForEachTest(target: { open(): Promise<Database>; skip: boolean }): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    if (!target.skip) database = await target.open();
  }, 120_000);
  beforeEach(async () => {
    if (database) await truncateAll(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("the test database is not open: its target is skipped");
    return database;
  };
}
