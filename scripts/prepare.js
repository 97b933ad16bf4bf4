#!/usr/bin/env node
/**
 * `prepare` (run by `npm install` and `npm ci` in a checkout): builds dist/ so that `npm start` runs compiled
 * JavaScript from the first start (see bin/freetobehome.js), and a new embedded database for the first start
 * to restore (db/pglite-template.ts). Without type checking (`--noCheck`, about a
 * quarter of the time; `npm run typecheck` checks the types). It never fails the install: where there is
 * nothing to build (a package without sources, an install without dev dependencies) or the build fails, the
 * command line runs the sources through tsx instead, as it does after any edit.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const skip = (why) => {
  process.stderr.write(`freetobehome: no build at install (${why}); the sources run through tsx\n`);
  process.exit(0);
};

if (!existsSync(new URL("../src/cli/main.ts", import.meta.url))) skip("no sources");
try {
  createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  skip("TypeScript is not installed");
}
const built = spawnSync(process.execPath, ["scripts/build.js", "--noCheck"], { cwd: ROOT, stdio: "inherit" });
if (built.status !== 0) skip("the build failed");

// A new embedded database to restore on first start instead of creating one (db/pglite-template.ts).
try {
  const compiled = (path) => import(pathToFileURL(join(ROOT, "dist", path)).href);
  const { writePgliteTemplate } = await compiled("db/pglite-template.js");
  const { PGLITE_START } = await compiled("db/pglite-open.js");
  await writePgliteTemplate(join(ROOT, "dist"), PGLITE_START);
} catch (err) {
  process.stderr.write(`freetobehome: no database template (${err.message}); a first start creates one\n`);
}
