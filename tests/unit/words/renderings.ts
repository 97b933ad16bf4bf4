/**
 * Every platform's rendering of a reply, post or notice as the lines a person reads, in reading order:
 * markup, escapes and link targets taken out, button labels kept. Notification text (Slack's `text`,
 * which Slack shows in notifications and to screen readers) is kept apart, since it has no layout.
 */
import { renderReply as renderConsole } from "../../../platforms/console/render.ts";
import {
  type RenderedMessage,
  renderPost as renderDiscordPost,
  renderReply as renderDiscord,
} from "../../../platforms/discord/render.ts";
import type { Block } from "../../../platforms/slack/render-blocks.ts";
import {
  renderNotice as renderSlackNotice,
  renderPost as renderSlackPost,
  renderPrivateNotice as renderSlackPrivateNotice,
  renderReply as renderSlack,
  type SlackMessage,
} from "../../../platforms/slack/render.ts";
import { inlineArticles } from "../../../platforms/telegram/inline.ts";
import {
  type Outgoing,
  renderNotice as renderTelegramNotice,
  renderPost as renderTelegramPost,
  renderReply as renderTelegram,
  type TextParams,
} from "../../../platforms/telegram/render.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import type { Card, Reply, ShareKit } from "../../../src/core/reply.ts";

export type Where = "console" | "discord" | "slack" | "telegram" | "telegram inline";

export interface Rendering {
  where: Where;
  /** What the message shows, line by line. */
  lines: string[];
  /** Text seen elsewhere: a notification, an inline result's description. */
  also: string[];
}

const splitLines = (text: string) => text.split("\n");

// === Discord ==================================================================================

/** Discord markdown as read: escapes and bold/italic markers out, masked links as their label. */
function discordText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|(?<!\\)\*/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "");
}

function discordLines(message: RenderedMessage): string[] {
  const lines: string[] = [];
  if (message.content) lines.push(...splitLines(message.content));
  for (const embed of message.embeds) {
    if (embed.title) lines.push(embed.title);
    if (embed.description) lines.push(...splitLines(embed.description));
    for (const field of embed.fields ?? []) lines.push(field.name, ...splitLines(field.value));
    if (embed.footer) lines.push(embed.footer.text);
  }
  for (const row of message.components)
    for (const button of row.components) if ("label" in button && button.label) lines.push(button.label);
  return lines.map(discordText);
}

// === Slack ====================================================================================

/**
 * Slack mrkdwn as read: entities decoded, zero-width spaces out, `<url|label>` as its label, and a channel
 * link as the channel's name, which is what Slack shows for it.
 */
function slackText(text: string): string {
  return text
    .replace(/<#[A-Z0-9]+(?:\|[^>]*)?>/g, "#general")
    .replace(/<[^|>]*\|([^>]*)>/g, "$1")
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function slackBlockTexts(block: Block): string[] {
  const b = block as {
    type: string;
    text?: { text: string };
    fields?: Array<{ text: string }>;
    elements?: Array<{ text?: string | { text: string } }>;
  };
  if (b.type === "image") return [];
  const texts: string[] = [];
  if (b.text) texts.push(b.text.text);
  for (const field of b.fields ?? []) texts.push(field.text);
  for (const element of b.elements ?? []) {
    const text = typeof element.text === "string" ? element.text : element.text?.text;
    if (text) texts.push(text);
  }
  return texts;
}

function slackRendering(message: SlackMessage): Rendering {
  return {
    where: "slack",
    lines: message.blocks.flatMap(slackBlockTexts).flatMap(splitLines).map(slackText),
    also: [slackText(message.text)],
  };
}

// === Telegram =================================================================================

/** Telegram HTML as read: tags out, entities decoded, the word joiner after "@" out. */
function telegramText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\u2060/g, "");
}

function telegramLines(parts: ReadonlyArray<Outgoing | TextParams>): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const html = "caption" in part ? part.caption : part.text;
    lines.push(...splitLines(telegramText(html)));
    const keyboard = "reply_markup" in part ? part.reply_markup : undefined;
    for (const row of keyboard?.inline_keyboard ?? []) for (const button of row) lines.push(button.text);
  }
  return lines;
}

// === Everywhere ===============================================================================

export function renderEverywhere(reply: Reply): Rendering[] {
  return [
    { where: "console", lines: splitLines(renderConsole(reply)), also: [] },
    { where: "discord", lines: discordLines(renderDiscord(reply)), also: [] },
    slackRendering(renderSlack(reply)),
    {
      where: "telegram",
      lines: telegramLines(renderTelegram(reply, { encodeChoice: () => "choice" })),
      also: [],
    },
  ];
}

/** A scheduled post: the console prints it as a card reply (platforms/console/render.ts, renderPost). */
export function renderPostEverywhere(post: OutboundPost): Rendering[] {
  const asReply: Reply = {
    kind: "card",
    card: post.card,
    intro: post.intro,
    share: post.share,
    visibility: "public",
  };
  return [
    { where: "console", lines: splitLines(renderConsole(asReply)), also: [] },
    { where: "discord", lines: discordLines(renderDiscordPost(post)), also: [] },
    slackRendering(renderSlackPost(post)),
    { where: "telegram", lines: telegramLines([renderTelegramPost(post)]), also: [] },
  ];
}

/** A card offered in Telegram's inline mode: the message it posts, and the result's title and description. */
export function renderInline(card: Card, share: ShareKit): Rendering {
  const [article] = inlineArticles([{ card, share }]);
  if (!article || !("message_text" in article.input_message_content)) throw new Error("no inline article");
  return {
    where: "telegram inline",
    lines: splitLines(telegramText(article.input_message_content.message_text)),
    also: [article.title, article.description ?? ""],
  };
}

/** A notice to a channel's moderators, or (`privately`) to one of them about a channel. */
export function renderNoticeEverywhere(text: string): Rendering[] {
  return [
    { where: "console", lines: splitLines(text), also: [] },
    { where: "discord", lines: splitLines(discordText(text)), also: [] },
    slackRendering(renderSlackNotice(text)),
    slackRendering(renderSlackPrivateNotice("C0123ABCD", text)),
    { where: "telegram", lines: telegramLines([renderTelegramNotice(text)]), also: [] },
  ];
}
