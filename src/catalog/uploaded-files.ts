/**
 * Files that arrive in memory (the staff panel's uploads) rather than on disk: YAML and JSON files, or a
 * zip of a catalog folder, unpacked here within limits on how many files and how many bytes, so the one
 * importer (stream-import-files.ts) reads them as it reads a folder. The zip is never written to disk;
 * entry names are only shown, never used as paths.
 */
import { unzipSync } from "fflate";
import type { ImportProblem } from "../core/errors.ts";
import { formatOf, type ImportFile } from "./collect-files.ts";

export interface NamedFile {
  /** As shown in problems: the upload's name, or `archive.zip/folder/file.yaml` for a zip's entry. */
  name: string;
  bytes: Uint8Array;
}

export interface UploadLimits {
  /** Files to import, after unpacking zips. */
  maxFiles: number;
  /** Bytes of all files together, after unpacking zips. */
  maxBytes: number;
}

const MIB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10} MB`;

/**
 * The files to import from the uploads: zips unpacked (hidden entries, folders and names that are not
 * .yaml, .yml or .json skipped, as in a folder), other uploads kept when their name is importable. Over a
 * limit, the problem names it and no file is returned: a partial catalog must not be imported.
 */
export function unpackUploads(
  uploads: readonly NamedFile[],
  limits: UploadLimits,
): { files: NamedFile[]; problems: ImportProblem[] } {
  const files: NamedFile[] = [];
  const problems: ImportProblem[] = [];
  let count = 0;
  let bytes = 0;
  let over = false;
  const tooMany = () =>
    problem(`more than ${limits.maxFiles} files; import at most ${limits.maxFiles} at a time`);
  const tooLarge = () =>
    problem(
      `more than ${megabytes(limits.maxBytes)} of files; import at most ${megabytes(limits.maxBytes)} at a time`,
    );
  const problem = (message: string, file = "(upload)") => {
    if (!over) problems.push({ file, path: "", message });
    over = true;
  };
  /** Counts a file of `size` bytes in, or says which limit it would pass. */
  const take = (size: number): boolean => {
    if (count + 1 > limits.maxFiles) tooMany();
    else if (bytes + size > limits.maxBytes) tooLarge();
    else {
      count += 1;
      bytes += size;
      return true;
    }
    return false;
  };

  for (const upload of uploads) {
    if (over) break;
    if (upload.name.toLowerCase().endsWith(".zip")) {
      try {
        // The filter sees each entry's declared size before it is inflated, into a buffer of that size:
        // a zip bomb is refused before it takes memory.
        const entries = unzipSync(upload.bytes, {
          filter: (entry) => importableEntry(entry.name) && !over && take(entry.originalSize),
        });
        const names = Object.keys(entries).sort(compareCodePoints);
        if (names.length === 0 && !over) {
          problems.push({
            file: upload.name,
            path: "",
            message: "no .yaml, .yml or .json files in this zip",
          });
        }
        for (const name of names) {
          files.push({ name: `${upload.name}/${name}`, bytes: entries[name] ?? new Uint8Array() });
        }
      } catch (error) {
        problems.push({
          file: upload.name,
          path: "",
          message: `cannot read this zip: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } else if (!formatOf(upload.name)) {
      problems.push({ file: upload.name, path: "", message: "expected a .yaml, .yml, .json or .zip file" });
    } else if (take(upload.bytes.length)) {
      files.push(upload);
    }
  }
  if (uploads.length === 0) problems.push({ file: "(upload)", path: "", message: "no file given" });
  return over ? { files: [], problems } : { files, problems };
}

/** A zip entry to read: a file (not a folder) with an importable name, outside hidden folders (__MACOSX too). */
function importableEntry(name: string): boolean {
  if (name.endsWith("/")) return false;
  const parts = name.split("/");
  if (parts.some((p) => p.startsWith(".") || p === "__MACOSX")) return false;
  return formatOf(name) !== undefined;
}

/** The uploaded files as the importer lists files: in memory, each name once. */
export function collectUploaded(uploaded: readonly NamedFile[]): {
  files: ImportFile[];
  problems: ImportProblem[];
} {
  const files: ImportFile[] = [];
  const problems: ImportProblem[] = [];
  const taken = new Set<string>();
  if (uploaded.length === 0) problems.push({ file: "(upload)", path: "", message: "no file given" });
  for (const file of uploaded) {
    const format = formatOf(file.name);
    if (!format) {
      problems.push({ file: file.name, path: "", message: "expected a .yaml, .yml or .json file" });
    } else if (taken.has(file.name)) {
      problems.push({ file: file.name, path: "", message: "a second file of the same name; rename one" });
    } else {
      taken.add(file.name);
      files.push({ display: file.name, absolute: file.name, format, bytes: file.bytes });
    }
  }
  return { files, problems };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
