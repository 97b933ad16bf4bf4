/** The public shapes of name search. */

/** One profile to index: every searchable name (display name, native, transliterations, aliases…). */
export interface NameEntry {
  profileId: string;
  /** What a person picking from a list reads: usually the display name. */
  label: string;
  names: string[];
}

export type MatchTier = "exact" | "word" | "prefix" | "fuzzy";

/**
 * One profile that matched. `matched` is the original spelling of the name that matched best. `score`
 * ranks hits within one tier, from 0 to 1: 1 for exact; for word and prefix the share of the matched
 * name the query covers; for fuzzy the mean word similarity.
 */
export interface Hit {
  profileId: string;
  label: string;
  matched: string;
  tier: MatchTier;
  score: number;
}

export type SearchOutcome =
  | { kind: "found"; hit: Hit }
  | { kind: "several"; hits: Hit[] }
  | { kind: "did-you-mean"; hits: Hit[] }
  | { kind: "none" };

export interface Suggestion {
  profileId: string;
  label: string;
}

export interface NameIndex {
  /** Number of profiles indexed. */
  readonly size: number;
  search(query: string): SearchOutcome;
  /** Profiles with a word starting with each word of `prefix`, shortest completion first. */
  suggest(prefix: string, limit: number): Suggestion[];
}
