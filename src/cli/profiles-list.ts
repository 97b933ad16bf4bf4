/** `profiles list` and `profiles stale`: what curators check before and after an import. */
import type { App } from "../app.ts";
import { daysBetween, formatPartialDate } from "../core/partial-date.ts";
import { currentDetention } from "../core/profile.ts";
import { formatTable } from "./with-app.ts";

export async function listProfiles(app: App, options: { staleOnly: boolean }): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const limit = app.config.STALE_AFTER_DAYS;
  const campaigns = new Map((await app.repositories.catalog.listCampaigns()).map((c) => [c.id, c]));
  const rows: string[][] = [];
  for (const { profile } of await app.repositories.catalog.listProfiles()) {
    const age = daysBetween(profile.lastVerifiedAt, today);
    if (options.staleOnly && age <= limit) continue;
    const detention = currentDetention(profile);
    const historical = campaigns.get(profile.campaign)?.historical !== undefined;
    rows.push([
      profile.id,
      profile.displayName,
      profile.campaign + (historical ? " (historical)" : ""),
      `${detention.status} as of ${formatPartialDate(detention.statusAsOf)}`,
      `${profile.lastVerifiedAt} (${age} d)`,
      profile.publication.takedown ? "taken down" : profile.publication.visibility,
    ]);
  }
  if (rows.length === 0)
    return options.staleOnly ? `No profile is older than ${limit} days.\n` : "No profiles.\n";
  const table = formatTable(["id", "name", "campaign", "status", "verified", "publication"], rows);
  return options.staleOnly
    ? `${rows.length} profile(s) not verified within ${limit} days (historical campaigns are still featured, with their "as of" date):\n${table}`
    : table;
}
