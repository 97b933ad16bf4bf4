/**
 * Which language a reply is written in. A member's own request (a lookup, /share, /help) is answered in
 * the member's language when the platform reports one the bot speaks; everything said to a channel (the
 * daily post, and a reply everyone sees where no member language is known) in the channel's language, else
 * the bot's default (DEFAULT_LANGUAGE), else English.
 */
import { type AnyLanguageTag, matchLanguage } from "./languages.ts";

export interface LanguageChoice {
  /** The member's locale as the platform gave it (any region or case), if any. */
  memberLocale?: string | undefined;
  channelLanguage?: AnyLanguageTag | undefined;
  defaultLanguage?: AnyLanguageTag | undefined;
}

export function replyLanguage(choice: LanguageChoice): AnyLanguageTag {
  return matchLanguage(choice.memberLocale) ?? channelLanguage(choice);
}

/** The language of what the bot says to the whole channel (daily posts, moderator confirmations). */
export function channelLanguage(choice: Omit<LanguageChoice, "memberLocale">): AnyLanguageTag {
  return choice.channelLanguage ?? choice.defaultLanguage ?? "en";
}
