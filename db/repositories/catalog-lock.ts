/** The catalog writers' lock and the revision every catalog write bumps (version() reads it). */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { catalogRevision } from "../schema/index.ts";

/** Catalog writers take this lock first, so two imports never both decide a profile is new. */
const CATALOG_LOCK_KEY = 0x46544243;

export async function lockCatalog(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_LOCK_KEY})`);
}

export async function bumpRevision(tx: Db): Promise<void> {
  await tx
    .insert(catalogRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({
      target: catalogRevision.id,
      set: { revision: sql`${catalogRevision.revision} + 1` },
    });
}
