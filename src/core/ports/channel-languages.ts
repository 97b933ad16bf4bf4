/** The language a channel's moderators chose for it: its daily posts and the replies of its members. */
import type { ChannelRef, CommunityRef } from "../channel.ts";
import type { LanguageTag } from "../i18n/languages.ts";

export interface ChannelLanguage {
  channel: ChannelRef;
  language: LanguageTag;
  setBy: string;
  setAt: Date;
}

export interface ChannelLanguageRepository {
  /** The channel's chosen language, or undefined (the bot's DEFAULT_LANGUAGE then applies). */
  get(channel: ChannelRef): Promise<LanguageTag | undefined>;
  /** Sets it (one per channel); returns the language it replaced, if any. */
  set(input: {
    channel: ChannelRef;
    community: CommunityRef;
    language: LanguageTag;
    actor: string;
  }): Promise<LanguageTag | undefined>;
  /** Forgets it, so the default applies again; false when none was set. */
  clear(channel: ChannelRef, actor: string): Promise<boolean>;
  /** Every channel's language, for the daily pass (one query for all channels). */
  all(): Promise<ChannelLanguage[]>;
}
