/**
 * The core tables of the name index: names, their folded words, and postings from keys to names. Words
 * are interned once (a word id per distinct key), so the prefix and trigram indexes work on word ids and
 * stay small however many profiles share a common name.
 */
import { foldName } from "./fold.ts";
import { type KeyTable, KeyTableBuilder } from "./key-table.ts";
import { groupPairs, IntList, ListBuilder, type PackedLists } from "./packed-lists.ts";
import type { NameEntry } from "./types.ts";

export interface IndexedProfile {
  profileId: string;
  label: string;
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
  exact: KeyTable;
  /** Whole-name keys with doubled letters collapsed → names, for names whose collapsed key differs. */
  loose: KeyTable;
  /** Word key → its word id (a list of one). */
  wordIds: KeyTable;
  wordKeys: string[];
  /** Word → names containing it, ascending (hence in profile order). */
  wordNames: PackedLists;
  /** Profile → distinct word ids of all its names, for checking the other words of a query. */
  profileWords: PackedLists;
}

const NONE = new Int32Array(0);

/** The ids stored under `key`: a view, empty when the key is absent. */
export function idsOf(table: KeyTable, key: string): Int32Array {
  const at = table.find(key);
  if (at < 0) return NONE;
  const { offsets, items } = table.ids;
  return items.subarray(offsets[at]!, offsets[at + 1]!);
}

/** The word id of `key`, or undefined when no indexed name has that word. */
export function wordIdOf(table: WordTable, key: string): number | undefined {
  const at = table.wordIds.find(key);
  return at < 0 ? undefined : table.wordIds.ids.items[table.wordIds.ids.offsets[at]!];
}

export function buildWordTable(entries: readonly NameEntry[]): WordTable {
  // Decomposed lower case is enough to put "Élise" beside "Elise"; a full fold per label doubles build time.
  const ordered = entries
    .map((entry) => ({ entry, sortKey: entry.label.normalize("NFD").toLowerCase() }))
    .sort((a, b) => compare(a.sortKey, b.sortKey) || compare(a.entry.profileId, b.entry.profileId))
    .map(({ entry }) => entry);
  const profiles: IndexedProfile[] = [];
  const names: string[] = [];
  const nameProfile = new IntList();
  const nameWordCount: number[] = [];
  const exact = new KeyTableBuilder();
  const loose = new KeyTableBuilder();
  const words = new WordInterner();
  const profileWords = new ListBuilder();
  for (const entry of ordered) {
    const profile = profiles.length;
    profiles.push({ profileId: entry.profileId, label: entry.label });
    const wordsOfProfile = new Set<number>();
    for (const name of new Set(entry.names)) {
      const folded = foldName(name);
      if (folded.keys.length === 0) continue;
      const nameId = names.length;
      names.push(name);
      nameProfile.push(profile);
      nameWordCount.push(folded.words.length);
      for (const key of folded.keys) exact.add(key, nameId);
      for (const key of folded.looseKeys) {
        // A loose key equal to an exact key is already in `exact`, where loose lookups also search.
        if (!folded.keys.includes(key)) loose.add(key, nameId);
      }
      for (const variants of [...folded.words, ...folded.compounds]) {
        for (const key of variants) wordsOfProfile.add(words.add(key, nameId));
      }
    }
    profileWords.begin();
    for (const wordId of wordsOfProfile) profileWords.push(wordId);
  }
  return {
    profiles,
    names,
    nameProfile: nameProfile.toArray(),
    nameWordCount: Uint8Array.from(nameWordCount),
    exact: exact.freeze(),
    loose: loose.freeze(),
    ...words.finish(),
    profileWords: profileWords.finish(),
  };
}

/** Gives each distinct word key an id, and collects which names hold each word. */
class WordInterner {
  private readonly idByKey = new Map<string, number>();
  private readonly keys: string[] = [];
  /** The last name added to each word: names arrive in ascending order, so a repeat is always that one. */
  private readonly lastName = new IntList();
  private readonly pairWords = new IntList();
  private readonly pairNames = new IntList();

  add(key: string, nameId: number): number {
    let wordId = this.idByKey.get(key);
    if (wordId === undefined) {
      wordId = this.keys.length;
      this.idByKey.set(key, wordId);
      this.keys.push(key);
      this.lastName.push(-1);
    }
    if (this.lastName.at(wordId) !== nameId) {
      this.lastName.set(wordId, nameId);
      this.pairWords.push(wordId);
      this.pairNames.push(nameId);
    }
    return wordId;
  }

  finish(): Pick<WordTable, "wordIds" | "wordKeys" | "wordNames"> {
    const wordIds = new KeyTableBuilder();
    this.keys.forEach((key, wordId) => wordIds.add(key, wordId));
    return {
      wordIds: wordIds.freeze(),
      wordKeys: this.keys,
      wordNames: groupPairs(this.pairWords, this.pairNames, this.keys.length),
    };
  }
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
