/** Campaigns: a named set of profiles with a hashtag and share wording. */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Campaign, DetentionStatus } from "../../src/core/profile.ts";
import { LANGUAGE_TAGS } from "../../src/core/i18n/languages.ts";
import { DETENTION_STATUSES } from "../../src/core/profile.ts";
import { TRANSLATION_MODES } from "../../src/core/profile-translations.ts";
import { allOneOf, oneOf } from "./checks.ts";

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    hashtag: text("hashtag").notNull(),
    description: text("description").notNull(),
    url: text("url").notNull(),
    /** The campaign's page for one profile, "{id}" standing for its id; null when it has none. */
    profileUrl: text("profile_url"),
    shareText: text("share_text").notNull(),
    historical: jsonb("historical").$type<NonNullable<Campaign["historical"]>>(),
    featuredStatuses: text("featured_statuses").array().$type<DetentionStatus[]>(),
    contact: text("contact"),
    /** Null: the default (profile-translations.ts), so a campaign that never set it exports without it. */
    sourceLanguage: text("source_language").$type<NonNullable<Campaign["sourceLanguage"]>>(),
    translationMode: text("translation_mode").$type<NonNullable<Campaign["translations"]>>(),
    /** The campaign's own texts in other languages (campaign-translations.ts); null when it has none. */
    textTranslations: jsonb("text_translations").$type<NonNullable<Campaign["textTranslations"]>>(),
    /** Calls to action shown for every profile of the campaign, after a profile's own; null when none. */
    actions: jsonb("actions").$type<NonNullable<Campaign["actions"]>>(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "At most one may be the default": subscriptions that name no campaign rely on there being one answer.
    uniqueIndex("campaigns_single_default").on(t.isDefault).where(sql`${t.isDefault}`),
    check("campaigns_featured_statuses_known", allOneOf(t.featuredStatuses, DETENTION_STATUSES)),
    check(
      "campaigns_source_language_known",
      sql`${t.sourceLanguage} is null or ${oneOf(t.sourceLanguage, LANGUAGE_TAGS)}`,
    ),
    check(
      "campaigns_translation_mode_known",
      sql`${t.translationMode} is null or ${oneOf(t.translationMode, TRANSLATION_MODES)}`,
    ),
  ],
);

/**
 * One row holding a counter bumped by every catalog write. Reading it is the cheapest possible "did
 * anything change" query, and because writers bump it under the row lock it only ever grows in commit
 * order (a max(updated_at) can go backwards when an older transaction commits late).
 */
export const catalogRevision = pgTable(
  "catalog_revision",
  {
    id: integer("id").primaryKey().default(1),
    revision: bigint("revision", { mode: "number" }).notNull(),
  },
  (t) => [check("catalog_revision_single_row", sql`${t.id} = 1`)],
);
