/**
 * A profile card as Block Kit. Parts are fitted in priority order from one text budget (the title, the
 * status date and the share links first; the family's story last), then laid out in reading order.
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
} from "./blocks.ts";
import { fitText, mrkdwnLink, safeUrl } from "./text.ts";

const MAX_FIELDS = 12;
const MAX_SOURCES = 10;
const STORY_HEADING = "*The family’s story*";
const SOURCES_HEADING = "*Sources*";

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
  const subtitle = budget.take(card.subtitle, 300);
  // Labels are mrkdwn (bold): escaped here, and the two asterisks counted.
  const fields = card.fields.slice(0, MAX_FIELDS).map((f) => ({
    label: budget.spend(2) ? budget.take(f.label, 100, true) : "",
    value: budget.take(f.value, 600),
  }));
  const summary = budget.take(card.summary, 4000);
  const sources = card.sources.slice(0, MAX_SOURCES).map((s) => sourceLine(s.url, s.title, s.publisher));
  const keptSources = budget.spend(SOURCES_HEADING.length)
    ? sources.filter((line) => budget.spend(line.length + 1))
    : [];
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

/** `• <url|title> — publisher`, every part escaped; short enough never to need splitting. */
function sourceLine(url: string, title: string, publisher: string): string {
  const link = mrkdwnLink(url.length <= 1000 ? url : "", title, 200);
  const by = publisher.trim() ? ` — ${fitText(publisher, 100, true)}` : "";
  return `• ${link}${by}`;
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
