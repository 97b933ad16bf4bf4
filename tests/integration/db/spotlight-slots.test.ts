/**
 * One scheduled spotlight per channel and date, and per community and date, as a fact of the database.
 * Migration 0003 on a database from before it: duplicate scheduled spotlights (which the old code let in)
 * must not stop the unique indexes from being built. The later duplicates are cancelled and audited, the
 * first of each (the one the planner posted) stands, and afterwards the database itself refuses a
 * duplicate, even from a writer that bypasses the repository. A chat moving to a new reference that has
 * spotlights of its own keeps one per date too.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { asc, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.ts";
import { pgliteDatabase } from "../../../db/pglite-client.ts";
import { postgresDatabase, postgresOptions } from "../../../db/postgres-client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../../db/migrate.ts";
import { createRepositories } from "../../../db/repositories/index.ts";
import { auditLog, spotlights } from "../../../db/schema/index.ts";
import { CAMPAIGN_ID, makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { NewSpotlight } from "../../../src/core/ports/spotlights.ts";
import {
  createEmptyPostgresDatabase,
  databaseTargets,
  hasTestPostgres,
} from "../../support/test-database.ts";
import { errorText } from "./repositories.contract.ts";

const MIGRATION = "0003_one_spotlight_per_day";

/** How many migrations an upgrade from before MIGRATION applies: it and every later one. */
const FROM_MIGRATION_ON = JSON.parse(
  readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
).entries.filter((e: { tag: string }) => e.tag >= MIGRATION).length;

/** The migrations folder as it was before MIGRATION. */
function migrationsBefore(): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), "ftbh-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8"));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < MIGRATION);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

const targets = [
  { name: "PGlite", skip: false, open: async () => pgliteDatabase(await PGlite.create()) },
  {
    name: "Postgres",
    skip: !hasTestPostgres,
    async open(): Promise<Database> {
      const empty = await createEmptyPostgresDatabase();
      const database = postgresDatabase(postgres(empty.url, postgresOptions));
      return { ...database, close: () => database.close().then(() => empty.drop()) };
    },
  },
];

const row = (over: Partial<typeof spotlights.$inferInsert>): typeof spotlights.$inferInsert => ({
  scope: "channel",
  channelRef: channelRef("discord:1:10"),
  communityRef: communityRef("discord:1"),
  campaignId: CAMPAIGN_ID,
  profileId: "ilgar-mammadov",
  localDate: "2026-12-10",
  timezone: "UTC",
  state: "scheduled",
  createdBy: "mod",
  ...over,
});

for (const target of targets) {
  describe.skipIf(target.skip)(`migration ${MIGRATION} on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(() => database?.close());

    it("cancels later duplicates, keeps the first of each, then refuses duplicates itself", async () => {
      const before = migrationsBefore();
      try {
        await migrateDatabase(database, { migrationsFolder: before.folder });
      } finally {
        before.remove();
      }
      const { db } = database;
      const { catalog } = createRepositories(db);
      // Today's importer writes columns later migrations add (0005, 0008, 0009, 0012): lend them for the seed, then take
      // them away again, so the upgrade below runs on the schema an old database really has.
      const lent = [
        sql`alter table profiles add column content_hash text`,
        sql`alter table profiles add column translations jsonb`,
        sql`alter table campaigns add column source_language text`,
        sql`alter table campaigns add column translation_mode text`,
        sql`alter table campaigns add column text_translations jsonb`,
        sql`alter table profiles add column actions jsonb`,
        sql`alter table campaigns add column profile_url text, add column actions jsonb`,
      ];
      for (const statement of lent) await db.execute(statement);
      await catalog.importBundle({ campaigns: [makeCampaign()], profiles: sampleProfiles() }, "curator");
      await db.execute(
        sql`alter table profiles drop column content_hash, drop column translations, drop column actions`,
      );
      await db.execute(
        sql`alter table campaigns drop column source_language, drop column translation_mode, drop column text_translations, drop column profile_url, drop column actions`,
      );
      await db.insert(spotlights).values([
        row({}), // 1: stands
        row({ profileId: "khalil-matouk" }), // 2: the same channel and date
        row({ state: "cancelled", cancelReason: "earlier" }), // 3: already cancelled
        row({ channelRef: channelRef("discord:1:11") }), // 4: another channel
        row({ scope: "community" }), // 5: the community's, stands
        row({ scope: "community", channelRef: channelRef("discord:1:11") }), // 6: the same community and date
        row({ localDate: "2026-12-11" }), // 7: another date
        row({ localTime: "18:00" }), // 8: the same channel and date again
      ]);

      expect(await migrateDatabase(database)).toBe(FROM_MIGRATION_ON);

      const after = await db
        .select({ id: spotlights.id, state: spotlights.state, reason: spotlights.cancelReason })
        .from(spotlights)
        .orderBy(asc(spotlights.id));
      const duplicate = "another spotlight was already scheduled for the same date";
      expect(after).toEqual([
        { id: 1, state: "scheduled", reason: null },
        { id: 2, state: "cancelled", reason: duplicate },
        { id: 3, state: "cancelled", reason: "earlier" },
        { id: 4, state: "scheduled", reason: null },
        { id: 5, state: "scheduled", reason: null },
        { id: 6, state: "cancelled", reason: duplicate },
        { id: 7, state: "scheduled", reason: null },
        { id: 8, state: "cancelled", reason: duplicate },
      ]);
      const audited = await db
        .select({ actor: auditLog.actor, action: auditLog.action, entityId: auditLog.entityId })
        .from(auditLog)
        .where(sql`${auditLog.entityType} = 'spotlight'`)
        .orderBy(asc(auditLog.entityId));
      expect(audited).toEqual(
        ["2", "6", "8"].map((entityId) => ({ actor: "migration", action: "spotlight.cancelled", entityId })),
      );

      const refusal = await db
        .insert(spotlights)
        .values(row({ profileId: "oleg-sentsov" }))
        .then(
          () => "inserted",
          (error: unknown) => errorText(error),
        );
      expect(refusal).toMatch(/spotlights_one_per_channel_day/);
      const wide = await db
        .insert(spotlights)
        .values(row({ scope: "community", channelRef: channelRef("discord:1:12") }))
        .then(
          () => "inserted",
          (error: unknown) => errorText(error),
        );
      expect(wide).toMatch(/spotlights_one_per_community_day/);
    });
  });
}

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`a moved chat's spotlights on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(() => database?.close());

    it("keep the new chat's own where both have one for a date, and move the rest", async () => {
      const repositories = createRepositories(database.db);
      const { catalog, subscriptions, spotlights: repo } = repositories;
      await catalog.importBundle({ campaigns: [makeCampaign()], profiles: sampleProfiles() }, "curator");
      const group = channelRef("telegram:-1001");
      const supergroup = channelRef("telegram:-1009990001");
      await subscriptions.upsert({
        channel: group,
        community: communityRef(group),
        campaignId: CAMPAIGN_ID,
        postTime: "09:00",
        timezone: "UTC",
        actor: "telegram:mod",
      });
      const add = async (chat: typeof group, over: Partial<NewSpotlight>) => {
        const base = { channel: chat, community: communityRef(chat), campaignId: CAMPAIGN_ID };
        const result = await repo.add({
          scope: "channel",
          ...base,
          profileId: "khalil-matouk",
          localDate: "2026-12-10",
          timezone: "UTC",
          createdBy: "telegram:mod",
          ...over,
        });
        if (result.kind !== "added") throw new Error("expected it added");
        return result.spotlight.id;
      };
      const groupsDay = await add(group, {});
      const groupsOtherDay = await add(group, { localDate: "2026-12-11" });
      const groupsWide = await add(group, { scope: "community" });
      const supergroupsDay = await add(supergroup, { profileId: "oleg-sentsov" });
      const supergroupsWide = await add(supergroup, { scope: "community", profileId: "oleg-sentsov" });

      expect(await subscriptions.moveChannel(group, supergroup, "telegram")).toBe(true);

      const upcoming = await repo.listUpcoming(supergroup, communityRef(supergroup), "2026-12-01");
      expect(upcoming.map((s) => s.id)).toEqual([supergroupsDay, supergroupsWide, groupsOtherDay]);
      for (const id of [groupsDay, groupsWide]) {
        expect(await repo.get(id)).toMatchObject({
          state: "cancelled",
          cancelReason: "its chat moved to one that already had a spotlight for the same date",
        });
        const [entry] = await repositories.audit.list({ entityType: "spotlight", entityId: String(id) });
        expect(entry).toMatchObject({ action: "spotlight.cancelled", actor: "telegram" });
      }
      expect(await repo.listUpcoming(group, communityRef(group), "2026-12-01")).toEqual([]);
    });
  });
}
