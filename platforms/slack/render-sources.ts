/**
 * A card's sources as mrkdwn lines, for the card and the share reply alike: `• <url|title> — publisher`,
 * every part escaped, so no source can mention or link anywhere else.
 */
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import type { CardSource } from "../../src/core/reply.ts";
import { fitText, mrkdwnLink } from "./text.ts";

/** "*Sources*" in `tr`'s language: bold mrkdwn around the escaped word. */
export function sourcesHeading(tr: Translator = english): string {
  return `*${fitText(tr.t("render.sources"), 100, true)}*`;
}

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
export function sourceLines(
  sources: readonly CardSource[],
  allowance: number,
  tr: Translator = english,
): string[] {
  if (sources.length === 0) return [];
  const heading = sourcesHeading(tr);
  const lines = [heading];
  let used = heading.length;
  for (const [index, source] of sources.entries()) {
    const line = sourceLine(source);
    const more = fitText(tr.t("render.moreSources", { count: sources.length - index }), 200, true);
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
