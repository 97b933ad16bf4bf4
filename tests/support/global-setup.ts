/**
 * Vitest global setup: one migrated PGlite database per set of migrations, dumped to a tarball that every
 * test file loads (~1.5 s) instead of running initdb and the migrations itself (~5 s each). The tarball is
 * kept in the OS temp folder under a hash of the migrations and the PGlite version, so later runs reuse it
 * and a new migration builds a new one.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { pgliteDatabase } from "../../db/client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data folder, for PGlite's `loadDataDir`. */
    pgliteTemplatePath: string;
  }
}

const PGLITE_PACKAGE = new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url);

function templateKey(): string {
  const hash = createHash("sha256");
  hash.update(`pglite ${JSON.parse(readFileSync(PGLITE_PACKAGE, "utf8")).version}\n`);
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".sql") || name.endsWith(".json"))
    .sort();
  for (const name of files) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  return hash.digest("hex").slice(0, 16);
}

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

export default async function setup(project: TestProject): Promise<void> {
  const path = join(tmpdir(), `freetobehome-pglite-template-${templateKey()}.tar`);
  if (!existsSync(path)) await buildTemplate(path);
  project.provide("pgliteTemplatePath", path);
}
