/**
 * An import large enough to cross the databases' 65,535-parameter limit (300 profiles × 28 sources ×
 * 8 columns of profile_sources = 67,200) and written in three pieces (125 profiles at a time here; the
 * repository's own 1,000 would take a catalog several times larger, and its time, for the same
 * properties), on PGlite and (with TEST_DATABASE_URL) Postgres: it is written
 * whole, a re-import changes nothing, and a row the database refuses mid-import leaves nothing written.
 * Then a failure forced at each step of a new import and of a re-import (a trigger in the test database):
 * the catalog stays as it was, and the message is one line naming the statement and table.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRepositories } from "../../../db/repositories/index.ts";
import { queryFailure } from "../../../src/cli/query-failure.ts";
import { generatedProfiles, sampleCampaign } from "../../support/generated-catalog.ts";
import { databaseTargets, emptiedForEachTest, queryRows } from "../../support/test-database.ts";

const PROFILES = 300;
const SOURCES = 28;
const PROFILES_PER_WRITE = 125;
const catalog = {
  campaigns: [sampleCampaign()],
  profiles: generatedProfiles(PROFILES, { sources: SOURCES }),
};
const inRounds = { profilesPerWrite: PROFILES_PER_WRITE };

describe.each(databaseTargets)("an import over the parameter limit on $name", ({ open, skip }) => {
  const database = emptiedForEachTest({ open, skip });

  const count = async (table: string) => {
    const [row] = await queryRows<{ n: number }>(
      database().db,
      sql.raw(`select count(*)::int as n from ${table}`),
    );
    return row!.n;
  };
  const counts = async () => ({
    profiles: await count("profiles"),
    names: await count("profile_names"),
    sources: await count("profile_sources"),
    family: await count("family_members"),
    audit: await count("audit_log"),
  });

  it.skipIf(skip)(
    "writes every row, and a re-import of the same catalog changes nothing",
    async () => {
      const { catalog: repo } = createRepositories(database().db);
      const first = await repo.importBundle(catalog, "test", inRounds);
      expect(first.profiles).toEqual({ created: PROFILES, updated: 0, unchanged: 0 });
      const written = await counts();
      expect(written).toEqual({
        profiles: PROFILES,
        names: PROFILES * 4,
        sources: PROFILES * SOURCES,
        family: PROFILES * 2,
        audit: PROFILES + 1, // one entry a profile, one for the campaign
      });
      const version = await repo.version();
      const again = await repo.importBundle(catalog, "test", inRounds);
      expect(again.profiles).toEqual({ created: 0, updated: 0, unchanged: PROFILES });
      expect(await counts()).toEqual(written);
      expect(await repo.version()).toBe(version);
    },
    300_000,
  );

  it.skipIf(skip)(
    "leaves nothing written when the database refuses one row mid-import, and says so in one line",
    async () => {
      // Only in this test database: the 200th profile's third source (in the second piece) is refused.
      await database().db.execute(
        sql.raw(`
          create function refuse_one_source() returns trigger language plpgsql as $$
          begin
            if new.profile_id = 'generated-199' and new.position = 2 then
              raise exception 'test refuses this source' using errcode = 'P0001';
            end if;
            return new;
          end $$`),
      );
      await database().db.execute(
        sql.raw(`
          create trigger refuse_one_source before insert on profile_sources
            for each row execute function refuse_one_source();`),
      );
      try {
        const { catalog: repo } = createRepositories(database().db);
        const error = await repo.importBundle(catalog, "test", inRounds).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(error).toBeDefined();
        expect(await counts()).toEqual({ profiles: 0, names: 0, sources: 0, family: 0, audit: 0 });
        const line = queryFailure(error)?.line;
        expect(line).toBe(
          "the database refused a statement (insert on table profile_sources): test refuses this source (SQLSTATE P0001)",
        );
      } finally {
        await database().db.execute(sql.raw("drop trigger refuse_one_source on profile_sources"));
        await database().db.execute(sql.raw("drop function refuse_one_source()"));
      }
    },
    300_000,
  );

  /** Makes the database refuse every `event` on `table` (in this test database only); returns the undo. */
  async function refuse(event: string, table: string) {
    await database().db.execute(
      sql.raw(`create function refuse_step() returns trigger language plpgsql as $$
        begin raise exception 'test refuses this step'; end $$`),
    );
    await database().db.execute(
      sql.raw(
        `create trigger refuse_step before ${event} on ${table} for each row execute function refuse_step()`,
      ),
    );
    return async () => {
      await database().db.execute(sql.raw(`drop trigger refuse_step on ${table}`));
      await database().db.execute(sql.raw("drop function refuse_step()"));
    };
  }
  const small = { campaigns: catalog.campaigns, profiles: catalog.profiles.slice(0, 20) };
  const failureOf = (work: Promise<unknown>) =>
    work.then(
      () => new Error("no failure"),
      (err: unknown) => err,
    );

  const newImportSteps = [
    "profiles",
    "profile_names",
    "profile_sources",
    "detentions",
    "family_members",
    "profile_quotes",
  ];
  for (const table of [...newImportSteps, "audit_log"]) {
    it.skipIf(skip)(`a new import refused at its insert into ${table} writes nothing`, async () => {
      const undo = await refuse("insert", table);
      try {
        const error = await failureOf(createRepositories(database().db).catalog.importBundle(small, "test"));
        expect(queryFailure(error)?.line).toBe(
          `the database refused a statement (insert on table ${table}): test refuses this step (SQLSTATE P0001)`,
        );
        expect(await counts()).toEqual({ profiles: 0, names: 0, sources: 0, family: 0, audit: 0 });
      } finally {
        await undo();
      }
    });
  }

  const changeSteps = [
    ["update", "profiles"],
    ["delete", "profile_sources"],
    ["insert", "profile_names"],
    ["insert", "audit_log"],
  ];
  for (const [event, table] of changeSteps) {
    it.skipIf(skip)(
      `a re-import refused at its ${event} on ${table} leaves the stored catalog as it was`,
      async () => {
        const { catalog: repo } = createRepositories(database().db);
        await repo.importBundle(small, "test");
        const before = { counts: await counts(), profiles: await repo.listProfiles() };
        const [first, ...rest] = small.profiles;
        const changed = { ...small, profiles: [{ ...first!, displayName: "Changed Name" }, ...rest] };
        const undo = await refuse(event!, table!);
        try {
          const error = await failureOf(repo.importBundle(changed, "test"));
          expect(queryFailure(error)?.line).toBe(
            `the database refused a statement (${event} on table ${table}): test refuses this step (SQLSTATE P0001)`,
          );
        } finally {
          await undo();
        }
        expect({ counts: await counts(), profiles: await repo.listProfiles() }).toEqual(before);
      },
    );
  }
});
