/** The audit log: who changed what, when. Append-only. */
import { bigint, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { AuditEntry } from "../../src/core/ports/audit-log.ts";
import { oneOf } from "./checks.ts";

export const AUDIT_ENTITY_TYPES = [
  "campaign",
  "profile",
  "subscription",
  "spotlight",
  "community",
  "channel",
  "staff",
] as const satisfies AuditEntry["entityType"][];

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull().$type<AuditEntry["entityType"]>(),
    entityId: text("entity_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    check("audit_log_entity_type_known", oneOf(t.entityType, AUDIT_ENTITY_TYPES)),
  ],
);
