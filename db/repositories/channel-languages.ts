/** Channels' chosen languages: one row per channel; every change lands in the audit log. */
import { asc, eq } from "drizzle-orm";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { LanguageTag } from "../../src/core/i18n/languages.ts";
import type { ChannelLanguageRepository } from "../../src/core/ports/channel-languages.ts";
import type { Db } from "../client.ts";
import { channelLanguages } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";
import { keptReads, writeCount } from "./kept-reads.ts";

/** Every set and clear of a channel's language this process makes, through any repository. */
const languageWrites = writeCount();

/**
 * `soleWriter` (kept-reads.ts): a channel's language changes only through `set` and `clear`, so what `get`
 * read stands until one of them runs. Every reply asks for its channel's language: in a burst of
 * /prisoner on PGlite that query was half the database's work (bench:burst).
 */
export function createChannelLanguageRepository(
  db: Db,
  options: { soleWriter?: boolean } = {},
): ChannelLanguageRepository {
  async function read(channel: ChannelRef): Promise<LanguageTag | undefined> {
    const [row] = await db
      .select({ language: channelLanguages.language })
      .from(channelLanguages)
      .where(eq(channelLanguages.channelRef, channel));
    return row?.language;
  }
  return {
    get: options.soleWriter ? keptReads(languageWrites, read) : read,
    set: (input) => languageWrites.writing(() => setLanguage(db, input)),
    clear: (channel, actor) => languageWrites.writing(() => clearLanguage(db, channel, actor)),
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

async function setLanguage(db: Db, input: Parameters<ChannelLanguageRepository["set"]>[0]) {
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
}

async function clearLanguage(db: Db, channel: ChannelRef, actor: string) {
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
}
