/**
 * The one import: read, validate and write in one transaction, a file (or a document of a large file) at
 * a time, so a catalog of any size imports in bounded memory. Any problem in any file refuses the whole
 * import (an ImportError naming file, line and field of each, thrown once every file is read) and the
 * transaction is rolled back. The command line (`freetobehome import`, files and folders on disk) and the
 * staff panel's Import page (uploads in memory) both run it, and word its result for their medium.
 */
import type { ReadProgress } from "../catalog/read-import-files.ts";
import { type ImportSource, streamImportFiles } from "../catalog/stream-import-files.ts";
import { type NamedFile, type UploadLimits, unpackUploads } from "../catalog/uploaded-files.ts";
import type { ImportProblem } from "../core/errors.ts";
import type { CatalogRepository, StreamedImportResult } from "../core/ports/catalog.ts";
import type { Campaign } from "../core/profile.ts";
import { DEFAULT_SOURCE_LANGUAGE } from "../core/profile-translations.ts";

export type { NamedFile } from "../catalog/uploaded-files.ts";

/** How much one upload may hold: the panel's body limit and the unpacked files' limits. */
export const UPLOAD_LIMITS: UploadLimits & { requestBytes: number } = {
  maxFiles: 500,
  maxBytes: 10 * 1024 * 1024,
  requestBytes: 5 * 1024 * 1024,
};

export interface ImportRun {
  result: StreamedImportResult;
  /** Every file read, as named in problems. */
  files: string[];
  /** Entries of folders that were not read (named through `onSkipped`). */
  skipped: number;
  /** Delivered posts put up for withdrawal because an applied import took consent back. */
  retracted?: number;
}

export interface ImportOptions {
  actor: string;
  dryRun?: boolean;
  /** Where relative paths start (files on disk only). */
  cwd?: string;
  onSkipped?: (entry: { file: string; reason: string }) => void;
  onProgress?: (progress: ReadProgress) => void;
  /** Files from this size on are read a document at a time (tests make it small). */
  streamFromBytes?: number;
  /** Profiles written per round (the repository's 1,000 unless given; tests make it small). */
  profilesPerWrite?: number;
  /** Withdraws the delivered posts of these profiles (consent taken back); returns how many. */
  retractPostsOf?: (ids: readonly string[]) => Promise<number>;
}

function defaultCampaignConflicts(
  incoming: Campaign[],
  stored: Campaign[],
  files: string[],
): ImportProblem[] {
  const newDefault = incoming.find((c) => c.isDefault);
  const incomingIds = new Set(incoming.map((c) => c.id));
  const storedDefault = stored.find((c) => c.isDefault && !incomingIds.has(c.id));
  if (!newDefault || !storedDefault) return [];
  return [
    {
      file: files.join(", "),
      path: `campaign ${newDefault.id}.isDefault`,
      message: `campaign "${storedDefault.id}" is already the default; only one campaign may be (set isDefault: false, or re-import ${storedDefault.id} with isDefault: false)`,
    },
  ];
}

/** Imports the files given; a dry run makes the same import, counts it exactly, and rolls it back. */
export async function runImport(
  catalog: CatalogRepository,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportRun> {
  const storedCampaigns = await catalog.listCampaigns();
  const { batches, read } = streamImportFiles(source, {
    knownCampaignIds: storedCampaigns.map((c) => c.id),
    knownSourceLanguages: new Map(
      storedCampaigns.map((c) => [c.id, c.sourceLanguage ?? DEFAULT_SOURCE_LANGUAGE]),
    ),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.streamFromBytes === undefined ? {} : { streamFromBytes: options.streamFromBytes }),
    ...(options.onSkipped ? { onSkipped: options.onSkipped } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    checkCampaigns: (incoming, files) => defaultCampaignConflicts(incoming, storedCampaigns, files),
  });
  const result = await catalog.importStream(batches, options.actor, {
    dryRun: options.dryRun ?? false,
    ...(options.profilesPerWrite === undefined ? {} : { profilesPerWrite: options.profilesPerWrite }),
  });
  // After the import is committed, as for a takedown: no post of these profiles goes out after this.
  const withdrawn = result.consentWithdrawn ?? [];
  const retracted =
    withdrawn.length > 0 && !options.dryRun && options.retractPostsOf
      ? await options.retractPostsOf(withdrawn)
      : undefined;
  return {
    result,
    files: read.files,
    skipped: read.skipped,
    ...(retracted === undefined ? {} : { retracted }),
  };
}

/** Uploaded files imported through the same importer: zips unpacked within UPLOAD_LIMITS. */
export interface UploadImports {
  /** The files to import from what was uploaded, or the problems (a limit, a name, a bad zip). */
  unpack(uploads: readonly NamedFile[]): { files: NamedFile[]; problems: ImportProblem[] };
  run(files: readonly NamedFile[], options: { actor: string; dryRun: boolean }): Promise<ImportRun>;
}

export function createUploadImports(deps: {
  catalog: CatalogRepository;
  retractPostsOf: (ids: readonly string[]) => Promise<number>;
}): UploadImports {
  return {
    unpack: (uploads) => unpackUploads(uploads, UPLOAD_LIMITS),
    run: (files, { actor, dryRun }) =>
      runImport(deps.catalog, { uploaded: files }, { actor, dryRun, retractPostsOf: deps.retractPostsOf }),
  };
}
