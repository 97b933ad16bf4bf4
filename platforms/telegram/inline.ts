/**
 * Inline mode: typing `@OurBot mammadov` in any chat lists matching cards; picking one posts it there.
 * Each result is a single self-contained message (a card within 4,096 characters and its share buttons).
 */
import { matchLanguage } from "../../src/core/i18n/languages.ts";
import type { Card, ShareKit } from "../../src/core/reply.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Telegram } from "telegraf";
import type { InlineQueryResultArticle } from "telegraf/types";
import { renderInlineCard } from "./render.ts";
import { clean, isWebUrl } from "./rich.ts";
import { clip } from "./split.ts";

export const INLINE_RESULT_LIMIT = 50;
const ID_BYTES = 64;
/** Telegram documents no limit for titles and descriptions; the list shows about two lines anyway. */
const LABEL_LIMIT = 200;
const NOTICE_LIMIT = 100;
const STATUS_LIMIT = 60;

/**
 * A card found inline, with the language it is written in (the asker's, else the bot's default), so that
 * the message's own words ("Sources", "Photo:") are in the card's language too.
 */
export interface InlineFound {
  card: Card;
  share: ShareKit;
  language?: string;
}

/** Cards for what a person typed; `locale` is their Telegram app's language, for the cards' words. */
export type InlineSearch = (query: string, limit: number, locale?: string) => Promise<InlineFound[]>;

/**
 * `language`: the words of a result whose card does not say its language: the asker's (matched from their
 * `language_code`), else English.
 */
export function inlineArticles(
  found: ReadonlyArray<InlineFound>,
  language?: string,
): InlineQueryResultArticle[] {
  const ids = new Set<string>();
  return found.slice(0, INLINE_RESULT_LIMIT).map(({ card, share, language: written }, i) => {
    // Result ids must be unique and at most 64 bytes; profile ids normally are, and the index covers the rest.
    const preferred = card.profileId;
    const id =
      preferred && Buffer.byteLength(preferred) <= ID_BYTES && !ids.has(preferred) ? preferred : `#${i}`;
    ids.add(id);
    const { reply_markup, text, parse_mode, link_preview_options } = renderInlineCard(
      card,
      share,
      written ?? language,
    );
    const article: InlineQueryResultArticle = {
      type: "article",
      id,
      title: clip(clean(card.title).trim(), LABEL_LIMIT) || "…",
      description: describe(card),
      input_message_content: { message_text: text, parse_mode, link_preview_options },
    };
    if (reply_markup) article.reply_markup = reply_markup;
    if (card.photo && isWebUrl(card.photo.url)) article.thumbnail_url = card.photo.url;
    return article;
  });
}

/**
 * What the list shows under the name, most important first because the list cuts it short: the notice's
 * first sentence (which for a past campaign says "(a past campaign)"), then country and status date,
 * e.g. "Azerbaijan · Status as of 23 April 2020". The subtitle gives way so the date always fits.
 */
export function describe(card: Card): string {
  const tidy = (text: string) => clean(text).replace(/\s+/g, " ").trim();
  const notice = tidy(card.notice ?? "");
  const first = notice.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? notice;
  const lead = first ? `⚠️ ${clip(first, NOTICE_LIMIT)} ` : "";
  const status = clip(tidy(card.statusAsOf), STATUS_LIMIT);
  const room = LABEL_LIMIT - lead.length - status.length - " · ".length;
  const subtitle = clip(tidy(card.subtitle), room);
  return `${lead}${[subtitle, status].filter(Boolean).join(" · ")}`;
}

export async function answerInline(
  telegram: Telegram,
  query: { id: string; query: string; from?: { language_code?: string } },
  search: InlineSearch,
  logger: Logger,
  defaultLanguage?: string,
): Promise<void> {
  let found: InlineFound[] = [];
  try {
    found = await search(query.query.trim(), INLINE_RESULT_LIMIT, query.from?.language_code);
  } catch (err) {
    logger.error({ platform: "telegram", err }, "inline search failed");
  }
  try {
    // No caching at all: a takedown must take a profile out of search at once, and a cached answer would
    // keep offering it to anyone typing the name. Personal: each answer is in its asker's language.
    await telegram.answerInlineQuery(
      query.id,
      inlineArticles(found, matchLanguage(query.from?.language_code) ?? defaultLanguage),
      { cache_time: 0, is_personal: true },
    );
  } catch (err) {
    logger.warn({ platform: "telegram", err }, "answerInlineQuery failed");
  }
}
