/**
 * The embedded test databases handed on between files (tests/support/pglite-pool.ts): a file must get
 * one as the template holds it, whatever the file before it did, and nothing must reach a database
 * through a handle already closed.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { keptCount } from "../../support/pglite-pool.ts";
import { dumpTables, openPgliteTestDatabase, queryRows } from "../../support/test-database.ts";

describe("embedded test databases handed on between files", () => {
  it("gives a used database back emptied, its sequences restarted, and hands it on", async () => {
    const fresh = await openPgliteTestDatabase();
    const template = await dumpTables(fresh.db);
    await fresh.db.execute(
      sql`insert into staff_people (name, role, created_by) values ('Ada', 'admin', 'test'), ('Leyla', 'editor', 'test')`,
    );
    expect((await dumpTables(fresh.db)).get("public.staff_people")).not.toBe("");
    const keptBefore = keptCount();
    await fresh.close();
    expect(keptCount()).toBe(keptBefore + 1);

    const next = await openPgliteTestDatabase();
    try {
      expect(keptCount()).toBe(keptBefore); // the one just given back
      expect(await dumpTables(next.db)).toEqual(template);
    } finally {
      await next.close();
    }
  });

  it("refuses every call through a handle once it is closed", async () => {
    const database = await openPgliteTestDatabase();
    await database.close();
    const kept = keptCount();
    await expect(database.db.execute(sql`select 1`)).rejects.toThrow();
    if (database.kind !== "pglite") throw new Error("expected a PGlite database");
    expect(database.client.closed).toBe(true);
    await database.close(); // twice is harmless, and gives nothing back twice
    expect(keptCount()).toBe(kept);
  });

  it.each([
    ["a table made", "create table left_behind (id int)"],
    ["a setting changed", "set time zone 'Asia/Baku'"],
    ["a transaction left open", "begin"],
    [
      "a row outside the application's tables",
      "insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 0)",
    ],
  ])("does not hand on a database with %s", async (_, statement) => {
    const changed = await openPgliteTestDatabase();
    if (changed.kind !== "pglite") throw new Error("expected a PGlite database");
    const kept = keptCount();
    await changed.client.exec(statement);
    await changed.close();
    expect(keptCount()).toBe(kept);

    const next = await openPgliteTestDatabase();
    try {
      const [row] = await queryRows<{ tables: number }>(
        next.db,
        sql`select count(*)::int as tables from pg_tables where tablename = 'left_behind'`,
      );
      expect(row?.tables).toBe(0);
    } finally {
      await next.close();
    }
  });
});
