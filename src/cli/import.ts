/**
 * Import: read and validate every file first, check the result against what is stored, and only then
 * write everything in one transaction. Any problem refuses the whole import before anything is written.
 * Entries of a folder that are not read (a named pipe, a link out of the folder) are named as they are
 * found, whether the import then goes ahead or not.
 */
import type { App } from "../app.ts";
import type { SkippedEntry } from "../catalog/collect-files.ts";
import { readImportFiles } from "../catalog/read-import-files.ts";
import { type ImportProblem, ImportError } from "../core/errors.ts";
import type { Campaign, Profile } from "../core/profile.ts";
import { type Progress, silentProgress } from "./progress.ts";

export interface ImportPlan {
  campaigns: Campaign[];
  profiles: Profile[];
  files: string[];
  skipped: SkippedEntry[];
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

export async function planImport(
  app: App,
  paths: string[],
  cwd: string,
  progress: Progress = silentProgress,
): Promise<ImportPlan> {
  const catalog = app.repositories.catalog;
  const storedCampaigns = await catalog.listCampaigns();
  const read = await readImportFiles(paths, {
    knownCampaignIds: storedCampaigns.map((c) => c.id),
    cwd,
    // The last count is always shown: it stays on screen while the cross-file checks run.
    onProgress: (p) =>
      progress.status(
        `Reading files: ${p.filesRead}/${p.filesTotal} read, ${p.profilesChecked} profile(s) checked`,
        { force: p.filesRead === p.filesTotal },
      ),
  });
  for (const entry of read.skipped) progress.note(`freetobehome: skipped ${entry.file}: ${entry.reason}`);
  const problems = [
    ...read.problems,
    ...defaultCampaignConflicts(read.campaigns, storedCampaigns, read.files),
  ];
  if (problems.length > 0) throw new ImportError(problems);
  return {
    campaigns: read.campaigns,
    profiles: read.profiles,
    files: read.files,
    skipped: read.skipped,
  };
}

/** Writes the plan in one transaction; a dry run makes the same import, reports it, and rolls it back. */
export async function runImport(
  app: App,
  plan: ImportPlan,
  actor: string,
  options: { dryRun?: boolean; progress?: Progress } = {},
): Promise<string> {
  (options.progress ?? silentProgress).status(
    `Writing ${plan.campaigns.length} campaign(s) and ${plan.profiles.length} profile(s)...`,
    { force: true },
  );
  const result = await app.repositories.catalog.importBundle(
    { campaigns: plan.campaigns, profiles: plan.profiles },
    actor,
    { dryRun: options.dryRun ?? false },
  );
  const line = (r: { created: number; updated: number; unchanged: number }) =>
    `${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged`;
  const skipped = plan.skipped.length > 0 ? ` (${plan.skipped.length} skipped, named on stderr)` : "";
  const heading = options.dryRun
    ? `Dry run, nothing written: ${plan.files.length} file(s) valid${skipped}.`
    : `Imported ${plan.files.length} file(s)${skipped}.`;
  return `${heading}\n  campaigns: ${line(result.campaigns)}\n  profiles:  ${line(result.profiles)}\n`;
}
