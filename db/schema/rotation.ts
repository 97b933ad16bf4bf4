/**
 * The rotation's memory: which profile a campaign featured on each local date. The primary key is what
 * makes the pick the same on every instance: the first process to record a date wins, the rest read it.
 */
import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns.ts";
import { profiles } from "./profiles.ts";

export const featuredDays = pgTable(
  "featured_days",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    localDate: date("local_date", { mode: "string" }).notNull(),
    profileId: text("profile_id")
      .notNull()
      .references(() => profiles.id),
    cycle: integer("cycle").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.localDate] }),
    check("featured_days_cycle_not_negative", sql`${t.cycle} >= 0`),
  ],
);
