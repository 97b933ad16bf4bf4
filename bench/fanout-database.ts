/**
 * The benchmark's database: a fresh embedded PGlite in a scratch folder, opened as the bot opens it (on a
 * worker thread; FANOUT_PGLITE=main keeps it on the main thread, as before, to compare), or a scratch
 * database created on the given Postgres server and dropped afterwards, so ten thousand made-up
 * subscriptions never land in a real one. Migrated either way, with a query listener attached for
 * counting round trips.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { Database, QueryListener } from "../db/client.ts";
import { openPglite } from "../db/pglite-client.ts";
import { postgresDatabase, postgresOptions } from "../db/postgres-client.ts";
import { migrateDatabase } from "../db/migrate.ts";

export interface BenchDatabase {
  database: Database;
  /** "PGlite (in process)" or the server's host and port (never its credentials). */
  label: string;
  dispose(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { ...postgresOptions, max: 1 });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function openBenchDatabase(
  serverUrl: string | undefined,
  onQuery: QueryListener,
): Promise<BenchDatabase> {
  if (!serverUrl) {
    const thread = process.env.FANOUT_PGLITE !== "main";
    const dataDir = mkdtempSync(join(tmpdir(), "ftbh-bench-fanout-"));
    const database = await openPglite(dataDir, { onQuery, thread });
    await migrateDatabase(database);
    return {
      database,
      label: `PGlite (${thread ? "on a worker thread" : "on the main thread"})`,
      dispose: () => database.close().finally(() => rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  // A generated name of safe characters only, so it can go into the statement as is.
  const name = `ftbh_bench_${randomUUID().replaceAll("-", "")}`;
  await onServer(serverUrl, (admin) => admin.unsafe(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = postgresDatabase(postgres(url.toString(), postgresOptions), onQuery);
  await migrateDatabase(database);
  return {
    database,
    label: `Postgres at ${url.hostname}:${url.port || 5432} (scratch database, dropped afterwards)`,
    async dispose() {
      await database.close();
      await onServer(serverUrl, (admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}
