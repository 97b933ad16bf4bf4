/**
 * The catalog's version on embedded PGlite, whose one owner process makes every write: the revision read
 * last stands until this process writes the catalog again (no query per lookup), and a write in flight
 * while a lookup asks is seen once it commits, never missed.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bumpRevision, createCatalogRepository, lockCatalog } from "../../../db/repositories/catalog.ts";
import { makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import { emptiedForEachTest, pgliteThreads } from "../../support/test-database.ts";

describe.each(pgliteThreads)(
  "the catalog version when this process is PGlite's only writer, on $thread",
  (target) => {
    const opened = emptiedForEachTest(target);

    const sole = () => createCatalogRepository(opened().db, { soleWriter: true });
    const asking = () => createCatalogRepository(opened().db);
    const bundle = () => ({ campaigns: [makeCampaign()], profiles: sampleProfiles() });

    it("moves with every write this process makes, through any repository over the database", async () => {
      const reader = sole();
      const writer = asking();
      const first = await reader.version();
      await writer.importBundle(bundle(), "curator");
      const imported = await reader.version();
      expect(imported).not.toBe(first);
      await writer.takedown("khalil-matouk", { reason: "family request", actor: "mod", at: new Date() });
      const takenDown = await reader.version();
      expect(takenDown).not.toBe(imported);
      expect(takenDown).toBe(await asking().version());
    });

    it("sees a write that was in flight when it asked, once that write commits", async () => {
      const reader = sole();
      const before = await reader.version();
      let answered: Promise<string> | undefined;
      await opened().db.transaction(async (tx) => {
        await lockCatalog(tx);
        await bumpRevision(tx);
        // Asked while the transaction is open: PGlite holds the query until the transaction ends.
        answered = reader.version();
      });
      const during = await answered;
      expect(during).not.toBe(before);
      expect(await reader.version()).toBe(during);
    });

    it("asks again after a write that rolled back, and keeps the revision that stands", async () => {
      const reader = sole();
      const before = await reader.version();
      await expect(
        opened().db.transaction(async (tx) => {
          await bumpRevision(tx);
          throw new Error("the import failed");
        }),
      ).rejects.toThrow("the import failed");
      expect(await reader.version()).toBe(before);
    });

    it("keeps its answer without asking while nothing is written, unlike a repository that always asks", async () => {
      await asking().importBundle(bundle(), "curator");
      const reader = sole();
      const before = await reader.version();
      // A write made behind the repositories' backs (no process does this on PGlite: it has one owner) is
      // what tells the two apart: the sole writer's reading stands, the asking one sees the row.
      await opened().db.execute(sql`update catalog_revision set revision = revision + 100`);
      expect(await reader.version()).toBe(before);
      expect(await asking().version()).not.toBe(before);
    });
  },
);
