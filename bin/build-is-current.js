// Whether a checkout's dist/ is at least as new as everything it is built from: bin/freetobehome.js runs
// it instead of the sources only then, and the built-package test copies it instead of building again.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the build is made from (scripts/build.js); a folder's own time covers files removed or renamed. */
const BUILT_FROM = ["src", "commands", "platforms", "db", "data"];
const BUILT_WITH = ["tsconfig.json", "tsconfig.build.json"];

/** True when nothing the build reads changed after the build started (scripts/build.js writes the stamp). */
export function buildIsCurrent(root) {
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
