/**
 * The planner's statistics after an import (db/repositories/import-statistics.ts), on PGlite and (with
 * TEST_DATABASE_URL) Postgres: an import that wrote many profiles analyzes the profile tables once it is
 * committed; a re-import of a few edits, and a dry run, do not.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRepositories } from "../../../db/repositories/index.ts";
import { generatedProfiles, sampleCampaign } from "../../support/generated-catalog.ts";
import { databaseTargets, emptiedForEachTest, queryRows } from "../../support/test-database.ts";

const PROFILES = 200;

describe.each(databaseTargets)("statistics after an import on $name", ({ open, skip }) => {
  const database = emptiedForEachTest({ open, skip });

  /** How often each table was analyzed, and what the planner now believes `profiles` holds. */
  const statistics = async () => {
    const rows = await queryRows<{ relname: string; analyzed: number }>(
      database().db,
      sql`select relname, analyze_count::int as analyzed from pg_stat_user_tables
          where relname in ('profiles', 'profile_sources', 'family_members')`,
    );
    const [planned] = await queryRows<{ tuples: number }>(
      database().db,
      sql`select reltuples::int as tuples from pg_class where relname = 'profiles'`,
    );
    return {
      analyzed: Object.fromEntries(rows.map((r) => [r.relname, r.analyzed])),
      tuples: planned!.tuples,
    };
  };

  it.skipIf(skip)("analyzes after a large import, not after a few edits or a dry run", async () => {
    const { catalog } = createRepositories(database().db);
    const profiles = generatedProfiles(PROFILES);
    const bundle = { campaigns: [sampleCampaign()], profiles };
    const before = await statistics();

    await catalog.importBundle(bundle, "test", { dryRun: true });
    expect((await statistics()).analyzed).toEqual(before.analyzed);

    await catalog.importBundle(bundle, "test");
    const after = await statistics();
    for (const table of ["profiles", "profile_sources", "family_members"])
      expect(after.analyzed[table]).toBe(before.analyzed[table]! + 1);
    expect(after.tuples).toBe(PROFILES);

    // 10 of 200 changed: under 50 + 10% of 200, as autovacuum would judge it.
    const edited = profiles.map((p, i) =>
      i % 20 === 0 ? { ...p, summary: { ...p.summary, text: `${p.summary.text} Edited.` } } : p,
    );
    const again = await catalog.importBundle({ ...bundle, profiles: edited }, "test");
    expect(again.profiles.updated).toBe(10);
    expect((await statistics()).analyzed).toEqual(after.analyzed);
  });
});
