/**
 * Replies and posts → Telegram send parameters, pure. HTML parse mode from escaped plain text (see rich.ts),
 * link previews off, share links and choices as inline keyboards. The message's own words are in the reply's
 * or post's language (English when absent), and are fitted to Telegram's limits with the rest.
 */
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { OutboundPost } from "../../src/core/platform.ts";
import type { Card, Choice, Reply, ReplyButton, ShareKit } from "../../src/core/reply.ts";
import { privateCommandData } from "./choices.ts";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import { captionBlocks, cardBlocks, sendablePhoto, shareBlocks } from "./render-card.ts";
import { type Block, clean, isWebUrl, span, toHtml } from "./rich.ts";
import { fitMessage } from "./render-fit.ts";
import { linkPreviewOf } from "./render-options.ts";
import { clip, splitMessages } from "./split.ts";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
/** More buttons than this turn a pick list into a wall; commands send short lists anyway. */
const MAX_CHOICES = 20;
const BUTTON_LABEL_LIMIT = 60;

export interface TextParams {
  text: string;
  parse_mode: "HTML";
  /** Off everywhere, except on a post whose subscription asked for previews (render-options.ts). */
  link_preview_options: { is_disabled: boolean };
  reply_markup?: InlineKeyboardMarkup;
}

export type Outgoing = ({ kind: "text" } & TextParams) | { kind: "photo"; photo: string; caption: string };

export interface RenderOptions {
  /** callback_data for a choice (at most 64 bytes); the glue owns any state behind it. */
  encodeChoice(choice: Choice): string;
}

function textParams(blocks: Block[], keyboard?: InlineKeyboardMarkup): TextParams {
  const params: TextParams = {
    text: toHtml(blocks),
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  };
  if (keyboard && keyboard.inline_keyboard.length > 0) params.reply_markup = keyboard;
  return params;
}

/** Several messages when needed (paragraph-aligned); the keyboard rides on the last one. */
function messages(blocks: Block[], keyboard?: InlineKeyboardMarkup): Outgoing[] {
  const parts = splitMessages(blocks, TEXT_LIMIT);
  return parts.map((part, i) => ({
    kind: "text",
    ...textParams(part, i === parts.length - 1 ? keyboard : undefined),
  }));
}

export function renderReply(reply: Reply, options: RenderOptions): Outgoing[] {
  const tr = translatorFor(reply.language);
  switch (reply.kind) {
    case "text": {
      const mark = reply.tone === "error" ? "⚠️ " : reply.tone === "success" ? "✅ " : "";
      return messages([{ spans: [span(mark + reply.text)] }]);
    }
    case "card": {
      const photo = sendablePhoto(reply.card);
      const head: Outgoing[] = photo
        ? [{ kind: "photo", photo, caption: toHtml(fitMessage(captionBlocks(reply.card), CAPTION_LIMIT)) }]
        : [];
      const blocks = cardBlocks(reply.card, { intro: reply.intro, photoLink: !photo }, tr);
      return [...head, ...messages(blocks, cardKeyboard(reply.buttons, reply.share))];
    }
    case "share":
      // One message: the hint points at the text and at the buttons under this very message.
      return [
        {
          kind: "text",
          ...textParams(
            fitMessage(shareBlocks(reply.kit, reply.card, tr), TEXT_LIMIT),
            shareKeyboard(reply.kit),
          ),
        },
      ];
    case "choices": {
      const shown = reply.choices.slice(0, MAX_CHOICES);
      const blocks: Block[] = [{ spans: [span(reply.prompt, { bold: true })] }];
      shown.forEach((c, i) => blocks.push({ spans: [span(`${i + 1}. ${c.label}`), span(` — ${c.detail}`)] }));
      const rows = shown.map((c, i) => [
        { text: buttonLabel(`${i + 1}. ${c.label}`), callback_data: options.encodeChoice(c) },
      ]);
      return messages(blocks, { inline_keyboard: rows });
    }
  }
}

/**
 * A daily post or spotlight: exactly one message, because Telegram can't dedupe a half-sent series. Link
 * previews as its subscription asks (off by default); where it goes and how it notifies: `placementOf`.
 */
export function renderPost(post: OutboundPost): TextParams {
  const blocks = cardBlocks(post.card, { intro: post.intro, photoLink: true }, translatorFor(post.language));
  const params = textParams(fitMessage(blocks, TEXT_LIMIT), cardKeyboard(post.buttons, post.share));
  return { ...params, link_preview_options: linkPreviewOf(post.options) };
}

/** An inline-mode result: one message a user drops into any chat. */
export function renderInlineCard(card: Card, share: ShareKit, language?: string): TextParams {
  const tr = translatorFor(language);
  const blocks = cardBlocks(card, { photoLink: true }, tr);
  const keyboard = shareKeyboard(share);
  // Dropped into any chat, the card offers the profile in a private chat with the bot (its deep link).
  if (share.botLink && isWebUrl(share.botLink))
    keyboard.inline_keyboard.push([
      { text: buttonLabel(tr.t("deeplink.openPrivately")), url: share.botLink },
    ]);
  return textParams(fitMessage(blocks, TEXT_LIMIT), keyboard);
}

/** A release announcement: its sentence, then the source as a link (no preview). */
export function renderAnnouncement(text: string, url: string): TextParams {
  return textParams(fitMessage([{ spans: [span(text)] }, { spans: [span(url, { href: url })] }], TEXT_LIMIT));
}

export function renderNotice(text: string): TextParams {
  return textParams(fitMessage([{ spans: [span(`🔔 ${text}`)] }], TEXT_LIMIT));
}

function buttonLabel(text: string): string {
  return clip(clean(text).trim(), BUTTON_LABEL_LIMIT) || "…";
}

/**
 * A card's or post's keyboard: its own buttons on the first row ("What you can do" as private-answer
 * callback data, "Read more" as a URL button), then the share links. A button Telegram cannot carry (data
 * over 64 bytes, a link that is not http(s)) is left out.
 */
export function cardKeyboard(buttons: readonly ReplyButton[] = [], share?: ShareKit): InlineKeyboardMarkup {
  const own: InlineKeyboardButton[] = [];
  for (const button of buttons) {
    if (button.kind === "link") {
      if (isWebUrl(button.url)) own.push({ text: buttonLabel(button.label), url: button.url });
      continue;
    }
    const data = privateCommandData(button.command, button.args);
    if (data) own.push({ text: buttonLabel(button.label), callback_data: data });
  }
  const rows = share ? shareKeyboard(share).inline_keyboard : [];
  return { inline_keyboard: own.length > 0 ? [own, ...rows] : rows };
}

/** Share links as URL buttons, three per row; only http(s) links, which Telegram accepts on buttons. */
export function shareKeyboard(kit: ShareKit): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = kit.links
    .filter((l) => isWebUrl(l.url))
    .map((l) => ({ text: buttonLabel(l.label), url: l.url }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  return { inline_keyboard: rows };
}
