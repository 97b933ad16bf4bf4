/**
 * Import: read, validate and write in one transaction, a file (or a document of a large file) at a time,
 * so a catalog of any size imports in bounded memory. Any problem in any file refuses the whole import:
 * every file is still read so that all problems are reported, and the transaction is rolled back.
 * Entries of a folder that are not read (a named pipe, a link out of the folder) are named as they are
 * found, whether the import then goes ahead or not.
 */
import { streamImportFiles } from "../catalog/stream-import-files.ts";
import type { ImportProblem } from "../core/errors.ts";
import type { CatalogRepository, StreamedImportResult } from "../core/ports/catalog.ts";
import type { Campaign } from "../core/profile.ts";
import { DEFAULT_SOURCE_LANGUAGE } from "../core/profile-translations.ts";
import { type Progress, silentProgress } from "./progress.ts";

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

/** Imports the files and folders given; a dry run makes the same import, reports it, and rolls it back. */
export async function importFiles(
  catalog: CatalogRepository,
  paths: string[],
  options: {
    cwd: string;
    actor: string;
    dryRun?: boolean;
    progress?: Progress;
    /** Files from this size on are read a document at a time (tests make it small). */
    streamFromBytes?: number;
    /** Profiles written per round (the repository's 1,000 unless given; tests make it small). */
    profilesPerWrite?: number;
    /** Withdraws the delivered posts of these profiles (consent taken back); returns how many. */
    retractPostsOf?: (ids: readonly string[]) => Promise<number>;
  },
): Promise<string> {
  const progress = options.progress ?? silentProgress;
  const storedCampaigns = await catalog.listCampaigns();
  const { batches, read } = streamImportFiles(paths, {
    knownCampaignIds: storedCampaigns.map((c) => c.id),
    knownSourceLanguages: new Map(
      storedCampaigns.map((c) => [c.id, c.sourceLanguage ?? DEFAULT_SOURCE_LANGUAGE]),
    ),
    cwd: options.cwd,
    ...(options.streamFromBytes === undefined ? {} : { streamFromBytes: options.streamFromBytes }),
    onSkipped: (entry) => progress.note(`freetobehome: skipped ${entry.file}: ${entry.reason}`),
    checkCampaigns: (incoming, files) => defaultCampaignConflicts(incoming, storedCampaigns, files),
    // The last count is always shown: it stays on screen while the checks across files and the last
    // writes run.
    onProgress: (p) =>
      progress.status(
        `Importing: ${p.filesRead}/${p.filesTotal} file(s) read, ${p.profilesChecked} profile(s) checked`,
        { force: p.filesRead === p.filesTotal },
      ),
  });
  const result = await catalog.importStream(batches, options.actor, {
    dryRun: options.dryRun ?? false,
    ...(options.profilesPerWrite === undefined ? {} : { profilesPerWrite: options.profilesPerWrite }),
  });
  const skipped = read.skipped > 0 ? ` (${read.skipped} skipped, named on stderr)` : "";
  const heading = options.dryRun
    ? `Dry run, nothing written: ${read.files.length} file(s) valid${skipped}.`
    : `Imported ${read.files.length} file(s)${skipped}.`;
  // After the import is committed, as for a takedown: no post of these profiles goes out after this.
  const withdrawn = result.consentWithdrawn ?? [];
  const retracted =
    withdrawn.length > 0 && !options.dryRun && options.retractPostsOf
      ? await options.retractPostsOf(withdrawn)
      : undefined;
  return `${heading}\n${changeReport(result, retracted)}`;
}

/** The counts, then which profiles changed, so a curator can check an edit landed where it was meant to. */
export function changeReport(result: StreamedImportResult, retracted?: number): string {
  const line = (r: { created: number; updated: number; unchanged: number }) =>
    `${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged`;
  const absent =
    result.absentProfiles > 0
      ? `  not in these files: ${result.absentProfiles} stored profile(s), kept (an import never removes)\n`
      : "";
  const changed =
    result.changedProfileIds.length > 0 ? `  changed profiles: ${result.changedProfileIds.join(", ")}\n` : "";
  const statuses = result.statusChanges?.length
    ? `  status changes: ${result.statusChanges.join(", ")} (their recent posts are updated, and a release announced, by the next delivery pass; see: freetobehome deliveries show <profile>)\n`
    : "";
  const consent = result.consentWithdrawn?.length
    ? `  consent withdrawn: ${result.consentWithdrawn.join(", ")} (${
        retracted === undefined
          ? "their recent posts would be withdrawn"
          : `${retracted} delivered post(s) put up for withdrawal by the next delivery pass`
      }; see: freetobehome deliveries show <profile>)\n`
    : "";
  return `  campaigns: ${line(result.campaigns)}\n  profiles:  ${line(result.profiles)}\n${absent}${changed}${statuses}${consent}`;
}
