/**
 * `freetobehome import` on the command line: the one importer (services/catalog-import.ts) over files and
 * folders on disk, with a progress line, and its result in words. Entries of a folder that are not read
 * (a named pipe, a link out of the folder) are named as they are found, whether the import then goes
 * ahead or not.
 */
import type { CatalogRepository, StreamedImportResult } from "../core/ports/catalog.ts";
import { runImport } from "../services/catalog-import.ts";
import { type Progress, silentProgress } from "./progress.ts";

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
  const { progress: _, ...rest } = options;
  const run = await runImport(catalog, paths, {
    ...rest,
    onSkipped: (entry) => progress.note(`freetobehome: skipped ${entry.file}: ${entry.reason}`),
    // The last count is always shown: it stays on screen while the checks across files and the last
    // writes run.
    onProgress: (p) =>
      progress.status(
        `Importing: ${p.filesRead}/${p.filesTotal} file(s) read, ${p.profilesChecked} profile(s) checked`,
        { force: p.filesRead === p.filesTotal },
      ),
  });
  const skipped = run.skipped > 0 ? ` (${run.skipped} skipped, named on stderr)` : "";
  const heading = options.dryRun
    ? `Dry run, nothing written: ${run.files.length} file(s) valid${skipped}.`
    : `Imported ${run.files.length} file(s)${skipped}.`;
  return `${heading}\n${changeReport(run.result, run.retracted)}`;
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
