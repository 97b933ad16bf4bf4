#!/usr/bin/env node
// The command line. It runs the compiled dist/ (built by `npm install` through the `prepare` script, or by
// `npm run build`) whenever that build is at least as new as every source, since loading TypeScript through
// tsx costs several times the start of node itself; after an edit (or with no build) it runs the TypeScript
// sources through tsx, so a stale dist/ never hides an edit. NODE_ENV=production (the Docker image) and a
// package without the sources (bin/ and dist/ only) always run dist/.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildIsCurrent } from "./build-is-current.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist/src/cli/main.js");
const sources = join(root, "src/cli/main.ts");

if (
  existsSync(built) &&
  (process.env.NODE_ENV === "production" || !existsSync(sources) || buildIsCurrent(root))
) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(sources).href);
}
