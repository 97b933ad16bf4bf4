/** In-memory channel languages: one per channel, every change in the audit log, as the database keeps them. */
import { AUDIT_ACTIONS } from "../../db/repositories/audit-actions.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { LanguageTag } from "../../src/core/i18n/languages.ts";
import type { ChannelLanguage, ChannelLanguageRepository } from "../../src/core/ports/channel-languages.ts";
import { audit, type MemoryState } from "./memory-state.ts";

export function createMemoryChannelLanguages(store: { state: MemoryState }): ChannelLanguageRepository {
  // Kept beside the state box so a reset() of the repositories empties it too.
  const rows = (): Map<ChannelRef, ChannelLanguage> => {
    const state = store.state as MemoryState & { channelLanguages?: Map<ChannelRef, ChannelLanguage> };
    state.channelLanguages ??= new Map();
    return state.channelLanguages;
  };
  return {
    async get(channel) {
      return rows().get(channel)?.language;
    },
    async set(input) {
      const before: LanguageTag | undefined = rows().get(input.channel)?.language;
      rows().set(input.channel, {
        channel: input.channel,
        language: input.language,
        setBy: input.actor,
        setAt: new Date(),
      });
      audit(store.state, {
        actor: input.actor,
        action: AUDIT_ACTIONS.channelLanguageSet,
        entityType: "channel",
        entityId: input.channel,
        details: { language: input.language, ...(before ? { previous: before } : {}) },
      });
      return before;
    },
    async clear(channel, actor) {
      const gone = rows().get(channel);
      if (!gone) return false;
      rows().delete(channel);
      audit(store.state, {
        actor,
        action: AUDIT_ACTIONS.channelLanguageCleared,
        entityType: "channel",
        entityId: channel,
        details: { language: gone.language },
      });
      return true;
    },
    async all() {
      return [...rows().values()].sort((a, b) => (a.channel < b.channel ? -1 : 1)).map((r) => ({ ...r }));
    },
  };
}
