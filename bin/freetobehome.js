#!/usr/bin/env node
// The command line. A checkout runs the TypeScript sources through tsx, so `npm install && npm start` needs
// no build step and a stale dist/ never hides an edit; NODE_ENV=production (the Docker image) runs the
// compiled dist/ instead. A package without the sources (bin/ and dist/ only) always runs dist/.
import { existsSync } from "node:fs";

const built = new URL("../dist/src/cli/main.js", import.meta.url);
const sources = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(built) && (process.env.NODE_ENV === "production" || !existsSync(sources))) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(sources.href);
}
