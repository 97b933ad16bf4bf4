/**
 * PGlite on a worker thread behind its proxy (db/pglite-thread.ts), as the long-running bot opens it: what
 * drizzle sends comes back as it does from PGlite on the main thread (rows, parameters, dates as Postgres's
 * text), transactions commit and roll back, a statement outside an open transaction waits for it, a
 * refused statement reads the same to the command line, and a closed database refuses every call.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.ts";
import { staffPeople } from "../../../db/schema/index.ts";
import { queryFailure } from "../../../src/cli/query-failure.ts";
import {
  openPgliteTestDatabase,
  openPgliteThreadTestDatabase,
  queryRows,
  truncateAll,
} from "../../support/test-database.ts";

const ada = { name: "Ada", role: "admin" as const, createdBy: "test" };

/** What a call failed with, for comparing the two threads' failures. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable("the call succeeded"),
    (err: unknown) => err,
  );
}

describe("PGlite on a worker thread", () => {
  let threaded: Database;
  let local: Database;
  beforeAll(async () => {
    [threaded, local] = await Promise.all([openPgliteThreadTestDatabase(), openPgliteTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([threaded?.close(), local?.close()]);
  });
  beforeEach(() => Promise.all([truncateAll(threaded.db), truncateAll(local.db)]));

  it("answers drizzle's queries as PGlite on this thread does: rows, parameters, dates", async () => {
    const at = new Date("2026-03-01T08:30:00Z");
    const answers = [];
    for (const { db } of [threaded, local]) {
      await db.insert(staffPeople).values([ada, { ...ada, name: "Leyla", role: "editor" }]);
      await db.update(staffPeople).set({ lastSignInAt: at }).where(eq(staffPeople.name, "Ada"));
      const selected = await db
        .select({ name: staffPeople.name, signedIn: staffPeople.lastSignInAt })
        .from(staffPeople)
        .orderBy(staffPeople.name);
      const raw = await queryRows<{ at: unknown; n: unknown; bound: unknown }>(
        db,
        sql`select last_sign_in_at as at, count(*) over () as n, ${"a-bound-value"}::text as bound from staff_people where name = ${"Ada"}`,
      );
      answers.push({ selected, raw });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.selected[0]!.signedIn).toEqual(at);
    // Raw SQL gets Postgres's text for a timestamp, as drizzle asks of PGlite: a string, not a Date.
    expect(answers[0]!.raw[0]!.at).toBe("2026-03-01 08:30:00+00");
    expect(answers[0]!.raw[0]!.bound).toBe("a-bound-value");
  });

  it("commits a transaction, and rolls one back that throws, passing on what it threw", async () => {
    await threaded.db.transaction(async (tx) => {
      await tx.insert(staffPeople).values(ada);
      // A nested transaction is a savepoint inside the worker's transaction; this one rolls back alone.
      await tx
        .transaction(async (inner) => {
          await inner.insert(staffPeople).values({ ...ada, name: "Leyla" });
          throw new Error("not Leyla");
        })
        .catch(() => {});
    });
    const thrown = new Error("the import failed");
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.insert(staffPeople).values({ ...ada, name: "Nasrin" });
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    const names = await threaded.db.select({ name: staffPeople.name }).from(staffPeople);
    expect(names).toEqual([{ name: "Ada" }]);
  });

  it("holds a statement sent while a transaction is open until the transaction ends", async () => {
    let outside: Promise<{ name: string }[]> | undefined;
    await threaded.db.transaction(async (tx) => {
      await tx.insert(staffPeople).values(ada);
      outside = threaded.db.select({ name: staffPeople.name }).from(staffPeople);
      const settled = await Promise.race([outside.then(() => true), sleep(100).then(() => false)]);
      expect(settled).toBe(false);
      await tx.insert(staffPeople).values({ ...ada, name: "Leyla" });
    });
    expect(await outside).toHaveLength(2);
  });

  it("reports a refused statement as PGlite on this thread does: message, SQLSTATE, constraint", async () => {
    const refused = [];
    for (const { db } of [threaded, local]) {
      await db.insert(staffPeople).values(ada);
      refused.push(await failure(db.insert(staffPeople).values(ada)));
    }
    const [fromThread, fromHere] = refused.map((err) => queryFailure(err));
    expect(fromThread).toEqual(fromHere);
    expect(fromThread?.line).toContain("(SQLSTATE 23505)");
    expect(fromThread?.detail.constraint).toBe("staff_people_name_unique");
    const cause = (refused[0] as { cause?: Record<string, unknown> }).cause;
    expect(cause?.code).toBe("23505");
    expect(cause?.message).toBe((refused[1] as { cause?: { message: string } }).cause?.message);
  });

  it("refuses every call once closed, and closing twice is harmless", async () => {
    const database = await openPgliteThreadTestDatabase();
    await database.close();
    if (database.kind !== "pglite") throw new Error("expected a PGlite database");
    expect(database.client.closed).toBe(true);
    const refused = (await failure(database.db.execute(sql`select 1`))) as { cause?: Error };
    expect(refused.cause?.message).toBe("the PGlite thread is closed");
    await database.close();
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
