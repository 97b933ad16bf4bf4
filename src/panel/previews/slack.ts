/**
 * A Slack message as Slack draws it, from the blocks the Slack adapter sends: header, section (its text
 * and its two-column fields), context, divider, image (named, not loaded: the panel loads nothing from
 * elsewhere) and the actions' buttons. mrkdwn (bold, italic, strike, code, `<url|label>` links, the
 * entities &amp; &lt; &gt;, and the zero-width spaces that escape a marker) is read into escaped HTML;
 * plain_text is text.
 */
import { type Html, html, type HtmlPart } from "../html.ts";
import { inlineMarkup, previewLink } from "./inline.ts";

/** A Block Kit block or element as data: what a preview reads of it is checked as it is read. */
type Json = Readonly<Record<string, unknown>>;
const field = (o: unknown, key: string): unknown =>
  o !== null && typeof o === "object" ? (o as Json)[key] : undefined;
const str = (o: unknown, key: string): string | undefined => {
  const value = field(o, key);
  return typeof value === "string" ? value : undefined;
};
const list = (o: unknown, key: string): readonly unknown[] => {
  const value = field(o, key);
  return Array.isArray(value) ? value : [];
};

const ZWSP = "\u200b";
const TOKEN = new RegExp(
  [
    `${ZWSP}([*_~\`])${ZWSP}`,
    "<([^<>|\\s]+)(?:\\|([^<>]*))?>",
    "\\*([^*\\n]+)\\*",
    "_([^_\\n]+)_",
    "~([^~\\n]+)~",
    "`([^`\\n]+)`",
  ].join("|"),
);

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };
const decode = (text: string) => text.replace(/&(amp|lt|gt);/g, (e) => ENTITIES[e] ?? e).replaceAll(ZWSP, "");

/** Slack's mrkdwn as escaped HTML. */
export function slackMrkdwn(text: string): Html {
  return inlineMarkup(
    text,
    TOKEN,
    (m, inner) => {
      if (m[1] !== undefined) return m[1];
      if (m[2] !== undefined) {
        const target = decode(m[2]);
        // <@U1>, <#C1>, <!here>: a mention, which the bot never sends; shown as the text it is.
        if (!/^https?:\/\//i.test(target)) return decode(m[0]);
        return previewLink(target, m[3] === undefined ? html`${target}` : inner(m[3]));
      }
      if (m[4] !== undefined) return html`<strong>${inner(m[4])}</strong>`;
      if (m[5] !== undefined) return html`<em>${inner(m[5])}</em>`;
      if (m[6] !== undefined) return html`<s>${inner(m[6])}</s>`;
      return html`<code>${decode(m[7] ?? "")}</code>`;
    },
    decode,
  );
}

/** A text object: mrkdwn read as markup, plain_text as text. */
const textOf = (t: unknown): HtmlPart => {
  const text = str(t, "text");
  return text === undefined ? "" : str(t, "type") === "mrkdwn" ? slackMrkdwn(text) : text;
};

function block(b: unknown): HtmlPart {
  switch (str(b, "type")) {
    case "header":
      return html`<div class="sl-header">${textOf(field(b, "text"))}</div>`;
    case "section":
      return html`<div class="sl-section">${field(b, "text") ? html`<div class="sl-text">${textOf(field(b, "text"))}</div>` : ""}${
        list(b, "fields").length > 0
          ? html`<div class="sl-fields">${list(b, "fields").map((f) => html`<div class="sl-field">${textOf(f)}</div>`)}</div>`
          : ""
      }</div>`;
    case "context":
      return html`<div class="sl-context">${list(b, "elements").map(
        (e) => html`<span>${str(e, "type") === "image" ? `[${str(e, "alt_text") ?? ""}]` : textOf(e)}</span>`,
      )}</div>`;
    case "divider":
      return html`<hr class="sl-divider">`;
    case "image":
      return html`<div class="sl-image">[${str(b, "alt_text") ?? ""}]</div>`;
    case "actions":
      return html`<div class="sl-actions">${list(b, "elements").map((e) => {
        const label = html`<span class="sl-button">${textOf(field(e, "text"))}</span>`;
        const url = str(e, "url");
        return url ? previewLink(url, label) : label;
      })}</div>`;
    default:
      return "";
  }
}

export function slackPreview(message: { blocks: readonly object[] }): Html {
  return html`<div class="pv slack">${message.blocks.map(block)}</div>`;
}
