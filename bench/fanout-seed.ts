/**
 * The benchmark's data: the shipped sample campaign, and one active subscription per channel, all due at
 * the same instant. The subscriptions are spread over time zones, each with the local post time that falls
 * on that instant, so the planner's zone arithmetic is exercised and still everything comes due together.
 * Inserted in batches straight into the table: what `/subscribe` does one at a time would dominate the run.
 */
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { subscriptions } from "../db/schema/index.ts";
import { readImportFiles } from "../src/catalog/read-import-files.ts";
import type { RigTarget } from "./fanout-rig.ts";

export const CAMPAIGN = "free-to-be-home-2016";
export const SAMPLE = fileURLToPath(new URL("../data", import.meta.url));
const BATCH = 1_000;

/** Half-hour and quarter-hour offsets and both hemispheres' daylight saving among them. */
const ZONES = [
  "UTC",
  "Asia/Baku",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Europe/Berlin",
  "Asia/Kolkata",
  "America/Los_Angeles",
  "America/Sao_Paulo",
];

export async function importSampleCatalog(repositories: Repositories): Promise<void> {
  const read = await readImportFiles([SAMPLE]);
  if (read.problems.length > 0)
    throw new Error(`the sample data does not import: ${read.problems[0]?.message}`);
  await repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "bench");
}

/** Every searchable name of the sample's profiles, as people type them into `/prisoner`. */
export async function sampleNames(): Promise<string[]> {
  const read = await readImportFiles([SAMPLE]);
  return read.profiles.flatMap((p) => p.names.filter((n) => n.searchable !== false).map((n) => n.value));
}

/** Subscribes every target, due at `dueAt` (whole minutes), subscribed an hour before it. */
export async function seedSubscriptions(db: Db, targets: readonly RigTarget[], dueAt: Date): Promise<void> {
  const activeSince = new Date(dueAt.getTime() - 3_600_000);
  const postTimes = ZONES.map((zone) => DateTime.fromJSDate(dueAt, { zone }).toFormat("HH:mm"));
  for (let i = 0; i < targets.length; i += BATCH) {
    const rows = targets.slice(i, i + BATCH).map((target, k) => ({
      channelRef: target.channel,
      communityRef: target.community,
      campaignId: CAMPAIGN,
      postTime: postTimes[(i + k) % ZONES.length]!,
      timezone: ZONES[(i + k) % ZONES.length]!,
      state: "active" as const,
      activeSince,
      createdBy: "bench",
    }));
    await db.insert(subscriptions).values(rows);
  }
}
