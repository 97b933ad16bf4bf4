/** The catalog writers' lock and the revision every catalog write bumps (version() reads it). */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { catalogRevision } from "../schema/index.ts";

/** Catalog writers take this lock first, so two imports never both decide a profile is new. */
const CATALOG_LOCK_KEY = 0x46544243;

export async function lockCatalog(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_LOCK_KEY})`);
}

/**
 * How many catalog writes this process has made (bumped revisions, committed or not). A repository whose
 * process is the database's only writer (embedded PGlite: one owner holds the data folder) may keep the
 * revision it read until this moves, instead of asking the database on every lookup.
 */
let writesInProcess = 0;
export const catalogWritesInProcess = (): number => writesInProcess;

export async function bumpRevision(tx: Db): Promise<void> {
  await tx
    .insert(catalogRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({
      target: catalogRevision.id,
      set: { revision: sql`${catalogRevision.revision} + 1` },
    });
  // Counted inside the writer's transaction, before it commits. On PGlite a reader's query waits for an
  // open transaction to end, so a reader that sees this count move and asks again reads the committed
  // revision (or the old one after a rollback, which is also right).
  writesInProcess += 1;
}
