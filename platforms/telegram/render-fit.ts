/**
 * Fitting rich text into exactly one message, for posts, inline results, share replies and captions, where
 * one call must carry the whole thing. A card must never lose its notice, its "status as of" line or its
 * sources (the safety rules), so losses go in order, each step only as far as needed:
 *   1. long paragraphs other than the essentials are shortened, keeping enough to read;
 *   2. the extras (summary, family story, quote, intro) are dropped, the last first;
 *   3. everything left is shortened further, longest first: a source line keeps its link;
 *   4. whatever is not essential is dropped, the last first;
 *   5. only if the essentials alone are too long (hundreds of sources) does the tail go.
 */
import { type Block, blockLength, blockText, messageLength, sliceBlock, span } from "./rich.ts";
import { ELLIPSIS, cutPoint, splitMessages, trimBlock } from "./split.ts";

/** A shortened paragraph keeps at least this much, so shortening spreads over several long paragraphs. */
const MIN_KEEP = 280;
/** The last-resort length: enough for "Profiled by #Tag in April 2020 (a past campaign)." or a source's link. */
const FLOOR = 64;

/** Keeps flags, so a shortened extra can still be dropped later. */
function shorten(block: Block, target: number): Block {
  const cut = trimBlock(sliceBlock(block, 0, cutPoint(blockText(block), target)));
  return { ...cut, spans: [...cut.spans, span(ELLIPSIS)] };
}

/**
 * Shortens eligible blocks to one shared length, no less than `floor` (the longest come down first and
 * equally, so thirty sources each keep the same share), until the message fits or nothing is left to cut.
 */
function shrink(blocks: Block[], limit: number, eligible: (b: Block) => boolean, floor: number): Block[] {
  let result = blocks;
  for (let over = messageLength(result) - limit; over > 0; over = messageLength(result) - limit) {
    const lengths = result.filter(eligible).map(blockLength);
    // What capping at `cap` saves: a shortened block ends up at most `cap` plus the ellipsis.
    const saving = (cap: number) =>
      lengths.reduce((n, len) => n + Math.max(0, len - cap - ELLIPSIS.length), 0);
    let cap = floor;
    if (saving(floor) >= over) {
      // The largest cap that saves enough (saving falls as the cap rises).
      let high = Math.max(...lengths);
      while (cap < high) {
        const mid = Math.ceil((cap + high) / 2);
        if (saving(mid) >= over) cap = mid;
        else high = mid - 1;
      }
    }
    const cut = (b: Block) => eligible(b) && blockLength(b) > cap + ELLIPSIS.length;
    // Nothing longer than the cap: all is at the floor already. Otherwise each pass makes a block shorter.
    if (!result.some(cut)) break;
    result = result.map((b) => (cut(b) ? shorten(b, cap) : b));
  }
  return result;
}

/** Drops eligible blocks, the last first (each with the rest of its group), until the message fits. */
function drop(blocks: Block[], limit: number, eligible: (b: Block) => boolean): Block[] {
  let result = blocks;
  for (const victim of result.filter(eligible).reverse()) {
    if (messageLength(result) <= limit) break;
    result = result.filter((b) => b !== victim && !(victim.group && b.group === victim.group));
  }
  return result;
}

/** One message of at most `limit` units; see the steps above. */
export function fitMessage(blocks: readonly Block[], limit: number): Block[] {
  let result = blocks.map(trimBlock).filter((b) => blockLength(b) > 0);
  result = shrink(result, limit, (b) => !b.keep, MIN_KEEP);
  result = drop(result, limit, (b) => !!b.shrinkable && !b.keep);
  result = shrink(result, limit, () => true, FLOOR);
  result = drop(result, limit, (b) => !b.keep);
  if (messageLength(result) <= limit && result.length > 0) return result;
  const [first = []] = splitMessages(result, limit - ELLIPSIS.length);
  const last = first[first.length - 1];
  if (!last) return [{ spans: [span(ELLIPSIS)] }];
  return [...first.slice(0, -1), { ...last, spans: [...last.spans, span(ELLIPSIS)] }];
}
