/**
 * Writing a delivery plan: new ledger rows (a row already there for that channel and date wins, so two
 * processes planning the same minute write one row) and each subscription's planned-through mark, in one
 * transaction. Two statements of one parameter each, whatever the number of channels.
 */
import { sql } from "drizzle-orm";
import type { PlannedDelivery } from "../../src/core/delivery.ts";
import type { Db } from "../client.ts";
import { deliveries, subscriptions } from "../schema/index.ts";
import { insertRecordsetNew } from "./recordset.ts";
import { subscriptionWrites } from "./kept-reads.ts";

export async function recordPlan(
  db: Db,
  rows: PlannedDelivery[],
  plannedThrough: Array<{ subscriptionId: number; localDate: string }>,
): Promise<number> {
  if (rows.length === 0 && plannedThrough.length === 0) return 0;
  return subscriptionWrites.writing(() => writePlan(db, rows, plannedThrough));
}

async function writePlan(
  db: Db,
  rows: PlannedDelivery[],
  plannedThrough: Array<{ subscriptionId: number; localDate: string }>,
): Promise<number> {
  return db.transaction(async (tx) => {
    // One statement of one parameter (recordset.ts): drizzle built a multi-row insert as a chunk of SQL
    // per value, ~56 KB of garbage a row (~280 MB for 5,000 rows) at the very start of a pass.
    const created = await insertRecordsetNew(
      tx,
      deliveries,
      rows.map((row) => ({
        channelRef: row.channel,
        localDate: row.localDate,
        platform: row.platform,
        subscriptionId: row.subscriptionId ?? null,
        spotlightId: row.spotlightId ?? null,
        campaignId: row.campaignId,
        timezone: row.timezone,
        dueAt: row.dueAt,
        state: row.state,
        nextAttemptAt: row.dueAt,
        detail: row.detail ?? null,
      })),
      ["channelRef", "localDate"],
    );
    if (plannedThrough.length > 0) {
      // The marks as one JSON parameter too, unpacked by the database (as recordset.ts does).
      const marks = JSON.stringify(plannedThrough);
      // Only ever forward: a slower process planning an older view never moves the mark back.
      await tx.execute(sql`
        update ${subscriptions} set planned_through = v."localDate"
        from jsonb_to_recordset(${marks}::jsonb) as v("subscriptionId" integer, "localDate" date)
        where ${subscriptions.id} = v."subscriptionId"
          and (${subscriptions.plannedThrough} is null or ${subscriptions.plannedThrough} < v."localDate")`);
    }
    return created;
  });
}
