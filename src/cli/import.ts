/**
 * Import: read and validate every file first, check the result against what is stored, and only then
 * write everything in one transaction. Any problem refuses the whole import before anything is written.
 */
import { isDeepStrictEqual } from "node:util";
import type { App } from "../app.ts";
import { readImportFiles } from "../catalog/read-import-files.ts";
import { type ImportProblem, ImportError } from "../core/errors.ts";
import type { Campaign, Profile } from "../core/profile.ts";

export interface ImportPlan {
  campaigns: Campaign[];
  profiles: Profile[];
  files: string[];
  describe(heading: string): Promise<string>;
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

function count<T>(items: T[], existing: Map<string, T>, idOf: (item: T) => string) {
  let created = 0;
  let updated = 0;
  for (const item of items) {
    const before = existing.get(idOf(item));
    if (!before) created++;
    else if (!isDeepStrictEqual(before, item)) updated++;
  }
  return { created, updated, unchanged: items.length - created - updated };
}

export async function planImport(app: App, paths: string[]): Promise<ImportPlan> {
  const catalog = app.repositories.catalog;
  const storedCampaigns = await catalog.listCampaigns();
  const read = await readImportFiles(paths, { knownCampaignIds: storedCampaigns.map((c) => c.id) });
  const problems = [
    ...read.problems,
    ...defaultCampaignConflicts(read.campaigns, storedCampaigns, read.files),
  ];
  if (problems.length > 0) throw new ImportError(problems);
  return {
    campaigns: read.campaigns,
    profiles: read.profiles,
    files: read.files,
    async describe(heading) {
      const storedProfiles = new Map((await catalog.listProfiles()).map((s) => [s.profile.id, s.profile]));
      const c = count(read.campaigns, new Map(storedCampaigns.map((x) => [x.id, x])), (x) => x.id);
      const p = count(read.profiles, storedProfiles, (x) => x.id);
      return (
        `${heading}: ${read.files.length} file(s) valid.\n` +
        `  campaigns: ${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged\n` +
        `  profiles:  ${p.created} new, ${p.updated} changed, ${p.unchanged} unchanged\n`
      );
    },
  };
}

export async function runImport(app: App, plan: ImportPlan, actor: string): Promise<string> {
  const result = await app.repositories.catalog.importBundle(
    { campaigns: plan.campaigns, profiles: plan.profiles },
    actor,
  );
  const line = (r: { created: number; updated: number; unchanged: number }) =>
    `${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged`;
  return `Imported ${plan.files.length} file(s).\n  campaigns: ${line(result.campaigns)}\n  profiles:  ${line(result.profiles)}\n`;
}
