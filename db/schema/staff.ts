/**
 * The staff panel's people, their one-time sign-in links and their sessions. Links and sessions are kept
 * as SHA-256 hashes of their tokens: a copy of the database lets no one in.
 */
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { STAFF_ROLES, type StaffRole } from "../../src/core/staff.ts";
import { STAFF_OAUTH_PLATFORMS, type StaffOAuthPlatform } from "../../src/core/staff-oauth.ts";
import { sql } from "drizzle-orm";
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
    // A person who signs in through Discord or Slack (OAuth), found again by the platform's user id.
    platform: text("platform").$type<StaffOAuthPlatform>(),
    platformUserId: text("platform_user_id"),
  },
  (t) => [
    check("staff_people_role_known", oneOf(t.role, STAFF_ROLES)),
    check("staff_people_platform_known", oneOf(t.platform, STAFF_OAUTH_PLATFORMS)),
    check("staff_people_platform_user", sql`(${t.platform} is null) = (${t.platformUserId} is null)`),
    uniqueIndex("staff_people_platform_user_idx").on(t.platform, t.platformUserId),
  ],
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
