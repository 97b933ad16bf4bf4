/**
 * The rotation log on the database. Several instances may decide the same date at once; the primary key
 * (campaign, date) lets exactly one insert land, and everyone returns that row.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { RotationEntry, RotationLog } from "../../src/core/ports/rotation-log.ts";
import type { Db } from "../client.ts";
import { featuredDays } from "../schema/index.ts";

const entryColumns = {
  campaignId: featuredDays.campaignId,
  localDate: featuredDays.localDate,
  profileId: featuredDays.profileId,
  cycle: featuredDays.cycle,
  recordedAt: featuredDays.recordedAt,
};

function sameDay(entry: Pick<RotationEntry, "campaignId" | "localDate">) {
  return and(eq(featuredDays.campaignId, entry.campaignId), eq(featuredDays.localDate, entry.localDate));
}

async function standing(db: Db, entry: RotationEntry): Promise<RotationEntry> {
  const [row] = await db.select(entryColumns).from(featuredDays).where(sameDay(entry));
  if (!row) throw new Error(`no rotation entry for ${entry.campaignId} on ${entry.localDate}`);
  return row;
}

export function createRotationLog(db: Db): RotationLog {
  const record = async (entry: RotationEntry): Promise<RotationEntry> => {
    const [inserted] = await db
      .insert(featuredDays)
      .values(entry)
      .onConflictDoNothing({ target: [featuredDays.campaignId, featuredDays.localDate] })
      .returning(entryColumns);
    // Nothing returned: another writer got there first. ON CONFLICT waited for it to commit, so a fresh
    // read (read committed) sees its row.
    return inserted ?? standing(db, entry);
  };

  return {
    async history(campaignId) {
      return db
        .select(entryColumns)
        .from(featuredDays)
        .where(eq(featuredDays.campaignId, campaignId))
        .orderBy(asc(featuredDays.localDate));
    },

    record,

    async replace(entry, previousProfileId) {
      const [replaced] = await db
        .update(featuredDays)
        .set({ profileId: entry.profileId, cycle: entry.cycle, recordedAt: sql`now()` })
        .where(and(sameDay(entry), eq(featuredDays.profileId, previousProfileId)))
        .returning(entryColumns);
      if (replaced) return replaced;
      // Either someone replaced it already (their pick stands) or the date was never decided (this one does).
      return record(entry);
    },
  };
}
