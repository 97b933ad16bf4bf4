/**
 * Reads profiles and campaigns from files and folders for `import`, validating everything and collecting
 * every problem (file, path inside it, line, what is allowed) rather than stopping at the first. Import is
 * all or nothing, so the caller refuses the whole set when `problems` is not empty.
 */
import { readFile } from "node:fs/promises";
import type { ImportProblem } from "../core/errors.ts";
import type { Campaign, Profile } from "../core/profile.ts";
import { collectFiles, describeFsError } from "./collect-files.ts";
import { crossCheck } from "./cross-checks.ts";
import { messageOf, parseFile } from "./parse-file.ts";
import { type RecordRef, readDocument } from "./read-document.ts";

export interface ImportFilesResult {
  /** Campaigns and profiles that passed validation, in file order. */
  campaigns: Campaign[];
  profiles: Profile[];
  problems: ImportProblem[];
  /** Every file that was read, as shown in problems. */
  files: string[];
}

export interface ReadImportOptions {
  /** Campaigns already stored, which profiles may refer to without importing them again. */
  knownCampaignIds?: Iterable<string>;
  /** Where relative paths start (the terminal's working folder, also when a running bot reads them). */
  cwd?: string;
}

/** Never throws for bad input: every failure, down to an unreadable file, becomes a problem. */
export async function readImportFiles(
  paths: string[],
  opts: ReadImportOptions = {},
): Promise<ImportFilesResult> {
  const result: ImportFilesResult = { campaigns: [], profiles: [], problems: [], files: [] };
  const refs: RecordRef[] = [];
  const collected = await collectFiles(paths, opts.cwd);
  result.problems.push(...collected.problems);

  for (const file of collected.files) {
    result.files.push(file.display);
    let text: string;
    try {
      text = await readFile(file.absolute, "utf8");
    } catch (error) {
      result.problems.push({
        file: file.display,
        path: "",
        message: `cannot read: ${describeFsError(error)}`,
      });
      continue;
    }
    try {
      const parsed = parseFile(file.display, text, file.format);
      result.problems.push(...parsed.problems);
      for (const doc of parsed.documents) {
        const contents = readDocument(file.display, doc);
        result.campaigns.push(...contents.campaigns);
        result.profiles.push(...contents.profiles);
        result.problems.push(...contents.problems);
        refs.push(...contents.refs);
      }
    } catch (error) {
      // A parser bug or a pathological file must not abort the other files' report.
      result.problems.push({ file: file.display, path: "", message: `cannot read: ${messageOf(error)}` });
    }
  }

  result.problems.push(...crossCheck(refs, new Set(opts.knownCampaignIds ?? [])));
  return result;
}
