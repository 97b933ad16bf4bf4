/**
 * A Telegram message as Telegram draws it, from the text and inline keyboard the Telegram adapter sends:
 * a bubble whose text keeps Telegram's HTML subset (bold, italic, underline, strike, spoiler, code, pre,
 * blockquote, links) drawn as our own tags, and the keyboard's buttons below. Every other tag, attribute
 * and character is text, escaped; a tag left open is closed at the end.
 */
import { Html, html } from "../html.ts";
import { escapeHtml } from "../html.ts";

/** The parts of Telegram's sendMessage parameters a preview draws (Telegram's API shapes). */
export interface TelegramMessageLike {
  text: string;
  reply_markup?: { inline_keyboard?: ReadonlyArray<ReadonlyArray<{ text: string; url?: string }>> };
}

/** Telegram's tags, each drawn as one of ours (no attribute of theirs is carried over but a link's href). */
const TAGS: ReadonlyMap<string, string> = new Map([
  ["b", "strong"],
  ["strong", "strong"],
  ["i", "em"],
  ["em", "em"],
  ["u", "u"],
  ["ins", "u"],
  ["s", "s"],
  ["strike", "s"],
  ["del", "s"],
  ["code", "code"],
  ["pre", "pre"],
  ["blockquote", "blockquote"],
  ["tg-spoiler", "mark"],
  ["a", "a"],
]);

const ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot);/g, (e) => ENTITIES[e] ?? e);
const HREF = /^\s+href\s*=\s*"([^"]*)"\s*$/i;

/** Telegram's HTML subset as escaped HTML of our own. */
export function telegramHtml(text: string): Html {
  const out: string[] = [];
  const open: string[] = [];
  const re = /<(\/?)([a-z][a-z-]*)([^<>]*)>/gi;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(escapeHtml(decode(text.slice(at, m.index))));
    at = m.index + m[0].length;
    const [, closing, name = "", attributes = ""] = m;
    const ours = TAGS.get(name.toLowerCase());
    if (ours && closing && open.at(-1) === ours) {
      out.push(`</${open.pop()}>`);
    } else if (ours && !closing && ours !== "a" && attributes.trim() === "") {
      out.push(`<${ours}>`);
      open.push(ours);
    } else if (ours === "a" && !closing) {
      const href = decode(HREF.exec(attributes)?.[1] ?? "");
      const safe = /^https?:\/\//i.test(href);
      // Not a web address: the link's text shows, but is no link (closed as a span).
      out.push(safe ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">` : "<span>");
      open.push(safe ? "a" : "span");
    } else if (closing && name.toLowerCase() === "a" && open.at(-1) === "span") {
      out.push(`</${open.pop()}>`);
    } else {
      out.push(escapeHtml(m[0]));
    }
  }
  out.push(escapeHtml(decode(text.slice(at))));
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return new Html(out.join(""));
}

export function telegramPreview(message: TelegramMessageLike): Html {
  const rows = message.reply_markup?.inline_keyboard ?? [];
  return html`<div class="pv telegram"><div class="tg-bubble">${telegramHtml(message.text)}</div>${
    rows.length > 0
      ? html`<div class="tg-keyboard">${rows.map(
          (row) =>
            html`<div class="tg-row">${row.map((b) =>
              b.url && /^https?:\/\//i.test(b.url)
                ? html`<a class="tg-button" href="${b.url}" rel="noopener noreferrer">${b.text}</a>`
                : html`<span class="tg-button">${b.text}</span>`,
            )}</div>`,
        )}</div>`
      : ""
  }</div>`;
}
