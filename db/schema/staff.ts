/**
 * The staff panel's people, their one-time sign-in links and their sessions. Links and sessions are kept
 * as SHA-256 hashes of their tokens: a copy of the database lets no one in.
 */
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { STAFF_ROLES, type StaffRole } from "../../src/core/staff.ts";
import { oneOf } from "./checks.ts";

export const staffPeople = pgTable(
  "staff_people",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull().unique(),
    role: text("role").notNull().$type<StaffRole>(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
  },
  (t) => [check("staff_people_role_known", oneOf(t.role, STAFF_ROLES))],
);

export const staffSignInLinks = pgTable(
  "staff_sign_in_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => staffPeople.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_sign_in_links_person_idx").on(t.personId)],
);

export const staffSessions = pgTable(
  "staff_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => staffPeople.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_sessions_person_idx").on(t.personId)],
);
