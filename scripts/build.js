#!/usr/bin/env node
/**
 * `npm run build [-- --outDir <dir> <tsc flags>]`: compiles src, commands, platforms and db into dist/
 * (or <dir>), then copies in the files the compiled code reads from disk at run time. Each goes to the
 * same place relative to the compiled modules as it has relative to the sources, so one
 * `new URL(..., import.meta.url)` finds it both under tsx and in the build. Other flags go to tsc. Last, it
 * writes when it started to <dir>/.built-at: bin/freetobehome.js runs the build only while no source is
 * newer than that.
 */
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Read at run time: db/migrate.ts (MIGRATIONS_FOLDER), src/app.ts (SAMPLE_DATA_DIR), src/core/i18n/catalogs.ts. */
const RUNTIME_FILES = ["db/migrations", "data", "src/core/i18n/catalogs"];

function splitOutDir(args) {
  let outDir = "dist";
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--outDir" && args[i + 1] !== undefined) outDir = args[++i];
    else if (arg.startsWith("--outDir=")) outDir = arg.slice("--outDir=".length);
    else rest.push(arg);
  }
  // Relative to where the command was typed, as tsc itself reads a path given on its command line.
  return { outDir: resolve(process.cwd(), outDir), rest };
}

const startedAt = Date.now();
const { outDir, rest } = splitOutDir(process.argv.slice(2));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const tscArgs = [tsc, "-p", "tsconfig.build.json", "--outDir", outDir, ...rest];
const compiled = spawnSync(process.execPath, tscArgs, { cwd: ROOT, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const path of RUNTIME_FILES) {
  // Replaced, not merged: a migration or profile removed from the sources leaves the build too.
  rmSync(join(outDir, path), { recursive: true, force: true });
  cpSync(join(ROOT, path), join(outDir, path), { recursive: true });
}
// When the build started, not ended: a source saved while tsc ran is newer, and makes the build stale.
writeFileSync(join(outDir, ".built-at"), String(startedAt));
