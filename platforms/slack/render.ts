/**
 * Replies and scheduled posts as Slack messages: Block Kit plus the plain `text` Slack shows in
 * notifications and to screen readers. Pure: the same input always gives the same message. The message's
 * own words (headings, "Share:", "Photo:") are in the reply's or post's language (English when absent).
 */
import { isolateFor } from "../../src/core/i18n/bidi.ts";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { OutboundPost } from "../../src/core/platform.ts";
import type { Card, Choice, Reply, ShareKit } from "../../src/core/reply.ts";
import { choiceActionId, encodeChoiceValue } from "./actions.ts";
import {
  type Block,
  LIMITS,
  TextBudget,
  context,
  header,
  linkButtons,
  mrkdwnSections,
  plain,
  plainSections,
} from "./render-blocks.ts";
import { cardBlocks } from "./render-card.ts";
import { sourceLines } from "./render-sources.ts";
import { escapeMrkdwn, fitText, linkTarget } from "./text.ts";

export interface SlackMessage {
  /** The notification and accessibility text: mrkdwn, escaped, at most 4,000 characters. */
  text: string;
  blocks: Block[];
}

export interface SlackResponse extends SlackMessage {
  /** Public replies go to the channel; private ones only to the caller. */
  response_type: "in_channel" | "ephemeral";
}

/** At most this many choices as buttons (each is a block); more would not help anyone pick. */
const MAX_CHOICES = 20;

/** `photo: false` leaves a card's photo out (Slack refused the message because it could not fetch it). */
export interface RenderOptions {
  photo?: boolean;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackResponse {
  const response_type = reply.visibility === "public" ? "in_channel" : "ephemeral";
  const tr = translatorFor(reply.language);
  switch (reply.kind) {
    case "text":
      return {
        response_type,
        text: fallback([reply.text]),
        blocks: plainSections(new TextBudget().take(reply.text, 9000)),
      };
    case "card":
      return {
        response_type,
        text: cardFallback(reply.card, reply.intro, reply.share),
        blocks: cardBlocks(
          reply.card,
          { intro: reply.intro, share: reply.share, buttons: reply.buttons, photo: options.photo },
          tr,
        ),
      };
    case "choices":
      return { response_type, ...renderChoices(reply.prompt, reply.choices, tr) };
    case "share":
      return { response_type, ...renderShare(reply.kit, reply.card, tr) };
  }
}

export function renderPost(post: OutboundPost, options: RenderOptions = {}): SlackMessage {
  return {
    text: cardFallback(post.card, post.intro, post.share),
    blocks: cardBlocks(
      post.card,
      { intro: post.intro, share: post.share, buttons: post.buttons, photo: options.photo },
      translatorFor(post.language),
    ),
  };
}

/** A release announcement: its sentence, then the source's link (posted without unfurling). */
export function renderAnnouncement(text: string, url: string): SlackMessage {
  const href = linkTarget(url);
  const link = href ? mrkdwnSections([`<${href}>`]) : [];
  return {
    text: fallback([text], url),
    blocks: [...plainSections(new TextBudget().take(text, 3000)), ...link],
  };
}

/** A short notice to a channel's moderators, in that channel (a cancelled spotlight). */
export function renderNotice(text: string): SlackMessage {
  return { text: fallback([text]), blocks: plainSections(new TextBudget().take(`ℹ️ ${text}`, 3000)) };
}

/**
 * A notice to one moderator in a direct message, about a channel: the channel as a link (`<#C…>`, which
 * Slack shows by name to whoever may see it), then the text as plain text, both in the notice's language.
 */
export function renderPrivateNotice(channelId: string, text: string, language?: string): SlackMessage {
  // The words are escaped; the link between them is our own markup (a private-use mark holds its place).
  const tr = translatorFor(language);
  const [before = "", after = ""] = escapeMrkdwn(tr.t("render.aboutChannel", { channel: "\uE000" })).split(
    "\uE000",
  );
  const about = `ℹ️ ${before}${isolateFor(`<#${channelId}>`, tr.direction)}${after}`;
  return {
    text: `${about} ${fallback([text])}`,
    blocks: [...mrkdwnSections([about]), ...plainSections(new TextBudget().take(text, 3000))],
  };
}

function renderChoices(prompt: string, choices: Choice[], tr: Translator): SlackMessage {
  const budget = new TextBudget();
  const blocks: Block[] = plainSections(budget.take(prompt, 1000));
  choices.slice(0, MAX_CHOICES).forEach((choice, index) => {
    const value = encodeChoiceValue(choice);
    const label = budget.take(choice.label, LIMITS.buttonText);
    const text = [label, budget.take(choice.detail, 200)].filter(Boolean).join("\n");
    if (!value || !label || !budget.spend(label.length)) return;
    blocks.push({
      type: "section",
      text: plain(text),
      accessory: { type: "button", text: plain(label), action_id: choiceActionId(index), value },
    });
  });
  const more = choices.length - MAX_CHOICES;
  if (more > 0) blocks.push(...context(plain(tr.t("render.moreChoices", { count: more }))));
  return { text: fallback([prompt, ...choices.slice(0, MAX_CHOICES).map((c) => `• ${c.label}`)]), blocks };
}

/** What the sources of a share reply may take; with the rest capped too, the reply stays under the budget. */
const SHARE_SOURCES_MAX = 4000;

/**
 * The text to paste and one-click links, said with the card's notice, its "status as of" date and its
 * sources, so whoever shares it knows how current it is. Those are budgeted first; the text to paste last.
 */
function renderShare(kit: ShareKit, card: Card, tr: Translator): SlackMessage {
  const budget = new TextBudget();
  const shareTitle = tr.t("render.shareTitle", { title: card.title });
  const title = budget.take(shareTitle, LIMITS.header);
  const notice = card.notice ? budget.take(`⚠️ ${card.notice}`, 1000) : "";
  const statusAsOf = budget.take(card.statusAsOf, 300);
  const listed = sourceLines(card.sources, SHARE_SOURCES_MAX, tr);
  const sources = budget.spend(listed.join("\n").length) ? listed : [];
  const links = linkButtons(kit.links, budget);
  const text = budget.take(kit.text, 3000);
  const blocks: Block[] = [
    ...header(title),
    ...plainSections(notice),
    ...plainSections(text),
    ...links,
    ...context(statusAsOf ? plain(statusAsOf) : undefined),
    ...mrkdwnSections(sources),
  ];
  return {
    text: fallback([shareTitle, card.notice ?? "", kit.text, card.statusAsOf], kit.url),
    blocks,
  };
}

function cardFallback(card: Card, intro: string | undefined, share: ShareKit | undefined): string {
  return fallback(
    [
      intro ?? "",
      fitText(card.title, 200),
      card.notice ?? "",
      fitText(card.subtitle, 300),
      card.statusAsOf,
      fitText(card.summary, 1000),
      card.hashtag,
    ],
    share?.url ?? card.campaign.url,
  );
}

/**
 * The message's `text`. Slack parses it as mrkdwn (mentions included) even when blocks are present, so it
 * is escaped like every other mrkdwn text, and kept to Slack's 4,000-character guideline.
 */
function fallback(lines: string[], url?: string): string {
  const href = url ? linkTarget(url) : undefined;
  // The link is our own markup, so it is not escaped (escaping would put zero-width spaces inside it).
  const link = href && href.length < 1000 ? `\n<${href}>` : "";
  const raw = lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
  return (fitText(raw, LIMITS.fallbackText - link.length, true) || escapeMrkdwn("FreeToBeHome")) + link;
}
