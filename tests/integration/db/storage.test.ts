/**
 * What the contract cannot see through the ports: how rows are stored. jsonb leaves must be JSON objects
 * (a driver that double-encodes them stores strings, which round-trip but break every jsonb query), the
 * derived status columns must follow the latest episode, and the database's own CHECKs must refuse a
 * named minor even when the application's validation is bypassed.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.ts";
import { migrateDatabase } from "../../../db/migrate.ts";
import { createRepositories } from "../../../db/repositories/index.ts";
import { makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import { databaseTargets, queryRows, truncateAll } from "../../support/test-database.ts";
import { errorText } from "./repositories.contract.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`storage on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    beforeEach(async () => {
      await truncateAll(database.db);
      const { catalog } = createRepositories(database.db);
      await catalog.importBundle({ campaigns: [makeCampaign()], profiles: sampleProfiles() }, "curator");
    });
    afterAll(() => database.close());

    it("is fully migrated: migrating again applies nothing", async () => {
      expect(await migrateDatabase(database)).toBe(0);
    });

    it("stores jsonb leaves as JSON values, not as strings", async () => {
      const found = await queryRows<{ charges: string; sentence: string | null }>(
        database.db,
        sql`select jsonb_typeof(charges) as charges, jsonb_typeof(sentence) as sentence
            from detentions where profile_id = 'ilgar-mammadov'`,
      );
      expect(found).toEqual([{ charges: "array", sentence: "object" }]);
    });

    it("keeps the current status of the latest detention on the profile row", async () => {
      const found = await queryRows<{ id: string; current_status: string; status_as_of: string }>(
        database.db,
        sql`select id, current_status, status_as_of from profiles order by seq`,
      );
      expect(found).toEqual([
        { id: "ilgar-mammadov", current_status: "sentenced", status_as_of: "2016-12-13" },
        { id: "khalil-matouk", current_status: "disappeared", status_as_of: "2023-09" },
        { id: "oleg-sentsov", current_status: "released", status_as_of: "2019-09-07" },
      ]);
    });

    it("refuses to name a minor even in SQL written by hand", async () => {
      const attempt = database.db.execute(
        sql`update family_members set display_name = 'A child', public_advocate = true where is_minor`,
      );
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(errorText(error)).toMatch(/family_members_minor_never_named/);
    });
  });
}
