/** The language moderators chose for a channel (`/language`, `/subscribe … language`). One per channel. */
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import { LANGUAGE_TAGS, type LanguageTag } from "../../src/core/i18n/languages.ts";
import { oneOf } from "./checks.ts";

export const channelLanguages = pgTable(
  "channel_languages",
  {
    channelRef: text("channel_ref").primaryKey().$type<ChannelRef>(),
    communityRef: text("community_ref").notNull().$type<CommunityRef>(),
    language: text("language").notNull().$type<LanguageTag>(),
    setBy: text("set_by").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("channel_languages_language_known", oneOf(t.language, LANGUAGE_TAGS))],
);
