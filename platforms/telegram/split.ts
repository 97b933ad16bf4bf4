/**
 * Fitting rich text into Telegram's limits. `splitMessages` packs paragraphs into as many messages as
 * needed (for answers to a command); `fitMessage` (render-fit.ts) shortens into exactly one. Cuts prefer paragraph,
 * line, sentence and word boundaries, and never fall inside a grapheme (an emoji, a flag or a letter with its
 * accents stays whole).
 */
import { type Block, blockLength, blockText, messageLength, sliceBlock, span } from "./rich.ts";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
export const ELLIPSIS = "…";

/** Grapheme boundaries in (from, to], segmenting from a little earlier so the segmenter is in step. */
function boundariesIn(text: string, from: number, to: number): Set<number> {
  const start = Math.max(0, from - 64);
  const found = new Set<number>();
  // Run a little past `to`: whether a boundary sits at `to` depends on what follows it (a zero-width
  // joiner binds the next emoji), so a window ending exactly there would lie.
  for (const { index } of graphemes.segment(text.slice(start, to + 32))) {
    const at = start + index;
    if (at > from && at <= to) found.add(at);
  }
  return found;
}

const SPACE = /\s/;
const SENTENCE_END = /[.!?…。؟]/;

/** Where to cut `text` so the first part has at most `limit` UTF-16 units. */
export function cutPoint(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const floor = Math.floor(limit / 2); // a break that early wastes half a message; then cut mid-word
  const boundaries = boundariesIn(text, floor - 1, limit);
  let sentence = -1;
  let space = -1;
  // Prefer a line break, then a sentence end, then any space: the last of each kind before the limit.
  for (let at = limit; at >= floor; at--) {
    if (!boundaries.has(at)) continue;
    const before = text[at - 1] ?? "";
    if (before === "\n") return at;
    if (sentence < 0 && SENTENCE_END.test(before) && SPACE.test(text[at] ?? "")) sentence = at;
    if (space < 0 && SPACE.test(before)) space = at;
  }
  if (sentence > 0) return sentence;
  if (space > 0) return space;
  // No space late enough: the last whole grapheme, looking further back only for an enormous one.
  const boundary = Math.max(0, ...boundaries) || Math.max(0, ...boundariesIn(text, 0, limit));
  if (boundary > 0) return boundary;
  // One grapheme longer than the limit (hostile combining marks): cut between code points instead.
  const high = text.charCodeAt(limit - 1);
  return high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
}

export function trimBlock(block: Block): Block {
  const text = blockText(block);
  const start = text.length - text.trimStart().length;
  return sliceBlock(block, start, text.trimEnd().length);
}

function splitBlock(block: Block, limit: number): Block[] {
  const pieces: Block[] = [];
  let rest = trimBlock(block);
  while (blockLength(rest) > 0) {
    const cut = cutPoint(blockText(rest), limit);
    pieces.push(trimBlock(sliceBlock(rest, 0, cut)));
    rest = trimBlock(sliceBlock(rest, cut, blockLength(rest)));
  }
  return pieces.filter((p) => blockLength(p) > 0);
}

/** Packs paragraphs into messages of at most `limit` units each; always at least one message. */
export function splitMessages(blocks: readonly Block[], limit: number): Block[][] {
  const messages: Block[][] = [];
  let current: Block[] = [];
  for (const block of blocks) {
    const trimmed = trimBlock(block);
    if (blockLength(trimmed) === 0) continue;
    for (const piece of blockLength(trimmed) > limit ? splitBlock(trimmed, limit) : [trimmed]) {
      if (current.length > 0 && messageLength([...current, piece]) > limit) {
        messages.push(current);
        current = [];
      }
      current.push(piece);
    }
  }
  if (current.length > 0) messages.push(current);
  return messages.length > 0 ? messages : [[{ spans: [span(ELLIPSIS)] }]];
}

/** `text` within `limit` units, ending in an ellipsis when shortened; for labels and titles. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, cutPoint(text, limit - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}
