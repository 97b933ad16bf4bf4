/**
 * A profile card as paragraphs of rich text: the layout shared by command answers, daily posts and inline
 * results. Free prose (summary, family story, quote) is marked shrinkable so `fitMessage` shortens it first.
 */
import type { Card, ShareKit } from "../../src/core/reply.ts";
import { type Block, type Span, isWebUrl, span } from "./rich.ts";

const line = (): Span => span("\n");

export function cardBlocks(card: Card, options: { intro?: string; photoLink: boolean }): Block[] {
  const blocks: Block[] = [];
  if (options.intro) blocks.push({ spans: [span(options.intro, { italic: true })] });
  if (card.notice) blocks.push({ spans: [span(`⚠️ ${card.notice}`, { bold: true })] });
  const heading = [span(card.title, { bold: true })];
  if (card.subtitle) heading.push(line(), span(card.subtitle));
  blocks.push({ spans: heading });
  if (card.summary) blocks.push({ spans: [span(card.summary)], shrinkable: true });
  if (card.fields.length > 0 || card.statusAsOf) {
    const spans: Span[] = [];
    for (const field of card.fields) {
      if (spans.length > 0) spans.push(line());
      spans.push(span(`${field.label}: `, { bold: true }), span(field.value));
    }
    if (card.statusAsOf) {
      if (spans.length > 0) spans.push(line());
      spans.push(span(card.statusAsOf, { italic: true }));
    }
    blocks.push({ spans });
  }
  if (card.familyStory) blocks.push({ spans: [span(card.familyStory)], shrinkable: true });
  if (card.quote) {
    blocks.push({ spans: [span(`“${card.quote.text}”`)], quote: true, shrinkable: true });
    const translated = card.quote.isTranslation ? " (translated)" : "";
    blocks.push({ spans: [span(`— ${card.quote.attribution}${translated}`, { italic: true })] });
  }
  if (card.photo && options.photoLink) {
    blocks.push({ spans: [span("📷 Photo: "), span(card.photo.credit, { href: card.photo.url })] });
  }
  if (card.sources.length > 0) {
    const spans: Span[] = [span("Sources", { bold: true })];
    for (const source of card.sources) {
      spans.push(
        line(),
        span("• "),
        span(source.title, { href: source.url }),
        span(` — ${source.publisher}`),
      );
    }
    blocks.push({ spans });
  }
  blocks.push({ spans: footer(card) });
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

export function shareBlocks(kit: ShareKit, card: Card): Block[] {
  return [
    { spans: [span(`Share the story of ${card.title}`, { bold: true })] },
    { spans: [span(kit.text)], shrinkable: true },
    { spans: [span("Copy the text above, or use a button below.", { italic: true })] },
  ];
}

/** A photo Telegram may fetch: an http(s) URL. */
export function sendablePhoto(card: Card): string | undefined {
  return card.photo && isWebUrl(card.photo.url) ? card.photo.url : undefined;
}
