/**
 * The core tables of the name index: names, their folded words, and postings from keys to names. Words
 * are interned once (a word id per distinct key), so the prefix and trigram indexes work on word ids and
 * stay small however many profiles share a common name.
 */
import { foldName } from "./fold.ts";
import type { NameEntry } from "./types.ts";

export interface IndexedProfile {
  profileId: string;
  label: string;
}

/**
 * Key → names, with a lone name stored as a bare number: most whole-name keys belong to one name, and
 * hundreds of thousands of one-element arrays would cost memory and garbage-collection time.
 */
export type PostingMap = Map<string, number | number[]>;

export function postings(map: PostingMap, key: string): readonly number[] {
  const found = map.get(key);
  return found === undefined ? [] : typeof found === "number" ? [found] : found;
}

export interface WordTable {
  /** In label order, so that ascending profile numbers are alphabetical: ties list alphabetically. */
  profiles: IndexedProfile[];
  /** Original spelling of each name. */
  names: string[];
  nameProfile: Int32Array;
  /** Words in each name (not counting variants), for how much of a name a query covers. */
  nameWordCount: Uint8Array;
  /** Whole-name keys (`FoldedName.keys`) → names. */
  exact: PostingMap;
  /** Whole-name keys with doubled letters collapsed → names, for names whose collapsed key differs. */
  loose: PostingMap;
  wordIdByKey: Map<string, number>;
  wordKeys: string[];
  /** Word → names containing it, ascending (hence in profile order). */
  wordNames: number[][];
  /** Profile → distinct word ids of all its names, for checking the other words of a query. */
  profileWords: number[][];
}

export function buildWordTable(entries: readonly NameEntry[]): WordTable {
  // Decomposed lower case is enough to put "Élise" beside "Elise"; a full fold per label doubles build time.
  const ordered = entries
    .map((entry) => ({ entry, sortKey: entry.label.normalize("NFD").toLowerCase() }))
    .sort((a, b) => compare(a.sortKey, b.sortKey) || compare(a.entry.profileId, b.entry.profileId))
    .map(({ entry }) => entry);
  const table: WordTable = {
    profiles: [],
    names: [],
    nameProfile: new Int32Array(0),
    nameWordCount: new Uint8Array(0),
    exact: new Map(),
    loose: new Map(),
    wordIdByKey: new Map(),
    wordKeys: [],
    wordNames: [],
    profileWords: [],
  };
  const nameProfile: number[] = [];
  const nameWordCount: number[] = [];
  for (const entry of ordered) {
    const profile = table.profiles.length;
    table.profiles.push({ profileId: entry.profileId, label: entry.label });
    const words = new Set<number>();
    for (const name of new Set(entry.names)) {
      const folded = foldName(name);
      if (folded.keys.length === 0) continue;
      const nameId = table.names.length;
      table.names.push(name);
      nameProfile.push(profile);
      nameWordCount.push(folded.words.length);
      for (const key of folded.keys) addPosting(table.exact, key, nameId);
      for (const key of folded.looseKeys) {
        // A loose key equal to an exact key is already in `exact`, where loose lookups also search.
        if (!folded.keys.includes(key)) addPosting(table.loose, key, nameId);
      }
      for (const variants of [...folded.words, ...folded.compounds]) {
        for (const key of variants) words.add(internWord(table, key, nameId));
      }
    }
    table.profileWords.push([...words]);
  }
  table.nameProfile = Int32Array.from(nameProfile);
  table.nameWordCount = Uint8Array.from(nameWordCount);
  return table;
}

function internWord(table: WordTable, key: string, nameId: number): number {
  let wordId = table.wordIdByKey.get(key);
  if (wordId === undefined) {
    wordId = table.wordKeys.length;
    table.wordIdByKey.set(key, wordId);
    table.wordKeys.push(key);
    table.wordNames.push([]);
  }
  const postings = table.wordNames[wordId]!;
  // Names arrive in ascending order, so a duplicate can only be the last one added.
  if (postings.at(-1) !== nameId) postings.push(nameId);
  return wordId;
}

function addPosting(map: PostingMap, key: string, nameId: number): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, nameId);
  else if (typeof found === "number") {
    if (found !== nameId) map.set(key, [found, nameId]);
  } else if (found.at(-1) !== nameId) found.push(nameId);
}

/** Code-unit order: stable across locales, and keys sharing a prefix are contiguous in it. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct profiles of the given names, keeping for each the first name seen. */
export function profilesOfNames(table: WordTable, nameIds: Iterable<number>): Map<number, number> {
  const byProfile = new Map<number, number>();
  for (const nameId of nameIds) {
    const profile = table.nameProfile[nameId]!;
    if (!byProfile.has(profile)) byProfile.set(profile, nameId);
  }
  return byProfile;
}
