/**
 * Reads what the audit log recorded about the visibility each taken-down profile returns to on restore
 * (see RESTORE_VISIBILITY in catalog-rules.ts): the latest entry carrying it, per profile.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { auditLog } from "../schema/index.ts";
import { RESTORE_VISIBILITY } from "./catalog-rules.ts";

/** The recorded value per profile id; a profile with none recorded is absent. */
export async function recordedRestoreVisibilities(tx: Db, ids: string[]): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const recorded = sql<string | null>`${auditLog.details} ->> ${RESTORE_VISIBILITY}::text`;
  const rows = await tx
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
  return new Map(rows.map((row) => [row.id, row.visibility]));
}
