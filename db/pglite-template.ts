/**
 * A newly created embedded database, kept as a tarball so that a first start restores it instead of
 * running Postgres's initdb in WebAssembly: measured 1.0 s of CPU instead of 4.3 s, and a peak of about
 * 200 MB instead of 750 MB. `npm install` makes it (scripts/prepare.js) into dist/pglite/, named by the
 * installed PGlite version, since a data folder is only good for the version that made it; without one
 * for this version, the database is created as before.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

/** dist/pglite/ from the compiled module (dist/db/) and from the sources (db/). */
const TEMPLATE_DIRS = ["../pglite", "../dist/pglite"].map((dir) =>
  fileURLToPath(new URL(dir, import.meta.url)),
);

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = join(dirname(dirname(entry)), "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

const fileName = () => `pglite-${pgliteVersion()}.tar.gz`;

/** The template for the installed PGlite, if one was made. */
export function pgliteTemplate(): Blob | undefined {
  const name = fileName();
  for (const dir of TEMPLATE_DIRS) {
    const path = join(dir, name);
    if (existsSync(path)) return new Blob([readFileSync(path)]);
  }
  return undefined;
}

/** Creates a database in a scratch folder and writes it as the template into `<outDir>/pglite/`. */
export async function writePgliteTemplate(outDir: string, startParams: string[]): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), "ftbh-pglite-"));
  try {
    const client = await PGlite.create({ dataDir: scratch, startParams });
    const dump = await client.dumpDataDir("gzip");
    await client.close();
    await mkdir(join(outDir, "pglite"), { recursive: true });
    const path = join(outDir, "pglite", fileName());
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return path;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
