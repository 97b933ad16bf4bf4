/** `profiles list` and `profiles stale`: what curators check before and after an import. */
import type { App } from "../app.ts";
import { english } from "../core/i18n/translator.ts";
import { daysBetween } from "../core/partial-date.ts";
import { currentDetention, type Profile } from "../core/profile.ts";
import type { CliContext } from "./context.ts";
import { type ListView, writeList } from "./list-output.ts";

interface ProfileRow {
  profile: Profile;
  historical: boolean;
  /** Days since it was last verified. */
  age: number;
}

const view: Omit<ListView<ProfileRow>, "empty"> = {
  columns: ["id", "name", "campaign", "status", "verified", "publication"],
  cells: ({ profile, historical, age }) => {
    const detention = currentDetention(profile);
    return [
      profile.id,
      profile.displayName,
      profile.campaign + (historical ? " (historical)" : ""),
      `${detention.status} as of ${english.date(detention.statusAsOf)}`,
      `${profile.lastVerifiedAt} (${age} d)`,
      profile.publication.takedown ? "taken down" : profile.publication.visibility,
    ];
  },
  json: ({ profile, historical, age }) => {
    const detention = currentDetention(profile);
    return {
      id: profile.id,
      name: profile.displayName,
      campaign: profile.campaign,
      historicalCampaign: historical,
      status: detention.status,
      statusAsOf: detention.statusAsOf,
      lastVerifiedAt: profile.lastVerifiedAt,
      verifiedDaysAgo: age,
      visibility: profile.publication.visibility,
      takedown: profile.publication.takedown ?? null,
    };
  },
};

async function listProfiles(app: App, options: { staleOnly: boolean }): Promise<ProfileRow[]> {
  const today = new Date().toISOString().slice(0, 10);
  const limit = app.config.STALE_AFTER_DAYS;
  const campaigns = new Map((await app.repositories.catalog.listCampaigns()).map((c) => [c.id, c]));
  const rows: ProfileRow[] = [];
  for (const { profile } of await app.repositories.catalog.listProfiles()) {
    const age = daysBetween(profile.lastVerifiedAt, today);
    if (options.staleOnly && age <= limit) continue;
    rows.push({ profile, age, historical: campaigns.get(profile.campaign)?.historical !== undefined });
  }
  return rows;
}

export async function runProfilesList(
  ctx: CliContext,
  options: { staleOnly: boolean; json: boolean },
): Promise<number> {
  return ctx.withApp(async (app) => {
    const rows = await listProfiles(app, options);
    const limit = app.config.STALE_AFTER_DAYS;
    const stale = {
      empty: `No profile is older than ${limit} days.`,
      heading: `${rows.length} profile(s) not verified within ${limit} days (historical campaigns are still featured, with their "as of" date):`,
    };
    writeList(
      ctx.io,
      rows,
      { ...view, ...(options.staleOnly ? stale : { empty: "No profiles." }) },
      options.json,
    );
    return 0;
  });
}
