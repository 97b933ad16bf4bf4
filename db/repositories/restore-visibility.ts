/**
 * Reads what the audit log recorded about the visibility each taken-down profile returns to on restore
 * (see RESTORE_VISIBILITY in src/core/catalog-rules.ts): the latest entry carrying it, per profile.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { auditLog } from "../schema/index.ts";
import { RESTORE_VISIBILITY } from "../../src/core/catalog-rules.ts";
import { chunks, MAX_PARAMETERS } from "./chunked.ts";

/** The recorded value per profile id; a profile with none recorded is absent. */
export async function recordedRestoreVisibilities(tx: Db, ids: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (const batch of chunks(ids, MAX_PARAMETERS)) {
    for (const row of await recordedFor(tx, batch)) found.set(row.id, row.visibility);
  }
  return found;
}

async function recordedFor(tx: Db, ids: string[]) {
  const recorded = sql<string | null>`${auditLog.details} ->> ${RESTORE_VISIBILITY}::text`;
  return tx
    .selectDistinctOn([auditLog.entityId], { id: auditLog.entityId, visibility: recorded })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "profile"),
        inArray(auditLog.entityId, ids),
        sql`${auditLog.details} ->> ${RESTORE_VISIBILITY}::text is not null`,
      ),
    )
    .orderBy(auditLog.entityId, desc(auditLog.id));
}
