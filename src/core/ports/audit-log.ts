/** The audit log: who changed what, and when. */

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  entityType: "campaign" | "profile" | "subscription" | "spotlight" | "community" | "channel" | "staff";
  entityId: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(filter?: {
    entityType?: AuditEntry["entityType"];
    entityId?: string;
    limit?: number;
  }): Promise<AuditEntry[]>;
}
