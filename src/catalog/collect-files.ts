/**
 * Expands the paths given to `import` into the files to read: a file as it is, a folder searched
 * recursively for .yaml, .yml and .json files in a fixed order, so that two runs over the same folder
 * report the same problems in the same order.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportProblem } from "../core/errors.ts";

export interface ImportFile {
  /** The path shown in problems: relative to the working directory when inside it, else absolute. */
  display: string;
  absolute: string;
  format: "yaml" | "json";
}

const EXTENSIONS: Record<string, ImportFile["format"]> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json" };

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}

export function formatOf(file: string): ImportFile["format"] | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

export async function collectFiles(
  paths: readonly string[],
  cwd: string = process.cwd(),
): Promise<{ files: ImportFile[]; problems: ImportProblem[] }> {
  const files: ImportFile[] = [];
  const problems: ImportProblem[] = [];
  // The same file reached twice (a folder and a file inside it) would otherwise clash with itself.
  const taken = new Set<string>();
  const add = (absolute: string, format: ImportFile["format"]) => {
    if (taken.has(absolute)) return;
    taken.add(absolute);
    files.push({ display: displayPath(absolute, cwd), absolute, format });
  };

  if (paths.length === 0) problems.push({ file: ".", path: "", message: "no file or folder given" });
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const display = displayPath(absolute, cwd);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) {
        const reported = problems.length;
        const found = await walk(absolute, new Set(), (where, error) =>
          problems.push({
            file: displayPath(where, cwd),
            path: "",
            message: `cannot read: ${describeFsError(error)}`,
          }),
        );
        // An unreadable folder has been reported already; "no files" would only repeat it less clearly.
        if (found.length === 0 && problems.length === reported) {
          problems.push({
            file: display,
            path: "",
            message: "no .yaml, .yml or .json files found in this folder",
          });
        }
        for (const file of found) add(file, formatOf(file) ?? "yaml");
      } else {
        const format = formatOf(absolute);
        if (format) add(absolute, format);
        else problems.push({ file: display, path: "", message: "expected a .yaml, .yml or .json file" });
      }
    } catch (error) {
      problems.push({ file: display, path: "", message: `cannot read: ${describeFsError(error)}` });
    }
  }
  return { files, problems };
}

/**
 * Every importable file under `dir`, sorted by path; hidden entries (.git, editor swap files) are skipped.
 * An unreadable entry is reported and the rest of the folder is still read.
 */
async function walk(
  dir: string,
  visited: Set<string>,
  report: (where: string, error: unknown) => void,
): Promise<string[]> {
  const found: string[] = [];
  try {
    // Symbolic links may loop back to a parent folder; each real folder is read once.
    const real = await realpath(dir);
    if (visited.has(real)) return [];
    visited.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      try {
        const isDirectory = entry.isSymbolicLink() ? (await stat(full)).isDirectory() : entry.isDirectory();
        if (isDirectory) found.push(...(await walk(full, visited, report)));
        else if (formatOf(entry.name)) found.push(full);
      } catch (error) {
        report(full, error);
      }
    }
  } catch (error) {
    report(dir, error);
  }
  // Code-point order, not locale order: the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links";
  return error instanceof Error ? error.message : String(error);
}
