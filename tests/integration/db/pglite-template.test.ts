import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../db/migrate.ts";
import { pgliteDatabase } from "../../../db/pglite-client.ts";
import { PGLITE_START } from "../../../db/pglite-open.ts";
import { pgliteTemplatePath, restorePgliteTemplate } from "../../../db/pglite-template.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

describe("restoring the embedded database's template", () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "ftbh-template-"));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it("gives PGlite the database that was dumped, with its tables and rows", async () => {
    const original = await openPgliteTestDatabase();
    if (original.kind !== "pglite") throw new Error("expected a PGlite database");
    await original.client.exec(
      "create table kept (id int primary key, name text); insert into kept values (1, 'Ada'), (2, 'Leyla');",
    );
    const dump = await original.client.dumpDataDir("gzip");
    await original.close();
    const template = join(work, "template.tar.gz");
    writeFileSync(template, Buffer.from(await dump.arrayBuffer()));

    const dataDir = join(work, "restored");
    expect(await restorePgliteTemplate(dataDir, template)).toEqual({});
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    const restored = await PGlite.create({ dataDir, startParams: PGLITE_START });
    try {
      const { rows } = await restored.query<{ name: string }>("select name from kept order by id");
      expect(rows.map((r) => r.name)).toEqual(["Ada", "Leyla"]);
    } finally {
      await restored.close();
    }
  });

  it("leaves a tarball it cannot read to PGlite's own loader, and the folder without PG_VERSION", async () => {
    const header = Buffer.alloc(512);
    header.write("/PG_VERSION", 0);
    header.write("0000644\0", 100);
    header.write("00000000000\0", 124);
    header.write("2", 156); // a symbolic link: PGlite's dumps hold none
    const template = join(work, "odd.tar.gz");
    writeFileSync(template, gzipSync(Buffer.concat([header, Buffer.alloc(1024)])));

    const dataDir = join(work, "restored");
    const left = await restorePgliteTemplate(dataDir, template);
    expect(left.loadDataDir).toBeInstanceOf(Blob);
    expect(left.loadDataDir?.size).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(false);
  });

  it("restores nothing when no template was made", async () => {
    expect(await restorePgliteTemplate(join(work, "none"), undefined)).toEqual({});
    expect(existsSync(join(work, "none"))).toBe(false);
  });
});

describe("the template npm install made (dist/pglite)", () => {
  const shipped = pgliteTemplatePath();
  it.skipIf(!shipped)("holds every migration, so a first start applies none", async () => {
    const work = mkdtempSync(join(tmpdir(), "ftbh-shipped-"));
    try {
      await restorePgliteTemplate(work, shipped);
      const database = pgliteDatabase(await PGlite.create({ dataDir: work, startParams: PGLITE_START }));
      try {
        expect(await migrateDatabase(database)).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
