/**
 * In-memory name search over profiles. `search` answers a typed name with one profile, a choice, a
 * did-you-mean list or nothing; `suggest` feeds autocomplete. Both read the same structures, built once:
 * key → name postings for exact and whole-word matches, a sorted word list for prefixes, and trigram
 * postings for misspellings.
 */
import { foldName } from "./fold.ts";
import { fuzzyMatches } from "./fuzzy.ts";
import type { Match, TopMatches } from "./matches.ts";
import { buildPrefixIndex } from "./prefix-index.ts";
import { Scratch } from "./scratch.ts";
import { exactMatches, type IndexParts, prefixMatches, wordMatches } from "./tiers.ts";
import { buildTrigramIndex } from "./trigram-index.ts";
import type { Hit, MatchTier, NameEntry, NameIndex, SearchOutcome, Suggestion } from "./types.ts";
import { buildWordTable } from "./word-table.ts";

/** A choice offers at most this many profiles: enough to recognise one, few enough to read. */
export const MAX_CHOICES = 10;
/** Did-you-mean offers at most this many. */
export const MAX_DID_YOU_MEAN = 5;
/** Discord's autocomplete limit; the other platforms show fewer. */
export const MAX_SUGGESTIONS = 25;
/** A fuzzy match this close to the query competes with a lone prefix match. */
const PREFIX_RIVAL_MIN_SCORE = 0.85;
/** Queries are cut to this length: names are short, and the cost of a query grows with its words. */
const MAX_QUERY_CHARS = 200;

export function buildNameIndex(entries: ReadonlyArray<NameEntry>): NameIndex {
  const table = buildWordTable(entries);
  const profileCount = table.profiles.length;
  const nameCount = table.names.length;
  const parts: IndexParts = {
    table,
    prefixes: buildPrefixIndex(table.wordKeys),
    trigramIndex: buildTrigramIndex(table.wordKeys),
    scratch: {
      profiles: [new Scratch(profileCount), new Scratch(profileCount), new Scratch(profileCount)],
      names: [new Scratch(nameCount), new Scratch(nameCount)],
    },
  };

  const toHits = (matches: readonly Match[], tier: MatchTier): Hit[] =>
    matches.map(({ profile, nameId, score }) => {
      const { profileId, label } = table.profiles[profile]!;
      return { profileId, label, matched: table.names[nameId]!, tier, score: round(score) };
    });

  /**
   * One profile at the strongest tier that matched is the answer; two or more are a choice, never a
   * guess, whatever their scores: "Mohammadi" and "Mohamed" are different people.
   */
  const decide = (matches: TopMatches, tier: MatchTier): SearchOutcome | undefined => {
    const [first] = toHits(matches.best, tier);
    if (matches.total === 1 && first !== undefined) return { kind: "found", hit: first };
    if (matches.total > 1) return { kind: "several", hits: toHits(matches.best, tier) };
    return undefined;
  };

  /**
   * A prefix guesses at unfinished typing: "Mohammad" completes Mohammadi but is also one letter from
   * Mohammed, a different person, so near look-alikes turn the guess into a choice. A lone match from a
   * scan cut short by its cap may not be the only one: then ask rather than assert.
   */
  const decideLonePrefix = (lone: Match, exhaustive: boolean, fuzzy: TopMatches): SearchOutcome => {
    const rivals = fuzzy.best.filter((m) => m.profile !== lone.profile && m.score >= PREFIX_RIVAL_MIN_SCORE);
    const [hit] = toHits([lone], "prefix") as [Hit];
    if (rivals.length > 0) return { kind: "several", hits: [hit, ...toHits(rivals, "fuzzy")] };
    return exhaustive ? { kind: "found", hit } : { kind: "did-you-mean", hits: [hit] };
  };

  return {
    size: profileCount,

    search(query): SearchOutcome {
      const folded = foldName(query.slice(0, MAX_QUERY_CHARS));
      if (folded.words.length === 0) return { kind: "none" };
      const strict =
        decide(exactMatches(parts, folded, MAX_CHOICES), "exact") ??
        decide(wordMatches(parts, folded, MAX_CHOICES), "word");
      if (strict !== undefined) return strict;
      const prefix = prefixMatches(parts, folded, MAX_CHOICES);
      if (prefix.top.total > 1) return decide(prefix.top, "prefix")!;
      const fuzzy = fuzzyMatches(parts, folded, MAX_CHOICES);
      const [lone] = prefix.top.best;
      if (lone !== undefined) return decideLonePrefix(lone, prefix.exhaustive, fuzzy);
      if (fuzzy.total === 0) return { kind: "none" };
      return { kind: "did-you-mean", hits: toHits(fuzzy.best.slice(0, MAX_DID_YOU_MEAN), "fuzzy") };
    },

    suggest(prefix, limit): Suggestion[] {
      const wanted = Math.max(0, Math.min(Math.floor(limit), MAX_SUGGESTIONS));
      if (wanted === 0) return [];
      const folded = foldName(prefix.slice(0, MAX_QUERY_CHARS));
      // An empty box still gets a list (Discord asks as soon as the option is focused): alphabetical.
      const profiles =
        folded.words.length === 0
          ? table.profiles.slice(0, wanted)
          : prefixMatches(parts, folded, wanted).top.best.map((m) => table.profiles[m.profile]!);
      return profiles.map(({ profileId, label }) => ({ profileId, label }));
    },
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
