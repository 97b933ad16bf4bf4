/**
 * Migrations are safe when several processes start at once against one server. (That a migrated database
 * migrates to nothing is checked for both drivers in storage.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { expect, it } from "vitest";
import { postgresDatabase, postgresOptions } from "../../../db/postgres-client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../../db/migrate.ts";
import { createEmptyPostgresDatabase, describeOnPostgres, queryRows } from "../../support/test-database.ts";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
const MIGRATION_COUNT: number = journal.entries.length;

describeOnPostgres("migrations on Postgres", () => {
  it("applies each migration exactly once when several processes migrate at the same moment", async () => {
    const empty = await createEmptyPostgresDatabase();
    const processes = Array.from({ length: 4 }, () => postgresDatabase(postgres(empty.url, postgresOptions)));
    try {
      const applied = await Promise.all(processes.map((p) => migrateDatabase(p)));
      expect(applied.reduce((a, b) => a + b, 0)).toBe(MIGRATION_COUNT);
      expect(applied.filter((n) => n > 0)).toHaveLength(1);
      expect(await migrateDatabase(processes[0]!)).toBe(0);
      const tables = await queryRows<{ tablename: string }>(
        processes[0]!.db,
        sql`select tablename from pg_tables where schemaname = 'public'`,
      );
      expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["audit_log", "profiles"]));
    } finally {
      await Promise.all(processes.map((p) => p.close()));
      await empty.drop();
    }
  });
});
