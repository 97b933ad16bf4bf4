/**
 * Plain text made safe for Discord: markdown, mentions and `@everyone` shown literally, and lengths cut
 * to Discord's limits without breaking a character or leaving a dangling escape.
 */
import { escapeMarkdown } from "discord.js";

/**
 * Escapes everything Discord would format in content, titles, descriptions and fields (footers are
 * plain text and are not escaped). `<` is escaped so `<@123>`, `<@&123>`, `<#123>` and `<t:…>` render as
 * typed instead of as mentions; a zero-width space keeps `@everyone`/`@here` from being a mention at all
 * (allowed_mentions already stops the ping; this also stops the highlight). discord.js does not escape
 * block quotes (`> `) or subtext (`-# `) at the start of a line, so those are done here.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replaceAll("<", "\\<")
    .replace(/^(\s*)(>|-#)/gm, "$1\\$2")
    .replace(/@(everyone|here)/g, "@\u200b$1");
}

/** Text for a fenced code block: only a closing fence could break out of it. */
export function escapeCodeBlock(text: string): string {
  return text.replaceAll("```", "`\u200b`\u200b`");
}

const ELLIPSIS = "…";

/**
 * At most `max` UTF-16 units (Discord's limits are stricter than or equal to that count), ending in "…"
 * when cut. Never splits a surrogate pair and never ends on an unpaired escaping backslash.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return cut.trimEnd() + ELLIPSIS;
}

/**
 * Splits text into at most `maxChunks` pieces of at most `size` each, preferring line and word breaks;
 * whatever does not fit ends the last piece with "…".
 */
export function spill(text: string, size: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > 0 && chunks.length < maxChunks) {
    if (rest.length <= size || chunks.length === maxChunks - 1) {
      chunks.push(clip(rest, size));
      break;
    }
    const window = rest.slice(0, size);
    // Break at the last newline or space in the back half of the window; a hard cut otherwise.
    const at = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    let end = at > size / 2 ? at : size;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(end - 1))) end -= 1;
    if ((/\\+$/.exec(rest.slice(0, end))?.[0].length ?? 0) % 2 === 1) end -= 1;
    chunks.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

/** A link Discord accepts for link buttons and embed URLs: http(s), well formed, not too long. */
export function safeUrl(url: string, maxLength = 512): string | undefined {
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === "https:" || parsed.protocol === "http:";
    return web && parsed.href.length <= maxLength ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
