/**
 * Reads profiles and campaigns from files and folders for `import`, validating everything and collecting
 * every problem (file, path inside it, line, what is allowed) rather than stopping at the first. Import is
 * all or nothing, so the caller refuses the whole set when `problems` is not empty.
 */
import type { ImportProblem } from "../core/errors.ts";
import type { Campaign, Profile } from "../core/profile.ts";
import { collectFiles, type ImportFile, type SkippedEntry } from "./collect-files.ts";
import { crossCheck } from "./cross-checks.ts";
import { messageOf, parseFile } from "./parse-file.ts";
import { readFileText } from "./read-file-text.ts";
import { type RecordRef, readDocument } from "./read-document.ts";

export interface ImportFilesResult {
  /** Campaigns and profiles that passed validation, in file order. */
  campaigns: Campaign[];
  profiles: Profile[];
  problems: ImportProblem[];
  /** Every file that was read, as shown in problems. */
  files: string[];
  /** Entries of the folders given that were not read (named pipes, links out of the folder): not problems. */
  skipped: SkippedEntry[];
}

/** How far reading has got, after each file: for a progress line. */
export interface ReadProgress {
  filesRead: number;
  filesTotal: number;
  /** Profile records validated so far, valid or not. */
  profilesChecked: number;
}

export interface ReadImportOptions {
  /** Campaigns already stored, which profiles may refer to without importing them again. */
  knownCampaignIds?: Iterable<string>;
  /** The stored campaigns' source languages (default English), for checking profiles' translations. */
  knownSourceLanguages?: ReadonlyMap<string, string>;
  /** Where relative paths start (the terminal's working folder, also when a running bot reads them). */
  cwd?: string;
  onProgress?: (progress: ReadProgress) => void;
}

/** Never throws for bad input: every failure, down to an unreadable file, becomes a problem. */
export async function readImportFiles(
  paths: string[],
  opts: ReadImportOptions = {},
): Promise<ImportFilesResult> {
  const refs: RecordRef[] = [];
  const collected = await collectFiles(paths, opts.cwd);
  const result: ImportFilesResult = {
    campaigns: [],
    profiles: [],
    problems: [...collected.problems],
    files: [],
    skipped: collected.skipped,
  };
  const progress: ReadProgress = { filesRead: 0, filesTotal: collected.files.length, profilesChecked: 0 };

  for (const file of collected.files) {
    result.files.push(file.display);
    const read = await readFileText(file.absolute, file.display);
    if ("problem" in read) result.problems.push(read.problem);
    else progress.profilesChecked += readContents(file, read.text, result, refs);
    progress.filesRead++;
    opts.onProgress?.({ ...progress });
  }

  result.problems.push(...crossCheck(refs, new Set(opts.knownCampaignIds ?? []), opts.knownSourceLanguages));
  return result;
}

/** Adds one file's records and problems to `result`; returns how many profile records it held. */
function readContents(file: ImportFile, text: string, result: ImportFilesResult, refs: RecordRef[]): number {
  let profiles = 0;
  try {
    const parsed = parseFile(file.display, text, file.format);
    result.problems.push(...parsed.problems);
    for (const doc of parsed.documents) {
      const contents = readDocument(file.display, doc);
      result.campaigns.push(...contents.campaigns);
      result.profiles.push(...contents.profiles);
      result.problems.push(...contents.problems);
      refs.push(...contents.refs);
      profiles += contents.refs.filter((r) => r.kind === "profile").length;
    }
  } catch (error) {
    // A parser bug or a pathological file must not abort the other files' report.
    result.problems.push({ file: file.display, path: "", message: `cannot read: ${messageOf(error)}` });
  }
  return profiles;
}
