/**
 * A newly created embedded database, kept as a tarball so that a first start restores it instead of
 * running Postgres's initdb in WebAssembly: measured 1.0 s of CPU instead of 4.3 s, and a peak of about
 * 200 MB instead of 750 MB. `npm install` makes it (scripts/prepare.js) into dist/pglite/, named by the
 * installed PGlite version, since a data folder is only good for the version that made it; without one
 * for this version, the database is created as before.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { extractTar, UnsupportedTarError } from "./tar-extract.ts";

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
export function pgliteTemplatePath(): string | undefined {
  const name = fileName();
  return TEMPLATE_DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/**
 * Restores the template into `dataDir` (which holds no database yet), unpacked as it is read, straight
 * onto the disk. PGlite's own `loadDataDir` holds the tarball, unpacked, and a copy of every file in
 * memory and writes each through its emulated file system (five calls a file): measured opening a new
 * database, a peak of 261 MB against 132 MB, and 0.7-1.5 s against 0.55-0.75 s. PG_VERSION, which tells a folder holds a database, is
 * written last, so a restore cut short is begun again at the next start. Returns what PGlite is to load
 * itself: nothing, or the tarball when it holds an entry this reader does not write (a PGlite that came
 * to write its dumps otherwise), restored then as before. `path`: the template (pgliteTemplatePath).
 */
export async function restorePgliteTemplate(
  dataDir: string,
  path: string | undefined,
): Promise<{ loadDataDir?: Blob }> {
  if (!path) return {};
  const unpacked = pipeline(createReadStream(path), createGunzip(), () => {});
  try {
    await extractTar(unpacked, dataDir, { writeLast: ["PG_VERSION"] });
    return {};
  } catch (err) {
    if (!(err instanceof UnsupportedTarError)) throw err;
    unpacked.destroy();
    return { loadDataDir: new Blob([readFileSync(path)]) };
  }
}

/**
 * Creates a database in a scratch folder, lets `prepare` bring it up to date (the install migrates it), and
 * writes it as the template into `<outDir>/pglite/`. A template migrated at install spares the first start
 * its migrations: measured on the built bot, they took RSS from 152 to 211 MB (the WebAssembly heap grown
 * and a compiler thread's arena, neither of which is given back), which was the whole gap between the
 * idle bot after a first start (228 MB) and after any later one (161 MB). A migration added after the
 * install is applied at the first start as to any database (migrateDatabase applies what is newer).
 */
export async function writePgliteTemplate(
  outDir: string,
  startParams: string[],
  prepare: (client: PGlite) => Promise<void> = async () => {},
): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), "ftbh-pglite-"));
  try {
    const client = await PGlite.create({ dataDir: scratch, startParams });
    await prepare(client);
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
