/**
 * The strict match tiers, strongest first: the exact whole name, every query word a whole word, every
 * query word the start of a word. Each counts its matching profiles and keeps the best few, with the
 * name that matched.
 */
import type { FoldedName } from "./fold.ts";
import { TopMatches } from "./matches.ts";
import { listLength } from "./packed-lists.ts";
import type { PrefixIndex } from "./prefix-index.ts";
import type { Scratch } from "./scratch.ts";
import type { TrigramIndex } from "./trigram-index.ts";
import { idsOf, profilesOfNames, type WordTable, wordIdOf } from "./word-table.ts";

export interface IndexParts {
  table: WordTable;
  prefixes: PrefixIndex;
  trigramIndex: TrigramIndex;
  /** Working memory: three sized by profiles, two by names. */
  scratch: { profiles: [Scratch, Scratch, Scratch]; names: [Scratch, Scratch] };
}

/** Multi-word prefix queries check at most this many profiles completing their most selective word. */
const PREFIX_CANDIDATE_CAP = 2000;

export function exactMatches({ table }: IndexParts, query: FoldedName, limit: number): TopMatches {
  const top = new TopMatches(limit);
  const nameIds = query.keys.flatMap((key) => [...idsOf(table.exact, key)]);
  for (const [profile, nameId] of profilesOfNames(table, nameIds)) top.offer(profile, nameId, 1);
  return top;
}

/**
 * Profiles holding every query word as a whole word, in any order and across any of their names. The
 * matched name is the one holding most query words; the score is the share of its words they cover.
 */
export function wordMatches({ table, scratch }: IndexParts, query: FoldedName, limit: number): TopMatches {
  const top = new TopMatches(limit);
  const [wordsPerProfile, seenProfile, best] = scratch.profiles;
  const [wordsPerName, seenName] = scratch.names;
  wordsPerProfile.begin();
  wordsPerName.begin();
  for (const [i, variants] of query.words.entries()) {
    seenProfile.begin();
    seenName.begin();
    for (const key of variants) {
      const wordId = wordIdOf(table, key);
      if (wordId === undefined) continue;
      const { offsets, items } = table.wordNames;
      for (let k = offsets[wordId]!; k < offsets[wordId + 1]!; k++) {
        const nameId = items[k]!;
        const profile = table.nameProfile[nameId]!;
        // A profile that missed an earlier query word can no longer match.
        if (wordsPerProfile.get(profile) < i || seenName.has(nameId)) continue;
        seenName.set(nameId, 1);
        wordsPerName.set(nameId, wordsPerName.get(nameId) + 1);
        if (seenProfile.has(profile)) continue;
        seenProfile.set(profile, 1);
        wordsPerProfile.set(profile, i + 1);
      }
    }
    if (seenProfile.count === 0) return top;
  }
  const wordCount = query.words.length;
  best.begin();
  for (const nameId of wordsPerName.touched) {
    const profile = table.nameProfile[nameId]!;
    if (wordsPerProfile.get(profile) !== wordCount) continue;
    const score = Math.min(1, wordsPerName.get(nameId) / Math.max(1, table.nameWordCount[nameId]!));
    if (score > best.get(profile)) best.set(profile, score, nameId);
  }
  for (const profile of best.touched) top.offer(profile, best.nameOf(profile), best.get(profile));
  return top;
}

export interface PrefixResult {
  top: TopMatches;
  /** False when the candidate cap stopped the scan: more profiles may match than were counted. */
  exhaustive: boolean;
}

/**
 * Profiles with a word starting with each query word, counted up to `limit`. Candidates come from the
 * completions of the most selective query word, shortest completion first, so the first ones found are
 * the best.
 */
export function prefixMatches(parts: IndexParts, query: FoldedName, limit: number): PrefixResult {
  const { table, prefixes } = parts;
  const top = new TopMatches(limit);
  const anchorIndex = mostSelectiveWord(parts, query.words);
  const others = query.words.filter((_, i) => i !== anchorIndex);
  const [seen] = parts.scratch.profiles;
  seen.begin();
  for (const variant of query.words[anchorIndex] ?? []) {
    const completions = prefixes.completions(variant);
    for (let i = 0; i < completions.length; i++) {
      const wordId = completions[i]!;
      const score = variant.length / table.wordKeys[wordId]!.length;
      const { offsets, items } = table.wordNames;
      for (let k = offsets[wordId]!; k < offsets[wordId + 1]!; k++) {
        const nameId = items[k]!;
        const profile = table.nameProfile[nameId]!;
        if (seen.has(profile)) continue;
        seen.set(profile, 1);
        if (others.every((variants) => hasWordStartingWith(table, profile, variants))) {
          top.offer(profile, nameId, score);
          if (top.total >= limit) return { top, exhaustive: true };
        }
        if (seen.count >= PREFIX_CANDIDATE_CAP) return { top, exhaustive: false };
      }
    }
  }
  return { top, exhaustive: true };
}

/** The query word whose completions reach the fewest names (looking no further than the cap). */
function mostSelectiveWord({ table, prefixes }: IndexParts, words: string[][]): number {
  let bestIndex = 0;
  let bestReach = Number.POSITIVE_INFINITY;
  words.forEach((variants, index) => {
    let reach = 0;
    for (const variant of variants) {
      const completions = prefixes.completions(variant);
      for (let i = 0; i < completions.length && reach < PREFIX_CANDIDATE_CAP; i++) {
        reach += listLength(table.wordNames, completions[i]!);
      }
    }
    if (reach < bestReach) [bestIndex, bestReach] = [index, reach];
  });
  return bestIndex;
}

function hasWordStartingWith(table: WordTable, profile: number, variants: string[]): boolean {
  const { offsets, items } = table.profileWords;
  for (let k = offsets[profile]!; k < offsets[profile + 1]!; k++) {
    const key = table.wordKeys[items[k]!]!;
    if (variants.some((v) => key.startsWith(v))) return true;
  }
  return false;
}
