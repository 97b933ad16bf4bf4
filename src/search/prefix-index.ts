/**
 * Word completions for autocomplete and the prefix tier. Word keys are kept sorted, so the words starting
 * with a prefix form one contiguous range found by binary search. Completions are listed shortest first
 * (the word itself, then the nearest completions), which needs the range re-sorted by length: for the
 * short prefixes whose ranges are large that order is computed once, at build time.
 */
import { compare } from "./word-table.ts";

/** Ranges up to this many words are sorted per query (microseconds); larger ones are precomputed. */
const SORT_ON_QUERY_MAX = 256;
/** Prefixes up to this many code units get precomputed orders; past it ranges are small in practice. */
const PRECOMPUTED_DEPTH = 6;

export interface PrefixIndex {
  /** Ids of the words starting with `prefix`, shortest first, ties in key order. */
  completions(prefix: string): ArrayLike<number>;
}

export function buildPrefixIndex(wordKeys: readonly string[]): PrefixIndex {
  const sortedIds = wordKeys.map((_, id) => id).sort((a, b) => compare(wordKeys[a]!, wordKeys[b]!));
  const sortedKeys = sortedIds.map((id) => wordKeys[id]!);
  const byLength = (a: number, b: number) =>
    wordKeys[a]!.length - wordKeys[b]!.length || compare(wordKeys[a]!, wordKeys[b]!);
  const precomputed = new Map<string, Int32Array>();

  for (let depth = 1; depth <= PRECOMPUTED_DEPTH; depth++) {
    let start = 0;
    while (start < sortedKeys.length) {
      const prefix = sortedKeys[start]!.slice(0, depth);
      if (prefix.length < depth) {
        start++;
        continue;
      }
      let end = start + 1;
      while (end < sortedKeys.length && sortedKeys[end]!.startsWith(prefix)) end++;
      if (end - start > SORT_ON_QUERY_MAX) {
        precomputed.set(prefix, Int32Array.from(sortedIds.slice(start, end).sort(byLength)));
      }
      start = end;
    }
  }

  /** First index whose key is not below `prefix` and, with `past`, first index past the prefix range. */
  const bound = (prefix: string, past: boolean): number => {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const key = sortedKeys[mid]!;
      const before = key < prefix || (past && key.startsWith(prefix));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    completions(prefix) {
      if (prefix === "") return [];
      const ready = precomputed.get(prefix);
      if (ready !== undefined) return ready;
      const start = bound(prefix, false);
      const end = bound(prefix, true);
      const ordered = sortedIds.slice(start, end).sort(byLength);
      // A long prefix with a large range (many words sharing a long stem) is sorted once, then kept.
      if (ordered.length > SORT_ON_QUERY_MAX) precomputed.set(prefix, Int32Array.from(ordered));
      return ordered;
    },
  };
}
