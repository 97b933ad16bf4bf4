#!/usr/bin/env node
// The command line. It runs the compiled dist/ (built by `npm install` through the `prepare` script, or by
// `npm run build`) whenever that build is at least as new as every source, since loading TypeScript through
// tsx costs several times the start of node itself; after an edit (or with no build) it runs the TypeScript
// sources through tsx, so a stale dist/ never hides an edit. NODE_ENV=production (the Docker image) and a
// package without the sources (bin/ and dist/ only) always run dist/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist/src/cli/main.js");
const sources = join(root, "src/cli/main.ts");
/** What the build is made from (scripts/build.js); a folder's own time covers files removed or renamed. */
const BUILT_FROM = ["src", "commands", "platforms", "db", "data"];
const BUILT_WITH = ["tsconfig.json", "tsconfig.build.json"];

/** True when nothing the build reads changed after the build started (scripts/build.js writes the stamp). */
function buildIsCurrent() {
  let startedAt;
  try {
    startedAt = Number(readFileSync(join(root, "dist/.built-at"), "utf8"));
  } catch {
    return false;
  }
  const newer = (path) => statSync(path).mtimeMs > startedAt;
  if (!Number.isFinite(startedAt) || BUILT_WITH.some((file) => newer(join(root, file)))) return false;
  for (const folder of BUILT_FROM) {
    if (newer(join(root, folder))) return false;
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true }))
      if (newer(join(entry.parentPath, entry.name))) return false;
  }
  return true;
}

if (
  existsSync(built) &&
  (process.env.NODE_ENV === "production" || !existsSync(sources) || buildIsCurrent())
) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(sources).href);
}
