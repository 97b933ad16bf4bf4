/**
 * The command line's import and export at a size over the databases' 65,535-parameter limit (300
 * profiles × 28 sources × 8 columns of profile_sources = 67,200), on PGlite and (with TEST_DATABASE_URL)
 * Postgres, through the paths a large catalog takes: an export file read a document at a time, written
 * as it is read. The export is the file imported, byte for byte (the file was written in the schema's
 * order), and importing it into an empty database and exporting again gives the same bytes; a
 * re-import with 1% of profiles edited changes only those, names them, and keeps a takedown.
 *
 * One suite, run by one file per database (catalog-scale.pglite.test.ts, catalog-scale.postgres.test.ts) so
 * the two, the longest files of the suite, run side by side. Most of its time is YAML: the file of the
 * generated catalog is made once a run and each test starts from its text (a 2 MB YAML file takes
 * seconds to write), and the bad file is that text with its last profile's field changed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.ts";
import { createRepositories } from "../../../db/repositories/index.ts";
import { profileSources } from "../../../db/schema/index.ts";
import { exportBundle } from "../../../src/catalog/export-bundle.ts";
import { exportToFile } from "../../../src/cli/export.ts";
import { importFiles } from "../../../src/cli/import.ts";
import { ImportError } from "../../../src/core/errors.ts";
import type { Profile } from "../../../src/core/profile.ts";
import { generatedProfiles, sampleCampaign } from "../../support/generated-catalog.ts";
import { type databaseTargets, truncateAll } from "../../support/test-database.ts";
import { tempFolder } from "../../unit/catalog/fixtures.ts";

/**
 * Enough profiles that the import writes in more than one piece (here 125 at a time: three rounds, the
 * last one part full; db/repositories/catalog-import.ts writes 1,000 at a time unless told), and that
 * their sources alone would take more parameters than one statement may have. The rounds are smaller
 * than the repository's so that the catalog, whose YAML is most of this suite's time, can be too: a few
 * hundred profiles, each citing more sources than most, make as many rows as 1,700 of the sample's.
 */
const PROFILES = 300;
const PROFILES_PER_WRITE = 125;
const SOURCES = 28;
const campaign = sampleCampaign();
const profiles = generatedProfiles(PROFILES, { sources: SOURCES });
let originalText: string | undefined;
/** The generated catalog's file, as `freetobehome export` writes it: one document a profile. */
const original = () => {
  originalText ??= exportBundle({ campaigns: [campaign], profiles }, "yaml");
  return originalText;
};
/** The same file with the last profile's confidence not one the schema allows. */
function withLastProfileBad(): string {
  const text = original();
  const field = "\nconfidence: confirmed\n";
  const at = text.lastIndexOf(field);
  if (at < text.lastIndexOf(`\nid: ${profiles.at(-1)!.id}\n`))
    throw new Error("the last profile of the generated file has no 'confidence: confirmed' to change");
  return `${text.slice(0, at)}\nconfidence: sure\n${text.slice(at + field.length)}`;
}
// A test here needs seconds of CPU; with both cores shared among twenty processes, it needed over 120 s.
const TIMEOUT = 300_000;
// Read a document at a time from 1 KB on, so the test does not need a file of many megabytes to get there.
const options = { cwd: "/", actor: "test", streamFromBytes: 1024, profilesPerWrite: PROFILES_PER_WRITE };

const edited = (list: Profile[]) =>
  list.map((p, i) =>
    i % 100 === 7 ? { ...p, summary: { ...p.summary, text: `${p.summary.text} Edited.` } } : p,
  );

export function catalogAtScale({ name, open, skip }: (typeof databaseTargets)[number]): void {
  describe(`a catalog over the parameter limit on ${name}`, () => {
    let database: Database;
    let dir: string;
    beforeAll(async () => {
      if (skip) return;
      database = await open();
    }, 120_000);
    beforeEach(async () => {
      if (skip) return;
      await truncateAll(database.db);
      dir = await tempFolder();
    });
    afterAll(async () => {
      if (!skip) await database.close();
    });

    it("is a catalog over the limit, written in several rounds", () => {
      const columns = Object.keys(getTableColumns(profileSources)).length;
      const sourceRows = profiles.reduce((sum, p) => sum + p.sources.length, 0);
      expect(sourceRows * columns).toBeGreaterThan(65_535);
      expect(PROFILES).toBeGreaterThan(2 * PROFILES_PER_WRITE);
    });

    it.skipIf(skip)(
      "exports what it imported byte for byte, and again after importing the export into an empty database",
      async () => {
        const { catalog } = createRepositories(database.db);
        const file = path.join(dir, "catalog.yaml");
        await writeFile(file, original());
        expect(await importFiles(catalog, [file], options)).toContain(`profiles:  ${PROFILES} new`);

        const first = path.join(dir, "first.yaml");
        expect(await exportToFile({ catalog, format: "yaml" }, first)).toEqual({
          campaigns: 1,
          profiles: PROFILES,
        });
        expect(await readFile(first, "utf8")).toBe(original());

        await truncateAll(database.db);
        await importFiles(catalog, [first], options);
        const second = path.join(dir, "second.yaml");
        await exportToFile({ catalog, format: "yaml" }, second);
        expect(Buffer.compare(await readFile(second), await readFile(first))).toBe(0);
        // JSON too, through a profile at a time.
        const json = path.join(dir, "export.json");
        await exportToFile({ catalog, format: "json" }, json);
        const bundle = JSON.parse(await readFile(json, "utf8")) as { profiles: Profile[] };
        expect(bundle.profiles).toHaveLength(PROFILES);
      },
      TIMEOUT,
    );

    it.skipIf(skip)(
      "re-imports 1% edited: only those change, by id, and a takedown made meanwhile stays",
      async () => {
        const { catalog } = createRepositories(database.db);
        const file = path.join(dir, "catalog.yaml");
        await writeFile(file, original());
        await importFiles(catalog, [file], options);
        const at = new Date("2024-01-01T00:00:00Z");
        // One taken-down profile is edited in the file, one is not: neither comes back.
        for (const id of ["generated-7", "generated-8"])
          await catalog.takedown(id, { reason: "family request", actor: "test", at });
        const version = await catalog.version();

        await writeFile(file, exportBundle({ campaigns: [campaign], profiles: edited(profiles) }, "yaml"));
        const report = await importFiles(catalog, [file], options);
        const changed = profiles.filter((_, i) => i % 100 === 7).map((p) => p.id);
        expect(report).toContain(
          `profiles:  0 new, ${changed.length} changed, ${PROFILES - changed.length} unchanged`,
        );
        expect(report).toContain(`changed profiles: ${changed.join(", ")}\n`);
        expect(await catalog.version()).not.toBe(version);
        for (const id of ["generated-7", "generated-8"]) {
          const stored = await catalog.getProfile(id);
          expect(stored?.profile.publication).toMatchObject({
            visibility: "withheld",
            takedown: { reason: "family request" },
          });
        }
        expect((await catalog.getProfile("generated-107"))?.profile.summary.text).toMatch(/Edited\.$/);

        // The same files once more: nothing to write, nothing changes.
        const again = await importFiles(catalog, [file], options);
        expect(again).toContain(`profiles:  0 new, 0 changed, ${PROFILES} unchanged`);
      },
      TIMEOUT,
    );

    it.skipIf(skip)(
      "refuses a large file with one bad profile at its end and writes nothing",
      async () => {
        const { catalog } = createRepositories(database.db);
        const file = path.join(dir, "bad.yaml");
        await writeFile(file, withLastProfileBad());
        const refused = importFiles(catalog, [file], options);
        await expect(refused).rejects.toBeInstanceOf(ImportError);
        await expect(refused).rejects.toMatchObject({
          problems: [expect.objectContaining({ path: "confidence", line: expect.any(Number) })],
        });
        expect(await catalog.listProfiles()).toEqual([]);
        expect(await catalog.listCampaigns()).toEqual([]);
      },
      TIMEOUT,
    );
  });
}
