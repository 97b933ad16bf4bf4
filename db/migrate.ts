/**
 * Applies db/migrations. Several processes may start at once against one Postgres server, so the whole
 * run happens in one transaction holding an advisory lock: the first applies what is missing, the others
 * wait, then find nothing left to do. Migrations are recorded in drizzle's own table and format, so
 * drizzle-kit and this runner agree about what has been applied.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import type { Database } from "./client.ts";

/**
 * Next to this module, wherever the process was started from; `npm run build` copies the folder to the
 * same place next to the compiled module (scripts/build.js).
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** An arbitrary constant that only this application's migrations lock on ("FTBH" in ASCII). */
const MIGRATION_LOCK_KEY = 0x46544248;

const drizzleSchema = pgSchema("drizzle");
const appliedMigrations = drizzleSchema.table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

/** Applies every migration newer than the last one recorded; returns how many were applied. */
export async function migrateDatabase(
  database: Database,
  options: { migrationsFolder?: string } = {},
): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists "drizzle"`);
    await tx.execute(sql`
      create table if not exists "drizzle"."__drizzle_migrations" (
        id serial primary key,
        hash text not null,
        created_at bigint
      )`);
    const [last] = await tx
      .select({ createdAt: appliedMigrations.createdAt })
      .from(appliedMigrations)
      .orderBy(sql`${appliedMigrations.createdAt} desc nulls last`)
      .limit(1);
    const pending = migrations.filter((m) => last?.createdAt == null || last.createdAt < m.folderMillis);
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.insert(appliedMigrations).values({ hash: migration.hash, createdAt: migration.folderMillis });
    }
    return pending.length;
  });
}
