/**
 * The language of what a pass says to each channel (its daily post, the moderators' notices, a withdrawn
 * post's edit): the channel's chosen language, else the bot's default, else English (`channelLanguage`,
 * core/i18n/choose.ts, the one home of that rule). Read once per pass with `all()`, not once per row.
 */
import type { ChannelRef } from "../core/channel.ts";
import { channelLanguage } from "../core/i18n/choose.ts";
import type { AnyLanguageTag } from "../core/i18n/languages.ts";
import { type Translator, translatorFor } from "../core/i18n/translator.ts";
import type { ChannelLanguageRepository } from "../core/ports/channel-languages.ts";

export interface LanguageDeps {
  /** Each channel's chosen language; absent: every channel gets the default. */
  channelLanguages?: Pick<ChannelLanguageRepository, "all">;
  /** DEFAULT_LANGUAGE; absent: English. */
  defaultLanguage?: AnyLanguageTag;
}

/** A channel's translator, as chosen when the pass began. */
export type ChannelTranslators = (channel: ChannelRef) => Translator;

export async function channelTranslators(deps: LanguageDeps): Promise<ChannelTranslators> {
  const chosen = new Map<string, AnyLanguageTag>();
  for (const row of (await deps.channelLanguages?.all()) ?? []) chosen.set(row.channel, row.language);
  return (channel) =>
    translatorFor(
      channelLanguage({ channelLanguage: chosen.get(channel), defaultLanguage: deps.defaultLanguage }),
    );
}

/** Every channel in the default language (or English): for callers that know no channel's choice. */
export const defaultTranslators = (defaultLanguage?: AnyLanguageTag): ChannelTranslators => {
  const tr = translatorFor(channelLanguage({ defaultLanguage }));
  return () => tr;
};
