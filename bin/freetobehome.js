#!/usr/bin/env node
// The command line. A built copy (dist/, in the Docker image) runs as plain JavaScript; a checkout runs
// the TypeScript sources through tsx, so `npm install && npm start` needs no build step.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url));
if (process.env.NODE_ENV === "production" && existsSync(built)) {
  await import(built);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
