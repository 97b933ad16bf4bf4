/**
 * Reply and OutboundPost → a Discord message body (content, embeds, components), pure. Every result fits
 * Discord's limits whatever the input, so a long or hostile profile is cut, never rejected. Mentions are
 * switched off by the caller (`allowed_mentions`), and text is escaped here as well, so nothing can ping.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { OutboundPost } from "../../src/core/platform.ts";
import type { Card, Choice, Reply, ReplyButton, ShareKit, Visibility } from "../../src/core/reply.ts";
import { cardEmbed, noticeText, sourcesField } from "./render-embed.ts";
import { EMBED_LIMITS, embedField, embedLength, fitTotal } from "./render-embed-parts.ts";
import { encodeChoiceId } from "./ids.ts";
import { clip, escapeCodeBlock, escapeText, safeUrl, spill } from "./text.ts";

export const CONTENT_MAX = 2000;
const BUTTONS_PER_ROW = 5;
const ROWS_MAX = 5;
const BUTTON_LABEL_MAX = 80;
/** A hashtag is one word; more than this is not one. */
const HASHTAG_MAX = 256;
const TONE_COLOUR = { info: 0x5865f2, success: 0x57f287, error: 0xed4245 } as const;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  visibility: Visibility;
}

/** The message's own words (labels, "Sources", "Share") are in `reply.language` (English when absent). */
export function renderReply(reply: Reply): RenderedMessage {
  const tr = translatorFor(reply.language);
  switch (reply.kind) {
    case "text":
      return {
        ...textBody(reply.text, TONE_COLOUR[reply.tone]),
        components: [],
        visibility: reply.visibility,
      };
    case "card":
      return {
        content: reply.intro ? clip(escapeText(reply.intro), CONTENT_MAX) : undefined,
        embeds: [cardEmbed(reply.card, tr)],
        components: cardButtons(reply.buttons, reply.share),
        visibility: reply.visibility,
      };
    case "choices":
      return choicesBody(reply.prompt, reply.choices, reply.visibility);
    case "share":
      return shareBody(reply.kit, reply.card, reply.visibility, tr);
  }
}

/** A scheduled post: the intro line, the card, and the share links as buttons. */
export function renderPost(post: OutboundPost): RenderedMessage {
  return {
    content: clip(escapeText(post.intro), CONTENT_MAX),
    embeds: [cardEmbed(post.card, translatorFor(post.language))],
    components: cardButtons(post.buttons, post.share),
    visibility: "public",
  };
}

/** Short text as content; longer text spills into embed descriptions (4,096 each, 6,000 in all). */
function textBody(text: string, colour: number): Pick<RenderedMessage, "content" | "embeds"> {
  // Trimmed, because Discord trims and then refuses a message left empty.
  const escaped = escapeText(text.trim());
  if (escaped.length <= CONTENT_MAX) return { content: escaped || "—", embeds: [] };
  const [first = "", second] = spill(escaped, EMBED_LIMITS.description, 2);
  const embeds: APIEmbed[] = [{ description: first, color: colour }];
  const room = EMBED_LIMITS.total - first.length;
  if (second && room > 16) embeds.push({ description: clip(second, room), color: colour });
  return { embeds };
}

function choicesBody(prompt: string, choices: readonly Choice[], visibility: Visibility): RenderedMessage {
  const lines = choices.map((c, i) => `**${i + 1}.** ${escapeText(c.label)}: ${escapeText(c.detail)}`);
  const list = fitTotal(
    { description: clip(lines.join("\n"), EMBED_LIMITS.description) },
    EMBED_LIMITS.total,
  );
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const [i, choice] of choices.entries()) {
    // A choice whose command does not fit in a custom_id stays in the list, just without a button;
    // Discord refuses two buttons with the same custom_id in one message.
    const customId = encodeChoiceId(choice.command, choice.args);
    if (!customId || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: customId,
      label: clip(`${i + 1}. ${choice.label}`, BUTTON_LABEL_MAX),
    });
  }
  return {
    // A message needs some text: the prompt, the list, or at least a dash.
    content: clip(escapeText(prompt.trim()), CONTENT_MAX) || (list.description ? undefined : "—"),
    embeds: list.description ? [list] : [],
    components: rows(buttons),
    visibility,
  };
}

/**
 * The text to paste in a code block (easy to copy, nothing inside formats), plus one-click links. Like a
 * card, it says the notice first, the sources and the "status as of" date, so whoever shares it knows how
 * current it is; only the text to paste is cut to make room for them.
 */
function shareBody(kit: ShareKit, card: Card, visibility: Visibility, tr: Translator): RenderedMessage {
  const fence = "```";
  const notice = noticeText(card);
  const embed: APIEmbed = {
    title: clip(escapeText(tr.t("render.shareTitle", { title: card.title })), EMBED_LIMITS.title),
    fields: [
      embedField(tr.t("render.hashtag"), clip(escapeText(kit.hashtag), HASHTAG_MAX), true),
      ...sourcesField(card, tr),
    ],
    footer: { text: clip(card.statusAsOf.trim(), EMBED_LIMITS.footer) || "—" },
  };
  const lead = notice ? `${notice}\n\n${fence}\n` : `${fence}\n`;
  const tail = `\n${fence}`;
  // The rest (title 256, notice 1,004, fences 10, hashtag 263, sources 1,031, footer 2,048) is at most
  // 4,612 characters, so the text always keeps at least 1,388.
  const room = Math.min(
    EMBED_LIMITS.description - lead.length - tail.length,
    EMBED_LIMITS.total - embedLength(embed) - lead.length - tail.length,
  );
  embed.description = `${lead}${clip(escapeCodeBlock(kit.text), room)}${tail}`;
  const url = safeUrl(kit.url, 2048);
  if (url) embed.url = url;
  return { embeds: [embed], components: shareButtons(kit), visibility };
}

/**
 * Link buttons for the share networks. Discord only opens http(s) links from buttons, so a `mailto:`
 * (e-mail) link has no button; the paste-ready text in the share reply covers that case.
 */
export function shareButtons(kit: ShareKit): ButtonRow[] {
  const buttons: APIButtonComponent[] = [];
  for (const link of kit.links) {
    const url = safeUrl(link.url);
    if (!url) continue;
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      url,
      label: clip(link.label, BUTTON_LABEL_MAX) || link.network,
    });
  }
  return rows(buttons);
}

/**
 * A card's or post's buttons: its own first ("What you can do" re-runs `act` for the presser through the
 * choice id; "Read more" links), then the share links. A button Discord cannot carry (custom_id over 100
 * characters, a link that is not http(s)) is left out.
 */
export function cardButtons(own: readonly ReplyButton[] = [], share?: ShareKit): ButtonRow[] {
  const buttons: APIButtonComponent[] = [];
  for (const button of own) {
    const label = clip(button.label, BUTTON_LABEL_MAX) || "…";
    if (button.kind === "link") {
      const url = safeUrl(button.url);
      if (url) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url, label });
      continue;
    }
    const customId = encodeChoiceId(button.command, button.args);
    if (customId)
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label });
  }
  // Own buttons on a row of their own, so they never share one with (or push out) a share link.
  const ownRows = rows(buttons);
  return [...ownRows, ...(share ? shareButtons(share) : [])].slice(0, ROWS_MAX);
}

/** At most five buttons per row and five rows; anything beyond is dropped. */
function rows(buttons: readonly APIButtonComponent[]): ButtonRow[] {
  const out: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && out.length < ROWS_MAX; i += BUTTONS_PER_ROW) {
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return out;
}
