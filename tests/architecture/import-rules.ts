/**
 * The dependency rules of the architecture, as data and one checker, so the test can also prove that the
 * checker catches a violation.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

/** Platform SDKs and database drivers: the core never imports them. */
export const SDK_PACKAGES = [
  /^discord\.js$/,
  /^@discordjs\//,
  /^@slack\//,
  /^telegraf(\/|$)/,
  /^postgres$/,
  /^pg$/,
  /^@electric-sql\/pglite/,
  /^drizzle-orm/,
];

/** Files of src/ allowed to wire the layers together (the composition root). */
export const COMPOSITION_ROOT = [
  "src/app.ts",
  "src/app-platforms.ts",
  "src/app-panel.ts",
  "src/app-panel-previews.ts",
  "src/app-panel-oauth.ts",
];

/** The web framework of the staff panel: only src/panel/ serves HTTP with it. */
const PANEL_PACKAGES = [/^hono(\/|$)/, /^@hono\//];

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) found.push((match[1] ?? match[2])!);
  return found;
}

/** Checks one file's imports; `file` is relative to the repository root, with forward slashes. */
export function checkImports(file: string, specifiers: string[]): Violation[] {
  const violations: Violation[] = [];
  const top = file.split("/")[0];
  for (const specifier of specifiers) {
    const target = specifier.startsWith(".")
      ? relative(".", join(dirname(file), specifier)).replaceAll("\\", "/")
      : undefined;
    const add = (rule: string) => violations.push({ file, specifier, rule });
    if (top === "src" && !target && SDK_PACKAGES.some((p) => p.test(specifier)))
      add("src/ never imports a platform SDK or database driver");
    if (
      top === "src" &&
      target &&
      /^(db|platforms|commands)\//.test(target) &&
      !COMPOSITION_ROOT.includes(file)
    ) {
      add(
        "only the composition root (src/app.ts, src/app-platforms.ts, src/app-panel*.ts) imports db/, platforms/ or commands/",
      );
    }
    if (file.startsWith("src/panel/") && target && !/^src\/(core|services|presentation|panel)\//.test(target))
      add(
        "src/panel imports only src/core, src/services, src/presentation and itself (the rest is injected)",
      );
    if (!file.startsWith("src/panel/") && !target && PANEL_PACKAGES.some((p) => p.test(specifier)))
      add("only src/panel imports the web framework");
    if (file.startsWith("src/core/") && target && !target.startsWith("src/core/"))
      add("src/core imports nothing outside src/core");
    if (top === "platforms" && target?.startsWith("platforms/")) {
      const own = file.split("/")[1];
      if (target.split("/")[1] !== own) add("a platform never imports another platform");
    }
    if (top === "platforms" && target && /^(db|commands)\//.test(target))
      add("platforms reach storage and commands only through the core's ports");
    if (top === "commands" && target && !/^(src\/core|commands)\//.test(target))
      add("commands import only src/core and other command files");
    if (top === "commands" && !target && !/^(zod|node:)/.test(specifier))
      add("commands import no packages but zod");
    if (top === "db" && target && !/^(src\/core|db)\//.test(target)) add("db/ imports only src/core");
  }
  return violations;
}

export function sourceFiles(root: string, folders: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "node_modules" && name !== "migrations") walk(path);
      } else if (/\.(ts|js|mjs)$/.test(name)) files.push(relative(root, path).replaceAll("\\", "/"));
    }
  };
  for (const folder of folders) walk(resolve(root, folder));
  return files;
}

export function checkTree(root: string): Violation[] {
  return sourceFiles(root, ["src", "commands", "platforms", "db"]).flatMap((file) =>
    checkImports(file, importsOf(readFileSync(join(root, file), "utf8"))),
  );
}
