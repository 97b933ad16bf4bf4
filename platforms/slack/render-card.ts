/**
 * A profile card as Block Kit. Parts are fitted in priority order from one text budget (the title, the
 * status date, the share links, the notice and the sources first; the family's story last), then laid out
 * in reading order.
 */
import type { Card, ShareKit } from "../../src/core/reply.ts";
import {
  type Block,
  LIMITS,
  TextBudget,
  context,
  fieldSections,
  header,
  linkButtons,
  mrkdwn,
  mrkdwnSections,
  plain,
  plainSections,
} from "./render-blocks.ts";
import { SOURCES_HEADING, sourceLine } from "./render-sources.ts";
import { fitText, mrkdwnLink, safeUrl } from "./text.ts";

const MAX_FIELDS = 12;
const MAX_SOURCES = 10;
const STORY_HEADING = "*The family’s story*";

export function cardBlocks(
  card: Card,
  options: { intro?: string; share?: ShareKit; photo?: boolean } = {},
): Block[] {
  const budget = new TextBudget();
  const title = budget.take(card.title, LIMITS.header);
  const statusAsOf = budget.take(card.statusAsOf, 300);
  const footerMarkup = footerLine(card);
  const footer = budget.spend(footerMarkup.length) ? footerMarkup : "";
  const share = options.share ? linkButtons(options.share.links, budget) : [];
  const intro = budget.take(options.intro ?? "", 300);
  const notice = card.notice ? budget.take(`⚠️ ${card.notice}`, 1000) : "";
  // Sources before the subtitle, fields and summary: every reply must show them, whatever else is cut.
  const sources = card.sources.slice(0, MAX_SOURCES).map(sourceLine);
  const keptSources = budget.spend(SOURCES_HEADING.length)
    ? sources.filter((line) => budget.spend(line.length + 1))
    : [];
  const subtitle = budget.take(card.subtitle, 300);
  // Labels are mrkdwn (bold): escaped here, and the two asterisks counted.
  const fields = card.fields.slice(0, MAX_FIELDS).map((f) => ({
    label: budget.spend(2) ? budget.take(f.label, 100, true) : "",
    value: budget.take(f.value, 600),
  }));
  const summary = budget.take(card.summary, 4000);
  const photo = options.photo !== false && card.photo ? safeUrl(card.photo.url) : undefined;
  const credit = photo ? budget.take(`Photo: ${card.photo?.credit ?? ""}`, 300) : "";
  const story =
    card.familyStory && budget.spend(STORY_HEADING.length) ? budget.take(card.familyStory, 6000) : "";
  const quote = card.quote ? budget.take(quoteText(card.quote), 1500) : "";

  return [
    ...context(intro ? plain(intro) : undefined),
    ...header(title),
    ...plainSections(notice),
    ...context(subtitle ? plain(subtitle) : undefined),
    ...(photo ? [imageBlock(photo, card.photo?.alt || card.title)] : []),
    ...context(credit ? plain(credit) : undefined),
    ...plainSections(summary),
    ...fieldSections(fields),
    ...context(statusAsOf ? plain(statusAsOf) : undefined),
    ...(story ? [...context(mrkdwn(STORY_HEADING)), ...plainSections(story)] : []),
    ...(quote ? plainSections(quote) : []),
    ...(keptSources.length > 0 ? mrkdwnSections([SOURCES_HEADING, ...keptSources]) : []),
    ...context(footer ? mrkdwn(footer) : undefined),
    ...share,
  ];
}

function imageBlock(url: string, alt: string): Block {
  return { type: "image", image_url: url, alt_text: fitAlt(alt) };
}

function fitAlt(alt: string): string {
  return fitText(alt, LIMITS.altText) || "Photo";
}

/** The hashtag and the campaign's link, as mrkdwn. The hashtag is escaped text, never a channel link. */
function footerLine(card: Card): string {
  const hashtag = fitText(card.hashtag, 100, true);
  const campaign = mrkdwnLink(
    card.campaign.url.length <= 1000 ? card.campaign.url : "",
    card.campaign.name,
    150,
  );
  return [hashtag, campaign].filter(Boolean).join(" · ");
}

function quoteText(quote: NonNullable<Card["quote"]>): string {
  const translated = quote.isTranslation ? " (translated)" : "";
  return `“${quote.text.trim()}”\n— ${quote.attribution.trim()}${translated}`;
}
