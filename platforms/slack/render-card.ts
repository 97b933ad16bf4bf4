/**
 * A profile card as Block Kit. Parts are fitted in priority order from one text budget (the title, the
 * status date, the share links, the notice and the sources first; the family's story last), then laid out
 * in reading order.
 */
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import type { Card, ReplyButton, ShareKit } from "../../src/core/reply.ts";
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
import { sourceLine, sourcesHeading } from "./render-sources.ts";
import { fitText, mrkdwnLink, safeUrl } from "./text.ts";

const MAX_FIELDS = 12;
const MAX_SOURCES = 10;

/** The card's own words (headings, "Photo:", "(translated)") are in `tr`'s language, the reply's. */
export function cardBlocks(
  card: Card,
  options: { intro?: string; share?: ShareKit; buttons?: readonly ReplyButton[]; photo?: boolean } = {},
  tr: Translator = english,
): Block[] {
  const budget = new TextBudget();
  const storyHeading = `*${fitText(tr.t("render.familyStoryHeading"), 100, true)}*`;
  const sourcesTitle = sourcesHeading(tr);
  const title = budget.take(card.title, LIMITS.header);
  const statusAsOf = budget.take(card.statusAsOf, 300);
  const footerMarkup = footerLine(card);
  const footer = budget.spend(footerMarkup.length) ? footerMarkup : "";
  const share = linkButtons(options.share?.links ?? [], budget, options.buttons);
  const intro = budget.take(options.intro ?? "", 300);
  const notice = card.notice ? budget.take(`⚠️ ${card.notice}`, 1000) : "";
  // Sources before the subtitle, fields and summary: every reply must show them, whatever else is cut.
  const sources = card.sources.slice(0, MAX_SOURCES).map(sourceLine);
  const keptSources = budget.spend(sourcesTitle.length)
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
  const credit = photo
    ? budget.take(tr.t("render.photoCredit", { credit: card.photo?.credit ?? "" }), 300)
    : "";
  const story =
    card.familyStory && budget.spend(storyHeading.length) ? budget.take(card.familyStory, 6000) : "";
  const quote = card.quote ? budget.take(quoteText(card.quote, tr), 1500) : "";

  return [
    ...context(intro ? plain(intro) : undefined),
    ...header(title),
    ...plainSections(notice),
    ...context(subtitle ? plain(subtitle) : undefined),
    ...(photo ? [imageBlock(photo, card.photo?.alt || card.title, tr)] : []),
    ...context(credit ? plain(credit) : undefined),
    ...plainSections(summary),
    ...fieldSections(fields),
    ...context(statusAsOf ? plain(statusAsOf) : undefined),
    ...(story ? [...context(mrkdwn(storyHeading)), ...plainSections(story)] : []),
    ...(quote ? plainSections(quote) : []),
    ...(keptSources.length > 0 ? mrkdwnSections([sourcesTitle, ...keptSources]) : []),
    ...context(footer ? mrkdwn(footer) : undefined),
    ...share,
  ];
}

function imageBlock(url: string, alt: string, tr: Translator): Block {
  return { type: "image", image_url: url, alt_text: fitText(alt, LIMITS.altText) || tr.t("render.photo") };
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

function quoteText(quote: NonNullable<Card["quote"]>, tr: Translator): string {
  const attribution = quote.attribution.trim();
  const by = tr.t(quote.isTranslation ? "render.quotedByTranslated" : "render.quotedBy", { attribution });
  return `“${quote.text.trim()}”\n${by}`;
}
