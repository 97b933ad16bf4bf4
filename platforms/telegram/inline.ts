/**
 * Inline mode: typing `@OurBot mammadov` in any chat lists matching cards; picking one posts it there.
 * Each result is a single self-contained message (a card within 4,096 characters and its share buttons).
 */
import type { Card, ShareKit } from "../../src/core/reply.ts";
import type { Logger } from "../../src/core/ports.ts";
import type { Telegram } from "telegraf";
import type { InlineQueryResultArticle } from "telegraf/types";
import { renderInlineCard } from "./render.ts";
import { clean, isWebUrl } from "./rich.ts";
import { clip } from "./split.ts";

export const INLINE_RESULT_LIMIT = 50;
const ID_BYTES = 64;

export type InlineSearch = (query: string, limit: number) => Promise<Array<{ card: Card; share: ShareKit }>>;

export function inlineArticles(
  found: ReadonlyArray<{ card: Card; share: ShareKit }>,
): InlineQueryResultArticle[] {
  const ids = new Set<string>();
  return found.slice(0, INLINE_RESULT_LIMIT).map(({ card, share }, i) => {
    // Result ids must be unique and at most 64 bytes; profile ids normally are, and the index covers the rest.
    const preferred = card.profileId;
    const id =
      preferred && Buffer.byteLength(preferred) <= ID_BYTES && !ids.has(preferred) ? preferred : `#${i}`;
    ids.add(id);
    const { reply_markup, text, parse_mode, link_preview_options } = renderInlineCard(card, share);
    const article: InlineQueryResultArticle = {
      type: "article",
      id,
      title: clip(clean(card.title).trim(), 200) || "…",
      description: clip(clean(card.subtitle).trim(), 200),
      input_message_content: { message_text: text, parse_mode, link_preview_options },
    };
    if (reply_markup) article.reply_markup = reply_markup;
    if (card.photo && isWebUrl(card.photo.url)) article.thumbnail_url = card.photo.url;
    return article;
  });
}

export async function answerInline(
  telegram: Telegram,
  query: { id: string; query: string },
  search: InlineSearch,
  logger: Logger,
): Promise<void> {
  let found: Array<{ card: Card; share: ShareKit }> = [];
  try {
    found = await search(query.query.trim(), INLINE_RESULT_LIMIT);
  } catch (err) {
    logger.error({ platform: "telegram", err }, "inline search failed");
  }
  try {
    // Results are public and the same for everyone, so Telegram may cache them briefly.
    await telegram.answerInlineQuery(query.id, inlineArticles(found), { cache_time: 60, is_personal: false });
  } catch (err) {
    logger.warn({ platform: "telegram", err }, "answerInlineQuery failed");
  }
}
