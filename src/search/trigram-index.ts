/**
 * Finds indexed words that look like a misspelt query word. Trigram postings narrow tens of thousands of
 * words to a few dozen candidates by shared-trigram (Dice) overlap; only those are checked with the
 * bounded edit distance. Both steps have caps, so a query costs the same whatever the index size allows.
 */
import { KeyTableBuilder } from "./key-table.ts";
import { trigrams, wordSimilarity } from "./similarity.ts";

/** Below this trigram overlap a word is not worth an edit-distance check. */
const MIN_DICE = 0.3;
/** At most this many words per query word get an edit-distance check, best overlap first. */
const MAX_CANDIDATES = 64;

const DICE_STEPS = 1 << 16;
/** Word ids must stay below this for the packing; 2^31 words is far beyond any campaign. */
const WORD_ID_RANGE = 2 ** 31;

export interface SimilarWord {
  wordId: number;
  similarity: number;
}

export interface TrigramIndex {
  /** Words similar to `word` (similarity > 0), in no particular order. */
  similarWords(word: string): SimilarWord[];
}

export function buildTrigramIndex(wordKeys: readonly string[]): TrigramIndex {
  const builder = new KeyTableBuilder();
  const gramCounts = new Uint16Array(wordKeys.length);
  wordKeys.forEach((key, wordId) => {
    const grams = trigrams(key);
    gramCounts[wordId] = grams.length;
    for (const gram of grams) builder.add(gram, wordId);
  });
  // Gram → words, ascending: packed, as a Map of arrays the grams cost more than the words they list.
  const postings = builder.freeze();
  const { offsets, items } = postings.ids;

  // Scratch counters reused by every query: allocation per query would dominate at 50,000 profiles.
  const shared = new Uint16Array(wordKeys.length);
  // The words a query touched, and its candidates packed for sorting: kept between queries and grown
  // when a query needs more (a common trigram reaches thousands of words; arrays made per query were a
  // fifth of a fuzzy lookup's garbage).
  let touched: Int32Array = new Int32Array(256);
  let packed = new Float64Array(256);

  return {
    similarWords(word) {
      const grams = trigrams(word);
      let count = 0;
      for (const gram of grams) {
        const at = postings.find(gram);
        if (at < 0) continue;
        for (let k = offsets[at]!; k < offsets[at + 1]!; k++) {
          const wordId = items[k]!;
          if (shared[wordId] === 0) {
            if (count === touched.length) touched = grown(touched, wordKeys.length);
            touched[count++] = wordId;
          }
          shared[wordId]! += 1;
        }
      }
      // Candidates packed as (quantized overlap, word id) in one number, so a native numeric sort ranks them.
      if (packed.length < count) packed = new Float64Array(touched.length);
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const wordId = touched[i]!;
        const dice = (2 * shared[wordId]!) / (grams.length + gramCounts[wordId]!);
        shared[wordId] = 0;
        if (dice >= MIN_DICE) packed[kept++] = Math.round(dice * DICE_STEPS) * WORD_ID_RANGE + wordId;
      }
      const ranked = packed.subarray(0, kept).sort();
      const similar: SimilarWord[] = [];
      for (let i = kept - 1; i >= 0 && i >= kept - MAX_CANDIDATES; i--) {
        const wordId = ranked[i]! % WORD_ID_RANGE;
        const similarity = wordSimilarity(word, wordKeys[wordId]!);
        if (similarity > 0) similar.push({ wordId, similarity });
      }
      return similar;
    },
  };
}

/** `ids` with twice the room (at most `limit`, the number of words), its contents kept. */
function grown(ids: Int32Array, limit: number): Int32Array {
  const bigger = new Int32Array(Math.min(limit, ids.length * 2));
  bigger.set(ids);
  return bigger;
}
