/**
 * What a platform gives us per workspace (a Slack OAuth installation, with its bot token), and the users a
 * community's admins made bot moderators. Both are keyed by platform so another platform can use them.
 */
import { pgTable, primaryKey, text, timestamp, jsonb } from "drizzle-orm/pg-core";
import type { CommunityRef } from "../../src/core/channel.ts";

export const platformInstallations = pgTable(
  "platform_installations",
  {
    platform: text("platform").notNull(),
    installationKey: text("installation_key").notNull(),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.installationKey] })],
);

export const botModerators = pgTable(
  "bot_moderators",
  {
    communityRef: text("community_ref").notNull().$type<CommunityRef>(),
    userId: text("user_id").notNull(),
    grantedBy: text("granted_by").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityRef, t.userId] })],
);
