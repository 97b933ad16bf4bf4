/**
 * Embed building blocks that stay within Discord's embed limits: the limits themselves, fields, the
 * sources list, fitting text parts into one description, and measuring what counts toward 6,000.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import type { CardSource } from "../../src/core/reply.ts";
import { clip, escapeText, safeUrl } from "./text.ts";

/** Discord's documented embed limits (message resource, "Embed Limits"). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Across every embed of one message. */
  total: 6000,
} as const;

export function embedField(name: string, value: string, inline: boolean): APIEmbedField {
  // Discord trims, then refuses empty names and values; a dash keeps the field instead of failing the
  // message.
  return {
    name: clip(escapeText(name).trim(), EMBED_LIMITS.fieldName) || "—",
    value: clip(value.trim(), EMBED_LIMITS.fieldValue) || "—",
    inline,
  };
}

/** Masked links, as many as fit in one field value, then how many were left out (in `tr`'s language). */
export function sourceList(sources: readonly CardSource[], tr: Translator = english): string {
  const lines: string[] = [];
  let used = 0;
  for (const [index, source] of sources.entries()) {
    const label = escapeText(`${source.title} (${source.publisher})`).replace(/[[\]]/g, "\\$&");
    const url = safeUrl(source.url, 2048)?.replaceAll(")", "%29");
    const line = `• ${url ? `[${label}](${url})` : label}`;
    const more = `\n${escapeText(tr.t("render.moreSources", { count: sources.length - index }))}`;
    if (used + line.length + 1 + more.length > EMBED_LIMITS.fieldValue) {
      lines.push(more.trim());
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}

/**
 * Each part as it shows when the parts are joined in order within `max`: whole while they fit, the first
 * that does not cut to the space left (or "" when that is too little to read), and "" after it.
 */
export function fitParts(parts: readonly string[], separator: string, max: number): string[] {
  let used = 0;
  let full = false;
  return parts.map((part) => {
    if (full || !part) return "";
    const room = max - used - (used > 0 ? separator.length : 0);
    const shown = part.length <= room ? part : room > 16 ? clip(part, room) : "";
    if (shown !== part) full = true;
    if (shown) used += shown.length + (used > 0 ? separator.length : 0);
    return shown;
  });
}

/** Joins parts in order while they fit; the first that does not is cut to the space left. */
export function joinWithin(parts: readonly string[], separator: string, max: number): string {
  return fitParts(parts, separator, max).filter(Boolean).join(separator);
}

/** The characters Discord counts toward the 6,000 limit. */
export function embedLength(embed: APIEmbed): number {
  const fieldChars = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fieldChars +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/**
 * For embeds with no part that must stay (lists, plain text): cuts the description, then drops fields from
 * the end, then cuts the footer and title. Cards and share kits fit themselves, keeping their sources.
 */
export function fitTotal(embed: APIEmbed, max: number): APIEmbed {
  const out: APIEmbed = { ...embed, fields: [...(embed.fields ?? [])] };
  const over = () => embedLength(out) - max;
  if (over() > 0 && out.description) out.description = clip(out.description, out.description.length - over());
  while (over() > 0 && out.fields && out.fields.length > 0) out.fields.pop();
  if (over() > 0 && out.footer) out.footer = { text: clip(out.footer.text, out.footer.text.length - over()) };
  if (over() > 0 && out.title) out.title = clip(out.title, out.title.length - over());
  if (out.fields?.length === 0) delete out.fields;
  if (out.description === "") delete out.description;
  if (out.title === "") delete out.title;
  return out;
}
