/**
 * A profile card as a Discord embed, within Discord's embed limits. Profile text is escaped here, so no
 * name, story or quote can format, mention or break the layout; long parts are cut, least important first.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Card, CardSource } from "../../src/core/reply.ts";
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

const CARD_COLOUR = 0xf2b134;
/** Below this the description is only cut after the fields have been dropped. */
const DESCRIPTION_FLOOR = 1024;

export function cardEmbed(card: Card): APIEmbed {
  const photo = card.photo ? safeUrl(card.photo.url, 2048) : undefined;
  const footer = [card.statusAsOf, card.hashtag, card.campaign.name, photo && `Photo: ${card.photo?.credit}`]
    .filter(Boolean)
    .join(" · ");
  const embed: APIEmbed = {
    title: clip(escapeText(card.title).trim(), EMBED_LIMITS.title),
    description: description(card),
    color: CARD_COLOUR,
    fields: fields(card),
    footer: { text: clip(footer, EMBED_LIMITS.footer) },
  };
  const url = safeUrl(card.campaign.url, 2048);
  if (url) embed.url = url;
  if (photo) embed.image = { url: photo };
  return fitTotal(embed, EMBED_LIMITS.total);
}

function description(card: Card): string {
  const parts = [
    card.notice && `**${escapeText(card.notice)}**`,
    card.subtitle.trim() && `*${escapeText(card.subtitle.trim())}*`,
    escapeText(card.summary),
    card.familyStory && `**The family's story**\n${escapeText(card.familyStory)}`,
  ].filter((part): part is string => Boolean(part));
  return joinWithin(parts, "\n\n", EMBED_LIMITS.description);
}

function fields(card: Card): APIEmbedField[] {
  const result = card.fields.map((field) =>
    embedField(field.label, escapeText(field.value), field.value.length <= 40),
  );
  if (card.quote) {
    const name = card.quote.isTranslation ? "In the family's words (translated)" : "In the family's words";
    const value = `“${escapeText(card.quote.text)}” (${escapeText(card.quote.attribution)})`;
    result.push(embedField(name, value, false));
  }
  if (card.sources.length > 0) result.push(embedField("Sources", sourceList(card.sources), false));
  return result.slice(0, EMBED_LIMITS.fields);
}

export function embedField(name: string, value: string, inline: boolean): APIEmbedField {
  // Discord trims, then refuses empty names and values; a dash keeps the field instead of failing the
  // message.
  return {
    name: clip(escapeText(name).trim(), EMBED_LIMITS.fieldName) || "—",
    value: clip(value.trim(), EMBED_LIMITS.fieldValue) || "—",
    inline,
  };
}

/** Masked links, as many as fit in one field value, then how many were left out. */
function sourceList(sources: readonly CardSource[]): string {
  const lines: string[] = [];
  let used = 0;
  for (const [index, source] of sources.entries()) {
    const label = escapeText(`${source.title} (${source.publisher})`).replace(/[[\]]/g, "\\$&");
    const url = safeUrl(source.url, 2048)?.replaceAll(")", "%29");
    const line = `• ${url ? `[${label}](${url})` : label}`;
    const more = `\n…and ${sources.length - index} more`;
    if (used + line.length + 1 + more.length > EMBED_LIMITS.fieldValue) {
      lines.push(more.trim());
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}

/** Joins parts in order while they fit; the first that does not is cut to the space left. */
export function joinWithin(parts: readonly string[], separator: string, max: number): string {
  let out = "";
  for (const part of parts) {
    const next = out ? `${out}${separator}${part}` : part;
    if (next.length <= max) {
      out = next;
      continue;
    }
    const room = max - out.length - (out ? separator.length : 0);
    if (room > 16) out = out ? `${out}${separator}${clip(part, room)}` : clip(part, room);
    break;
  }
  return out;
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

/** Shrinks the description to a floor, then drops fields from the end, then cuts what is left. */
export function fitTotal(embed: APIEmbed, max: number): APIEmbed {
  const out: APIEmbed = { ...embed, fields: [...(embed.fields ?? [])] };
  const over = () => embedLength(out) - max;
  if (over() > 0 && out.description) {
    const keep = Math.max(DESCRIPTION_FLOOR, out.description.length - over());
    out.description = clip(out.description, keep);
  }
  while (over() > 0 && out.fields && out.fields.length > 0) out.fields.pop();
  if (over() > 0 && out.description) out.description = clip(out.description, out.description.length - over());
  if (over() > 0 && out.footer) out.footer = { text: clip(out.footer.text, out.footer.text.length - over()) };
  if (over() > 0 && out.title) out.title = clip(out.title, out.title.length - over());
  if (out.fields?.length === 0) delete out.fields;
  if (out.description === "") delete out.description;
  if (out.title === "") delete out.title;
  return out;
}
