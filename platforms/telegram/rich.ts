/**
 * A tiny rich-text model for Telegram HTML. Text stays plain until the very end, so measuring (Telegram
 * counts UTF-16 units of the text *after* entity parsing), shortening and splitting never see markup and
 * can never cut a tag, an entity or a surrogate pair; `toHtml` escapes exactly once.
 */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Only http(s) links survive (`span()` drops anything else), so a hostile href can't reach Telegram. */
  href?: string;
}

/**
 * A paragraph, or with `tight` a line of the paragraph before (a card field, a source), so `fitMessage` can
 * shorten or drop it alone. `quote` renders it as a blockquote. For `fitMessage` (see render-fit.ts): `shrinkable`
 * marks an extra that may be shortened and then dropped, together with the rest of its `group`; `keep` marks
 * what a message must never lose (a notice, the "status as of" line, the sources).
 */
export interface Block {
  spans: Span[];
  quote?: boolean;
  tight?: boolean;
  shrinkable?: boolean;
  group?: string;
  keep?: boolean;
}

export const PARAGRAPH = "\n\n";

/** What joins a block to the one before it in a message; the first block of a message has nothing. */
export function separator(block: Block, index: number): string {
  if (index === 0) return "";
  return block.tight ? "\n" : PARAGRAPH;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls except newline, plus bidi *controls* that could flip the rest of our message; right-to-left
// letters themselves are kept (Telegram lays them out), only the invisible overrides go. First strong
// isolates (U+2068 … U+2069) stay when they come in pairs: the translator wraps a name written the other way
// in one (core/i18n/bidi.ts), and a closed pair cannot reach beyond the text it encloses.
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066\u2067]/g;
const FSI = "\u2068";
const PDI = "\u2069";

/** Keeps each first strong isolate that its pop closes; an unmatched one, either way, goes. */
function pairedIsolates(text: string): string {
  if (!text.includes(FSI) && !text.includes(PDI)) return text;
  const chars = [...text];
  const open: number[] = [];
  const keep = new Set<number>();
  chars.forEach((char, i) => {
    if (char === FSI) open.push(i);
    else if (char === PDI && open.length > 0) {
      keep.add(open.pop()!);
      keep.add(i);
    }
  });
  return chars.filter((char, i) => (char !== FSI && char !== PDI) || keep.has(i)).join("");
}

/** Makes any string safe to send: valid UTF-16, no control characters, and no `@mention` that would ping. */
export function clean(text: string): string {
  const cleaned = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(CONTROLS, "")
    .replace(/@(?=[A-Za-z0-9_])/g, "@\u2060"); // a word joiner stops Telegram auto-linking a mention
  return pairedIsolates(cleaned);
}

export function span(text: string, style: Omit<Span, "text"> = {}): Span {
  const href = style.href && isWebUrl(style.href) ? style.href : undefined;
  return { ...style, text: clean(text), href };
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function blockLength(block: Block): number {
  return block.spans.reduce((n, s) => n + s.text.length, 0);
}

export function messageLength(blocks: readonly Block[]): number {
  return blocks.reduce((n, b, i) => n + blockLength(b) + separator(b, i).length, 0);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

function spanHtml(s: Span): string {
  let html = escapeHtml(s.text);
  if (s.italic) html = `<i>${html}</i>`;
  if (s.bold) html = `<b>${html}</b>`;
  if (s.href) html = `<a href="${escapeAttribute(s.href)}">${html}</a>`;
  return html;
}

export function toHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b, i) => {
      const inner = b.spans.map(spanHtml).join("");
      return separator(b, i) + (b.quote ? `<blockquote>${inner}</blockquote>` : inner);
    })
    .join("");
}

/** The plain text Telegram will count, for tests and logs. */
export function toPlain(blocks: readonly Block[]): string {
  return blocks.map((b, i) => separator(b, i) + blockText(b)).join("");
}

/** Spans covering plain-text range [start, end) of a block, keeping each piece's style. */
export function sliceBlock(block: Block, start: number, end: number): Block {
  const spans: Span[] = [];
  let at = 0;
  for (const s of block.spans) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + s.text.length);
    if (from < to) spans.push({ ...s, text: s.text.slice(from - at, to - at) });
    at += s.text.length;
  }
  return { ...block, spans };
}

export function blockText(block: Block): string {
  return block.spans.map((s) => s.text).join("");
}
