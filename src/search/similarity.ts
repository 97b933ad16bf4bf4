/**
 * How alike two folded words are, for the fuzzy tier. Trigrams find candidates cheaply; the edit
 * distance then decides, because trigram overlap alone over-rates long words that share a common ending
 * (…ov, …ova) and under-rates short names with one wrong letter (Tohty ~ Tohti).
 */
import { collapseDoubles } from "./fold.ts";

/** Similarity given to words that differ only in doubled letters (Mamadov ~ Mammadov). */
export const COLLAPSED_SIMILARITY = 0.95;

/** Trigrams of a word padded like pg_trgm, so that short words and word starts get grams too. */
export function trigrams(word: string): string[] {
  const chars = ["\u0002", "\u0002", ...word, "\u0003"];
  const grams = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return [...grams];
}

/** How many edits a word of this length may have and still count as a likely misspelling. */
export function maxEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return 3;
}

/** Three rows of the distance table, reused by every call (search is synchronous) and grown as needed. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), or `limit + 1` as
 * soon as the distance must exceed `limit`. Works on code points, so Han and Arabic count per letter.
 * A fuzzy query checks up to 64 words per query word: rows made per call were garbage enough to matter.
 */
export function boundedEditDistance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  return prev[b.length]!;
}

/** 1 for the same word, COLLAPSED_SIMILARITY for doubled-letter variants, then 1 − edits/length; 0 if too far. */
export function wordSimilarity(query: string, word: string): number {
  if (query === word) return 1;
  if (collapseDoubles(query) === collapseDoubles(word)) return COLLAPSED_SIMILARITY;
  const q = [...query];
  const w = [...word];
  const longest = Math.max(q.length, w.length);
  const limit = maxEdits(Math.min(q.length, w.length));
  const edits = boundedEditDistance(q, w, limit);
  return edits > limit ? 0 : 1 - edits / longest;
}
