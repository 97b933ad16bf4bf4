/**
 * Writing a delivery plan: new ledger rows (a row already there for that channel and date wins, so two
 * processes planning the same minute write one row) and each subscription's planned-through mark, in one
 * transaction. Batched, so a fan-out of ten thousand channels is a handful of statements, not thousands.
 */
import { sql } from "drizzle-orm";
import type { PlannedDelivery } from "../../src/core/delivery.ts";
import type { Db } from "../client.ts";
import { deliveries, subscriptions } from "../schema/index.ts";
import { chunks, insertChunks, rowsPerStatement } from "./chunked.ts";
import { subscriptionWrites } from "./kept-reads.ts";

/** A planned-through mark binds two parameters: the subscription and its date. */
const MARK_PARAMETERS = 2;

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
    let created = 0;
    for (const batch of insertChunks(deliveries, rows)) {
      const inserted = await tx
        .insert(deliveries)
        .values(
          batch.map((row) => ({
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
        )
        .onConflictDoNothing({ target: [deliveries.channelRef, deliveries.localDate] })
        .returning({ id: deliveries.id });
      created += inserted.length;
    }
    for (const batch of chunks(plannedThrough, rowsPerStatement(MARK_PARAMETERS))) {
      const values = sql.join(
        batch.map((p) => sql`(${p.subscriptionId}::integer, ${p.localDate}::date)`),
        sql`, `,
      );
      // Only ever forward: a slower process planning an older view never moves the mark back.
      await tx.execute(sql`
        update ${subscriptions} set planned_through = v.local_date
        from (values ${values}) as v(id, local_date)
        where ${subscriptions.id} = v.id
          and (${subscriptions.plannedThrough} is null or ${subscriptions.plannedThrough} < v.local_date)`);
    }
    return created;
  });
}
