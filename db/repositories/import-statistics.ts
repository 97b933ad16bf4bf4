/**
 * The planner's statistics after a large import. Postgres plans from per-table statistics that only
 * ANALYZE gathers: until then, the tables an import filled are planned with guesses (a fresh table is
 * assumed to hold a few pages), and the one-statement profile read (profile-read.ts) and the pages of
 * profile-store.ts may scan where an index would do. A server's autovacuum analyzes a table once about
 * 10% of it changed, but only on its next round (a minute apart by default), and the embedded database
 * has no autovacuum at all, so there the guesses would stay. The import asks for it itself, by the same
 * rule as autovacuum (50 rows plus 10% of what was there, counted in profiles; a profile's child rows
 * change with it), so a re-import of a few edits costs nothing more.
 */
import { getTableName, sql } from "drizzle-orm";
import type { StreamedImportResult } from "../../src/core/ports/catalog.ts";
import type { Db } from "../client.ts";
import {
  detentions,
  familyMembers,
  profileDesignations,
  profileNames,
  profileQuotes,
  profileSources,
  profiles,
} from "../schema/index.ts";

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, Postgres's defaults. */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE = 0.1;

/** The tables a profile's import writes and a profile's read plans over. */
const PROFILE_TABLES = [
  profiles,
  profileNames,
  profileSources,
  detentions,
  familyMembers,
  profileQuotes,
  profileDesignations,
];

/** Whether an import changed enough profiles for the statistics to be worth gathering again. */
export function changedEnoughToAnalyze(result: StreamedImportResult): boolean {
  const { created, updated, unchanged } = result.profiles;
  // Every profile stored before was read again (changed or not) or is absent from these files.
  const before = updated + unchanged + result.absentProfiles;
  return created + updated >= ANALYZE_THRESHOLD + ANALYZE_SCALE * before;
}

/**
 * Analyzes the profile tables, once the import is committed: inside its transaction it would hold the
 * catalog lock longer, and an import rolled back would leave statistics of rows that never were.
 */
export async function analyzeProfileTables(db: Db): Promise<void> {
  const names = PROFILE_TABLES.map((table) => `"${getTableName(table)}"`).join(", ");
  await db.execute(sql.raw(`analyze ${names}`));
}
