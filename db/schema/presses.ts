/**
 * Button presses, counted: one row per (UTC day, platform, profile, button) whose counter a press adds one
 * to (INSERT … ON CONFLICT DO UPDATE). No user, channel or community id is stored, by design.
 */
import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { PLATFORMS, type Platform } from "../../src/core/channel.ts";
import { oneOf } from "./checks.ts";

export const buttonPresses = pgTable(
  "button_presses",
  {
    day: date("day", { mode: "string" }).notNull(),
    platform: text("platform").notNull().$type<Platform>(),
    // No foreign key: a profile removed later keeps its history, as the delivery ledger does.
    profileId: text("profile_id").notNull(),
    button: text("button").notNull(),
    presses: integer("presses").notNull(),
  },
  (t) => [
    primaryKey({ name: "button_presses_key", columns: [t.day, t.platform, t.profileId, t.button] }),
    check("button_presses_platform_known", oneOf(t.platform, PLATFORMS)),
    check("button_presses_positive", sql`${t.presses} > 0`),
  ],
);
