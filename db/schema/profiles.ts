/**
 * Profiles: one prisoner and their family. Scalar fields and small lists are columns; the lists a profile
 * holds several structured records of (names, sources, detentions, family, quotes, designations) are child
 * tables in profile-details.ts, each row keeping its position so a profile reads back in its own order.
 */
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { DetentionStatus, Profile } from "../../src/core/profile.ts";
import { DETENTION_STATUSES } from "../../src/core/profile.ts";
import { campaigns } from "./campaigns.ts";
import { isPartialDate, oneOf } from "./checks.ts";

export const GENDERS = ["female", "male", "other"] as const;
export const CONFIDENCE_LEVELS = ["confirmed", "unconfirmed"] as const;
export const VISIBILITIES = ["public", "withheld"] as const;

export const profiles = pgTable(
  "profiles",
  {
    id: text("id").primaryKey(),
    /** Insertion order, never changed by an update: the rotation breaks ties by it. */
    seq: integer("seq").notNull().unique().generatedAlwaysAsIdentity(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    displayName: text("display_name").notNull(),
    gender: text("gender").$type<NonNullable<Profile["gender"]>>(),
    birthYear: integer("birth_year"),
    nationality: text("nationality").array().notNull(),
    countryCode: text("country_code").notNull(),
    countryLabel: text("country_label"),
    occupations: text("occupations").array().notNull(),
    affiliations: text("affiliations").array().notNull(),
    tags: text("tags").array().notNull(),
    summaryText: text("summary_text").notNull(),
    summarySources: text("summary_sources").array().notNull(),
    familyStory: jsonb("family_story").$type<NonNullable<Profile["familyStory"]>>(),
    photo: jsonb("photo").$type<NonNullable<Profile["photo"]>>(),
    /** The texts a post shows in other languages: a list, one entry per language, read only with the profile. */
    translations: jsonb("translations").$type<NonNullable<Profile["translations"]>>(),
    /** Calls to action (core/profile-actions.ts), in the file's order; null when the profile lists none. */
    actions: jsonb("actions").$type<NonNullable<Profile["actions"]>>(),
    lastVerifiedAt: date("last_verified_at", { mode: "string" }).notNull(),
    verifiedBy: text("verified_by").notNull(),
    confidence: text("confidence").notNull().$type<Profile["confidence"]>(),
    visibility: text("visibility").notNull().$type<Profile["publication"]["visibility"]>(),
    // Kept as the ISO text it was written with, so an export reads back exactly what was imported.
    takedownAt: text("takedown_at"),
    takedownBy: text("takedown_by"),
    takedownReason: text("takedown_reason"),
    /** The latest detention's status and date, copied here so rotation and listing can filter in SQL. */
    currentStatus: text("current_status").notNull().$type<DetentionStatus>(),
    statusAsOf: text("status_as_of").notNull(),
    /**
     * A hash of the profile as its file last gave it (before a stored takedown is kept): a re-import
     * compares hashes and reads back only the profiles whose files changed. Null until first re-imported.
     */
    contentHash: text("content_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("profiles_campaign_idx").on(t.campaignId, t.seq),
    check("profiles_gender_known", sql`${t.gender} is null or ${oneOf(t.gender, GENDERS)}`),
    check("profiles_confidence_known", oneOf(t.confidence, CONFIDENCE_LEVELS)),
    check("profiles_visibility_known", oneOf(t.visibility, VISIBILITIES)),
    check("profiles_current_status_known", oneOf(t.currentStatus, DETENTION_STATUSES)),
    check("profiles_status_as_of_partial_date", isPartialDate(t.statusAsOf)),
    // A takedown is all three fields or none, and a taken-down profile is never public.
    check(
      "profiles_takedown_complete",
      sql`(${t.takedownAt} is null) = (${t.takedownBy} is null) and (${t.takedownAt} is null) = (${t.takedownReason} is null)`,
    ),
    check("profiles_takedown_withheld", sql`${t.takedownAt} is null or ${t.visibility} = 'withheld'`),
  ],
);
