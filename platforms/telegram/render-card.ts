/**
 * A profile card as rich text: the layout shared by command answers, daily posts, inline results and share
 * replies. Blocks are marked for `fitMessage` (fit.ts): free prose is `shrinkable` (shortened, then dropped),
 * and the name, the notice, the "status as of" line and the sources are `keep`, which the safety rules (and
 * a card that must say whom it is about) require on every post and reply. Fields and sources are `tight` lines so each can be shortened alone: a long list of earlier
 * detentions goes before "Status", and every source keeps its link. The card's own words ("Sources",
 * "Photo:", "(translated)") are in `tr`'s language, the reply's.
 */
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import type { Card, ShareKit } from "../../src/core/reply.ts";
import { type Block, type Span, isWebUrl, span } from "./rich.ts";

const line = (): Span => span("\n");

export function cardBlocks(
  card: Card,
  options: { intro?: string; photoLink: boolean },
  tr: Translator = english,
): Block[] {
  const blocks: Block[] = [];
  if (options.intro) blocks.push({ spans: [span(options.intro, { italic: true })], shrinkable: true });
  // The name first: a reader (and a notification's preview) learns whom the card is about before any note.
  const heading = [span(card.title, { bold: true })];
  if (card.subtitle) heading.push(line(), span(card.subtitle));
  blocks.push({ spans: heading, keep: true });
  blocks.push(...noticeBlocks(card));
  if (card.summary) blocks.push({ spans: [span(card.summary)], shrinkable: true });
  card.fields.forEach((field, i) => {
    blocks.push({ spans: [span(`${field.label}: `, { bold: true }), span(field.value)], tight: i > 0 });
  });
  blocks.push(...statusBlocks(card, card.fields.length > 0));
  if (card.familyStory) blocks.push({ spans: [span(card.familyStory)], shrinkable: true });
  if (card.quote) {
    // A quote never goes without the words saying who said it, nor they without it.
    const group = "quote";
    blocks.push({ spans: [span(`“${card.quote.text}”`)], quote: true, shrinkable: true, group });
    const by = card.quote.isTranslation ? "render.quotedByTranslated" : "render.quotedBy";
    const attribution = span(tr.t(by, { attribution: card.quote.attribution }), { italic: true });
    blocks.push({ spans: [attribution], shrinkable: true, group });
  }
  if (card.photo && options.photoLink) {
    const label = `📷 ${tr.t("render.photoLabel")} `;
    blocks.push({ spans: [span(label), span(card.photo.credit, { href: card.photo.url })] });
  }
  blocks.push(...sourceBlocks(card, tr));
  blocks.push({ spans: footer(card) });
  return blocks;
}

/** Said right after the name: e.g. that a past campaign's status may have changed since. */
function noticeBlocks(card: Card): Block[] {
  return card.notice ? [{ spans: [span(`⚠️ ${card.notice}`, { bold: true })], keep: true }] : [];
}

/** "Status as of …", as the last line of the fields when it follows them. */
function statusBlocks(card: Card, tight: boolean): Block[] {
  return card.statusAsOf ? [{ spans: [span(card.statusAsOf, { italic: true })], tight, keep: true }] : [];
}

function sourceBlocks(card: Card, tr: Translator): Block[] {
  if (card.sources.length === 0) return [];
  const blocks: Block[] = [{ spans: [span(tr.t("render.sources"), { bold: true })], keep: true }];
  for (const source of card.sources) {
    const spans = [span("• "), span(source.title, { href: source.url }), span(` — ${source.publisher}`)];
    blocks.push({ spans, tight: true, keep: true });
  }
  return blocks;
}

function footer(card: Card): Span[] {
  const spans = [span(card.hashtag)];
  if (card.campaign.name) spans.push(span(" · "), span(card.campaign.name, { href: card.campaign.url }));
  return spans;
}

/** The caption under a card's photo: who it is and who took the picture; the card follows as text. */
export function captionBlocks(card: Card): Block[] {
  const blocks: Block[] = [{ spans: [span(card.title, { bold: true })] }];
  if (card.photo) blocks.push({ spans: [span(`📷 ${card.photo.credit}`, { italic: true })] });
  return blocks;
}

/**
 * The text to share, with what every reply must show: the notice, the status date and the sources. The
 * sources follow the text, so the hint says "below" for the buttons and points at the text by name.
 */
export function shareBlocks(kit: ShareKit, card: Card, tr: Translator = english): Block[] {
  return [
    { spans: [span(tr.t("render.shareStoryOf", { name: card.title }), { bold: true })] },
    ...noticeBlocks(card),
    { spans: [span(tr.t("render.shareHint"), { italic: true })] },
    { spans: [span(kit.text)], keep: true },
    ...statusBlocks(card, false),
    ...sourceBlocks(card, tr),
  ];
}

/** A photo Telegram may fetch: an http(s) URL. */
export function sendablePhoto(card: Card): string | undefined {
  return card.photo && isWebUrl(card.photo.url) ? card.photo.url : undefined;
}
