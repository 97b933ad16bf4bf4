/**
 * Text for Slack, made safe and made to fit. Everything that comes from a profile, a campaign or a user is
 * plain text: it goes out as `plain_text` (which Slack never parses) wherever no formatting is needed, and is
 * escaped here before it is put into `mrkdwn`.
 */

const ZWSP = "\u200B";

/** Controls other than tab and newline: invisible at best, and nothing a message needs. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function clean(text: string): string {
  return text.replace(CONTROL, "");
}

/**
 * One character as mrkdwn. `&`, `<` and `>` are the three characters Slack asks apps to escape: without
 * them nothing can become `<!channel>`, `<@U…>`, `<#C…>` or a link. Slack has no escape for `*`, `_`, `~`
 * and `` ` ``, so each gets a zero-width space on both sides: a marker only formats when it sits against a
 * word on one side and a boundary on the other, and with a ZWSP on both sides that fails whether Slack
 * counts the ZWSP as a space or as a letter. `>` also gets one in front, because an escaped `&gt;` at the
 * start of a line still makes a block quote.
 */
function escapeChar(char: string): string {
  switch (char) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return `${ZWSP}&gt;`;
    case "*":
    case "_":
    case "~":
    case "`":
      return `${ZWSP}${char}${ZWSP}`;
    default:
      return char;
  }
}

export function escapeMrkdwn(text: string): string {
  return clean(text).replace(/[&<>*_~`]/g, escapeChar);
}

/**
 * The text escaped (or not) and cut to at most `max` characters, ending in "…" when cut. Cuts at whole
 * characters (never inside a surrogate pair or an entity), counting the escaped length, which is what
 * Slack counts.
 */
export function fitText(text: string, max: number, asMrkdwn = false): string {
  const cleaned = clean(text).trim();
  const full = asMrkdwn ? cleaned.replace(/[&<>*_~`]/g, escapeChar) : cleaned;
  if (full.length <= max) return full;
  if (max <= 1) return "";
  let out = "";
  for (const char of cleaned) {
    const piece = asMrkdwn ? escapeChar(char) : char;
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}

const LEVELS: ReadonlyArray<{ split: RegExp; join: string }> = [
  { split: /\n{2,}/, join: "\n\n" },
  { split: /\n/, join: "\n" },
  { split: /(?<=[.!?…。！？])\s+/, join: " " },
  { split: /\s+/, join: " " },
];

/** Long text as pieces of at most `max` characters, broken at paragraphs, then lines, sentences, words. */
export function splitText(text: string, max: number): string[] {
  const splitAt = (piece: string, level: number): string[] => {
    if (piece.length <= max) return piece ? [piece] : [];
    const rule = LEVELS[level];
    if (!rule) return hardCut(piece, max);
    const out: string[] = [];
    let current = "";
    for (const unit of piece.split(rule.split).filter((u) => u !== "")) {
      const joined = current ? current + rule.join + unit : unit;
      if (joined.length <= max) {
        current = joined;
        continue;
      }
      if (current) out.push(current);
      const parts = unit.length <= max ? [unit] : splitAt(unit, level + 1);
      current = parts.pop() ?? "";
      out.push(...parts);
    }
    if (current) out.push(current);
    return out;
  };
  return splitAt(clean(text).trim(), 0);
}

function hardCut(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const char of text) {
    if (current.length + char.length > max) {
      out.push(current);
      current = "";
    }
    current += char;
  }
  if (current) out.push(current);
  return out;
}

/** Slack's limit for a URL in a button or a link. */
export const MAX_URL = 3000;

/**
 * A URL we are willing to link to: http or https only, and without the three characters that would end or
 * split the `<url|text>` markup (`|`, `<`, `>` are percent-encoded, which keeps the address working).
 */
export function safeUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(clean(raw).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const href = url.href.replace(/[|<>]/g, (c) => encodeURIComponent(c));
  return href.length <= MAX_URL ? href : undefined;
}

/** A URL as the target of mrkdwn link markup: `&` is escaped there too, as everywhere in mrkdwn. */
export function linkTarget(url: string): string | undefined {
  return safeUrl(url)?.replace(/&/g, "&amp;");
}

/** A link we build ourselves: `<url|title>`, or just the escaped title when the URL is not one we accept. */
export function mrkdwnLink(url: string, title: string, maxTitle = 200): string {
  const href = linkTarget(url);
  const label = fitText(title, maxTitle, true) || fitText(url, maxTitle, true);
  return href ? `<${href}|${label}>` : label;
}
