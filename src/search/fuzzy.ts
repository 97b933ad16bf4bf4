/**
 * The fuzzy tier: profiles whose words look like the query's. Each query word is matched to similar
 * indexed words (trigram candidates checked by edit distance); a profile scores the mean, over query
 * words, of its best similarity, so "Ilham Tohty" scores 0.9 and "Ilgar Smith" only 0.5.
 */
import type { FoldedName } from "./fold.ts";
import { TopMatches } from "./matches.ts";
import { COLLAPSED_SIMILARITY } from "./similarity.ts";
import type { IndexParts } from "./tiers.ts";
import { idsOf } from "./word-table.ts";

/** Below this mean word similarity a profile is not offered at all. */
export const FUZZY_MIN_SCORE = 0.7;

export function fuzzyMatches({ table, trigramIndex, scratch }: IndexParts, query: FoldedName, limit: number) {
  const [total, perWord, bestSingle] = scratch.profiles;
  total.begin();
  bestSingle.begin();
  for (const variants of query.words) {
    perWord.begin();
    for (const variant of variants) {
      for (const { wordId, similarity } of trigramIndex.similarWords(variant)) {
        for (let k = table.wordNames.offsets[wordId]!; k < table.wordNames.offsets[wordId + 1]!; k++) {
          const nameId = table.wordNames.items[k]!;
          const profile = table.nameProfile[nameId]!;
          if (similarity > perWord.get(profile)) perWord.set(profile, similarity, nameId);
        }
      }
    }
    for (const profile of perWord.touched) {
      const similarity = perWord.get(profile);
      total.set(profile, total.get(profile) + similarity);
      // The matched name shown is the one holding the query's closest word.
      if (similarity > bestSingle.get(profile)) bestSingle.set(profile, similarity, perWord.nameOf(profile));
    }
  }
  const wordCount = query.words.length;
  // A whole name equal up to doubled letters ("Fatoumata Jawara" ~ "Fatoumatta Jawara").
  const looseNames = query.looseKeys.flatMap((key) => [
    ...idsOf(table.loose, key),
    ...idsOf(table.exact, key),
  ]);
  for (const nameId of looseNames) {
    const profile = table.nameProfile[nameId]!;
    if (total.get(profile) < COLLAPSED_SIMILARITY * wordCount) {
      total.set(profile, COLLAPSED_SIMILARITY * wordCount);
      bestSingle.set(profile, 1, nameId);
    }
  }
  const top = new TopMatches(limit);
  for (const profile of total.touched) {
    const score = total.get(profile) / wordCount;
    if (score >= FUZZY_MIN_SCORE) top.offer(profile, bestSingle.nameOf(profile), score);
  }
  return top;
}
