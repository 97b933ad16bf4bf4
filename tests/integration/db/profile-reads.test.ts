/**
 * Whole profiles read a thousand at a time (profile-store.ts, PROFILES_PER_READ), on PGlite and (with
 * TEST_DATABASE_URL) Postgres: the whole catalog, and a list of ids longer than one read, come back
 * complete, in insertion order, and the same as the one-statement read of each (profile-read.ts).
 */
import { describe, expect, it } from "vitest";
import { createRepositories } from "../../../db/repositories/index.ts";
import { loadProfile, loadProfiles } from "../../../db/repositories/profile-store.ts";
import { generatedProfiles, sampleCampaign } from "../../support/generated-catalog.ts";
import { databaseTargets, emptiedForEachTest } from "../../support/test-database.ts";

const PROFILES = 1_005;

describe.each(databaseTargets)("profiles read in pieces on $name", ({ open, skip }) => {
  const database = emptiedForEachTest({ open, skip });

  it.skipIf(skip)(
    "reads more profiles than one read holds, whole and in order",
    async () => {
      const { db } = database();
      const profiles = generatedProfiles(PROFILES);
      await createRepositories(db).catalog.importBundle({ campaigns: [sampleCampaign()], profiles }, "test");

      const all = await loadProfiles(db);
      expect(all.map((s) => s.profile)).toEqual(profiles);
      expect(all.map((s) => s.seq)).toEqual([...all.map((s) => s.seq)].sort((a, b) => a - b));

      const some = await loadProfiles(db, profiles.map((p) => p.id).reverse());
      expect(some).toEqual(all);
      for (const at of [0, 999, 1_000, PROFILES - 1])
        expect(await loadProfile(db, profiles[at]!.id)).toEqual(all[at]);
    },
    120_000,
  );
});
