/**
 * Vitest global setup: one migrated PGlite database per set of migrations, dumped to a tarball that every
 * test file loads (~1.5 s) instead of running initdb and the migrations itself (~5 s each). The tarball is
 * kept in the OS temp folder under a hash of the migrations and the PGlite version, so later runs reuse it
 * and a new migration builds a new one.
 *
 * For the projects that start the real command line (e2e, browser), it also brings the checkout's dist/
 * up to date when a source is newer, as `npm install` leaves it: bin/freetobehome.js then runs the build,
 * as it does for an operator, instead of loading the sources through tsx at every start (about a second
 * of CPU more per start, and some twenty starts a run), and the built-package test copies it instead of
 * building its own. A source saved during the run makes the build stale again, and bin/ falls back to
 * the sources, so no test ever runs older code than the checkout's.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { buildIsCurrent } from "../../bin/build-is-current.js";
import { pgliteDatabase } from "../../db/pglite-client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../db/migrate.ts";
import { migratedPostgresTemplate } from "./postgres-template.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data folder, for PGlite's `loadDataDir`. */
    pgliteTemplatePath: string;
    /** A migrated database on TEST_DATABASE_URL's server that test databases are copied from; "" without one. */
    postgresTemplate: string;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The projects whose tests spawn bin/freetobehome.js. */
const SPAWNING_PROJECTS = new Set(["e2e", "browser"]);

const PGLITE_PACKAGE = new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url);

/** A hash of `what` and every migration: a template is only good for the migrations that made it. */
function templateKey(what: string): string {
  const hash = createHash("sha256").update(`${what}\n`);
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".sql") || name.endsWith(".json"))
    .sort();
  for (const name of files) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  return hash.digest("hex").slice(0, 16);
}

/** A PGlite data folder is also only good for the PGlite version that made it. */
const pgliteKey = () => templateKey(`pglite ${JSON.parse(readFileSync(PGLITE_PACKAGE, "utf8")).version}`);

async function buildTemplate(path: string): Promise<void> {
  const database = pgliteDatabase(await PGlite.create());
  try {
    await migrateDatabase(database);
    if (database.kind !== "pglite") throw new Error("expected a PGlite database");
    const dump = await database.client.dumpDataDir("none");
    // Write then rename: a concurrent run never reads a half-written tarball.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, path);
  } finally {
    await database.close();
  }
}

/**
 * `npm run build -- --noCheck` (what `npm install` runs) when dist/ is older than a source. A failed build
 * fails nothing here: bin/ then runs the sources, and the tests report what is wrong with them.
 */
function bringBuildUpToDate(): void {
  if (buildIsCurrent(ROOT)) return;
  const build = spawnSync(process.execPath, ["scripts/build.js", "--noCheck"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0)
    process.stderr.write(
      `global setup: the build failed; the CLI runs the sources\n${build.stdout}${build.stderr}`,
    );
}

export default async function setup(project: TestProject): Promise<void> {
  if (SPAWNING_PROJECTS.has(project.name)) bringBuildUpToDate();
  const path = join(tmpdir(), `freetobehome-pglite-template-${pgliteKey()}.tar`);
  if (!existsSync(path)) await buildTemplate(path);
  project.provide("pgliteTemplatePath", path);
  const serverUrl = process.env.TEST_DATABASE_URL;
  project.provide(
    "postgresTemplate",
    serverUrl ? await migratedPostgresTemplate(serverUrl, templateKey("postgres")) : "",
  );
}
