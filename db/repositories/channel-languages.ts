/** Channels' chosen languages: one row per channel; every change lands in the audit log. */
import { asc, eq } from "drizzle-orm";
import type { ChannelLanguageRepository } from "../../src/core/ports/channel-languages.ts";
import type { Db } from "../client.ts";
import { channelLanguages } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";

export function createChannelLanguageRepository(db: Db): ChannelLanguageRepository {
  return {
    async get(channel) {
      const [row] = await db
        .select({ language: channelLanguages.language })
        .from(channelLanguages)
        .where(eq(channelLanguages.channelRef, channel));
      return row?.language;
    },
    async set(input) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ language: channelLanguages.language })
          .from(channelLanguages)
          .where(eq(channelLanguages.channelRef, input.channel))
          .for("update");
        const row = {
          channelRef: input.channel,
          communityRef: input.community,
          language: input.language,
          setBy: input.actor,
          setAt: new Date(),
        };
        await tx
          .insert(channelLanguages)
          .values(row)
          .onConflictDoUpdate({ target: channelLanguages.channelRef, set: row });
        await appendAudit(tx, {
          actor: input.actor,
          action: AUDIT_ACTIONS.channelLanguageSet,
          entityType: "channel",
          entityId: input.channel,
          details: { language: input.language, ...(before ? { previous: before.language } : {}) },
        });
        return before?.language;
      });
    },
    async clear(channel, actor) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .delete(channelLanguages)
          .where(eq(channelLanguages.channelRef, channel))
          .returning({ language: channelLanguages.language });
        const gone = rows[0];
        if (gone) {
          await appendAudit(tx, {
            actor,
            action: AUDIT_ACTIONS.channelLanguageCleared,
            entityType: "channel",
            entityId: channel,
            details: { language: gone.language },
          });
        }
        return gone !== undefined;
      });
    },
    async all() {
      const rows = await db.select().from(channelLanguages).orderBy(asc(channelLanguages.channelRef));
      return rows.map((r) => ({
        channel: r.channelRef,
        language: r.language,
        setBy: r.setBy,
        setAt: r.setAt,
      }));
    },
  };
}
