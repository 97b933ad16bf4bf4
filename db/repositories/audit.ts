/** The audit log on the database: append an entry, list entries newest first. */
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AuditEntry, AuditLog } from "../../src/core/ports/audit-log.ts";
import type { Db } from "../client.ts";
import { auditLog } from "../schema/index.ts";
import { insertChunked } from "./chunked.ts";
import { insertRecordset } from "./recordset.ts";

export type NewAuditEntry = Omit<AuditEntry, "at"> & { at?: Date };

/** Appends entries (chunked under the parameter limit); pass a transaction to make them part of the change. */
export async function appendAudit(db: Db, entries: NewAuditEntry | NewAuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  if (list.every((entry) => entry.at === undefined)) {
    // An import's many entries: one statement, each at the transaction's time (the column's default).
    const rows = list.map(({ actor, action, entityType, entityId, details }) => ({
      actor,
      action,
      entityType,
      entityId,
      details: details ?? null,
    }));
    await insertRecordset(db, auditLog, rows);
    return;
  }
  await insertChunked(
    db,
    auditLog,
    list.map((entry) => ({
      // Without an explicit time the database's now() is used: the time of the transaction it belongs to.
      at: entry.at ?? sql`now()`,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? null,
    })),
  );
}

export function createAuditLog(db: Db): AuditLog {
  return {
    record: (entry) => appendAudit(db, entry),

    /** Newest first; `limit` keeps the most recent entries. */
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
      if (filter.entityId !== undefined) conditions.push(eq(auditLog.entityId, filter.entityId));
      const query = db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.id));
      const rows = filter.limit === undefined ? await query : await query.limit(filter.limit);
      return rows.map((row) => ({
        at: row.at,
        actor: row.actor,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        ...(row.details === null ? {} : { details: row.details }),
      }));
    },
  };
}
