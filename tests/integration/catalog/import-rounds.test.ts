/**
 * How the streamed import groups its writes, through the command line's importer on PGlite: profiles
 * whose campaign file comes after them wait and are written at the end, in file order; on a re-import
 * the few changed profiles of many files are gathered into rounds across files, and every change lands,
 * named in the order read.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Database } from "../../../db/client.ts";
import { createRepositories } from "../../../db/repositories/index.ts";
import { importFiles } from "../../../src/cli/import.ts";
import { openPgliteTestDatabase, truncateAll } from "../../support/test-database.ts";
import { tempFolder, validCampaign, validProfile } from "../../unit/catalog/fixtures.ts";

const FILES = 4;
const PER_FILE = 12;
const ids = (file: number) => Array.from({ length: PER_FILE }, (_, i) => `p-${file}-${i}`);
const profilesOf = (file: number, edited: ReadonlySet<string> = new Set()) =>
  ids(file).map((id) => validProfile({ id, displayName: edited.has(id) ? `Edited ${id}` : `Person ${id}` }));

let database: Database;
beforeAll(async () => {
  database = await openPgliteTestDatabase();
}, 120_000);
afterAll(() => database.close());
beforeEach(() => truncateAll(database.db));

describe("the import's rounds of writes", () => {
  it("writes profiles read before their campaign at the end, in file order, and gathers changes across files", async () => {
    const { catalog } = createRepositories(database.db);
    // The campaign's file sorts last: every profile waits for it.
    const dir = await tempFolder({ "z-campaign.yaml": stringify(validCampaign()) });
    const writeFiles = async (edited?: ReadonlySet<string>) => {
      for (let f = 0; f < FILES; f++)
        await writeFile(path.join(dir, `a-${f}.yaml`), stringify(profilesOf(f, edited)));
    };
    await writeFiles();
    const options = { cwd: "/", actor: "test", profilesPerWrite: 5 };
    const first = await importFiles(catalog, [dir], options);
    expect(first).toContain(`profiles:  ${FILES * PER_FILE} new, 0 changed, 0 unchanged`);
    const all = Array.from({ length: FILES }, (_, f) => ids(f)).flat();
    expect((await catalog.listProfiles()).map((s) => s.profile.id)).toEqual(all);

    // One or two edits in every file: fewer than a round each, written together.
    const edited = new Set(all.filter((_, i) => i % 7 === 3));
    await writeFiles(edited);
    const again = await importFiles(catalog, [dir], options);
    expect(again).toContain(
      `profiles:  0 new, ${edited.size} changed, ${all.length - edited.size} unchanged`,
    );
    expect(again).toContain(`changed profiles: ${[...edited].join(", ")}\n`);
    for (const stored of await catalog.listProfiles()) {
      const id = stored.profile.id;
      expect(stored.profile.displayName).toBe(edited.has(id) ? `Edited ${id}` : `Person ${id}`);
    }
  });
});
