/**
 * Per-workspace credentials (Slack OAuth installations) and the bot moderators a community's admins
 * appointed. Both are small keyed tables; every grant and revocation lands in the audit log.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { BotModeratorRepository } from "../../src/core/ports/bot-moderators.ts";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { Db } from "../client.ts";
import { botModerators, platformInstallations } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";

const byKey = (platform: string, key: string) =>
  and(eq(platformInstallations.platform, platform), eq(platformInstallations.installationKey, key));

export function createInstallationStore(db: Db): InstallationStore {
  return {
    async save(platform, key, data) {
      await db
        .insert(platformInstallations)
        .values({ platform, installationKey: key, data })
        .onConflictDoUpdate({
          target: [platformInstallations.platform, platformInstallations.installationKey],
          set: { data, updatedAt: sql`now()` },
        });
    },
    async find(platform, key) {
      const [row] = await db.select().from(platformInstallations).where(byKey(platform, key));
      return row?.data;
    },
    async remove(platform, key) {
      const rows = await db
        .delete(platformInstallations)
        .where(byKey(platform, key))
        .returning({ key: platformInstallations.installationKey });
      return rows.length > 0;
    },
  };
}

export function createBotModeratorRepository(db: Db): BotModeratorRepository {
  const audit = (tx: Db, action: string, input: { community: string; userId: string; actor: string }) =>
    appendAudit(tx, {
      actor: input.actor,
      action,
      entityType: "community",
      entityId: input.community,
      details: { userId: input.userId },
    });
  return {
    async grant(input) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .insert(botModerators)
          .values({ communityRef: input.community, userId: input.userId, grantedBy: input.actor })
          .onConflictDoNothing()
          .returning({ userId: botModerators.userId });
        if (rows.length > 0) await audit(tx, AUDIT_ACTIONS.moderatorGranted, input);
        return rows.length > 0;
      });
    },
    async revoke(input) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .delete(botModerators)
          .where(and(eq(botModerators.communityRef, input.community), eq(botModerators.userId, input.userId)))
          .returning({ userId: botModerators.userId });
        if (rows.length > 0) await audit(tx, AUDIT_ACTIONS.moderatorRevoked, input);
        return rows.length > 0;
      });
    },
    async has(community, userId) {
      const [row] = await db
        .select({ userId: botModerators.userId })
        .from(botModerators)
        .where(and(eq(botModerators.communityRef, community), eq(botModerators.userId, userId)));
      return row !== undefined;
    },
    async list(community) {
      const rows = await db
        .select({ userId: botModerators.userId })
        .from(botModerators)
        .where(eq(botModerators.communityRef, community))
        .orderBy(asc(botModerators.grantedAt), asc(botModerators.userId));
      return rows.map((r) => r.userId);
    },
  };
}
