/**
 * Expands the paths given to `import` into the files to read: a file as it is, a folder searched
 * recursively for .yaml, .yml and .json files in a fixed order, so that two runs over the same folder
 * report the same problems in the same order. Only regular files are read: in a folder, anything else
 * with an importable name (a named pipe, a socket, a device) and any symbolic link that leads out of the
 * folder is skipped and named; a path given by name that is not a regular file or folder is refused.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportProblem } from "../core/errors.ts";
import { isInside, notRegular } from "./file-kind.ts";

export interface ImportFile {
  /** The path shown in problems: relative to the working directory when inside it, else absolute. */
  display: string;
  absolute: string;
  format: "yaml" | "json";
  /** The file's content when it came in memory (an upload, uploaded-files.ts); absent: read from disk. */
  bytes?: Uint8Array;
}

/** An entry of a folder that was not read, and why; the import goes on without it. */
export interface SkippedEntry {
  file: string;
  reason: string;
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
): Promise<{ files: ImportFile[]; problems: ImportProblem[]; skipped: SkippedEntry[] }> {
  const files: ImportFile[] = [];
  const problems: ImportProblem[] = [];
  const skipped: SkippedEntry[] = [];
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
        const found = await walk(absolute, {
          root: await realpath(absolute),
          visited: new Set(),
          report: (where, error) =>
            problems.push({
              file: displayPath(where, cwd),
              path: "",
              message: `cannot read: ${describeFsError(error)}`,
            }),
          skip: (where, reason) => skipped.push({ file: displayPath(where, cwd), reason }),
        });
        // An unreadable folder has been reported already; "no files" would only repeat it less clearly.
        if (found.length === 0 && problems.length === reported) {
          problems.push({
            file: display,
            path: "",
            message: "no .yaml, .yml or .json files found in this folder",
          });
        }
        for (const file of found) add(file, formatOf(file) ?? "yaml");
      } else if (!info.isFile()) {
        // Named on purpose, so refused rather than skipped: reading a named pipe would wait forever.
        problems.push({
          file: display,
          path: "",
          message: `not read: ${notRegular(info)}; give a .yaml, .yml or .json file, or a folder`,
        });
      } else {
        const format = formatOf(absolute);
        if (format) add(absolute, format);
        else problems.push({ file: display, path: "", message: "expected a .yaml, .yml or .json file" });
      }
    } catch (error) {
      problems.push({ file: display, path: "", message: `cannot read: ${describeFsError(error)}` });
    }
  }
  skipped.sort((a, b) => compareCodePoints(a.file, b.file));
  return { files, problems, skipped };
}

interface Walk {
  /** The real path of the folder given, which symbolic links may not lead out of. */
  root: string;
  /** Real folders already read: symbolic links may loop back to a parent folder. */
  visited: Set<string>;
  report: (where: string, error: unknown) => void;
  skip: (where: string, reason: string) => void;
}

/**
 * Every importable regular file under `dir`, sorted by path; hidden entries (.git, editor swap files) are
 * skipped silently, as are files whose names are not importable. An unreadable entry is reported and the
 * rest of the folder is still read.
 */
async function walk(dir: string, ctx: Walk): Promise<string[]> {
  const found: string[] = [];
  try {
    const real = await realpath(dir);
    if (ctx.visited.has(real)) return [];
    ctx.visited.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      try {
        const target = entry.isSymbolicLink() ? await realpath(full) : undefined;
        const info = target === undefined ? entry : await stat(target);
        if (!info.isDirectory() && !formatOf(entry.name)) continue;
        if (target !== undefined && !isInside(ctx.root, target)) {
          ctx.skip(full, `a symbolic link to ${target}, outside the folder`);
        } else if (info.isDirectory()) found.push(...(await walk(full, ctx)));
        else if (info.isFile()) found.push(full);
        else ctx.skip(full, notRegular(info));
      } catch (error) {
        ctx.report(full, error);
      }
    }
  } catch (error) {
    ctx.report(dir, error);
  }
  return found.sort(compareCodePoints);
}

/** Code-point order, not locale order: the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links";
  return error instanceof Error ? error.message : String(error);
}
