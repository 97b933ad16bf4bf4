/**
 * A card's sources as mrkdwn lines, for the card and the share reply alike: `• <url|title> — publisher`,
 * every part escaped, so no source can mention or link anywhere else.
 */
import type { CardSource } from "../../src/core/reply.ts";
import { fitText, mrkdwnLink } from "./text.ts";

export const SOURCES_HEADING = "*Sources*";

/** Short enough never to need splitting across sections (at most about 1,300 characters). */
export function sourceLine(source: CardSource): string {
  const link = mrkdwnLink(source.url.length <= 1000 ? source.url : "", source.title, 200);
  const by = source.publisher.trim() ? ` — ${fitText(source.publisher, 100, true)}` : "";
  return `• ${link}${by}`;
}

/**
 * The heading and as many lines as fit in `allowance` characters (counting the newlines between them),
 * then how many were left out, so a reader knows the list goes on. Empty when there are no sources.
 */
export function sourceLines(sources: readonly CardSource[], allowance: number): string[] {
  if (sources.length === 0) return [];
  const lines = [SOURCES_HEADING];
  let used = SOURCES_HEADING.length;
  for (const [index, source] of sources.entries()) {
    const line = sourceLine(source);
    const more = `…and ${sources.length - index} more`;
    const last = index === sources.length - 1;
    if (used + 1 + line.length + (last ? 0 : 1 + more.length) > allowance) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += 1 + line.length;
  }
  return lines;
}
