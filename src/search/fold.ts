/**
 * Search keys for names, per the data-model brief ("Searching names"). Both the indexed names and the
 * user's query go through the same functions, so every rule here is symmetric: a spelling matches when
 * both sides fold to a common key. Native scripts are folded, never transliterated.
 */
import {
  APOSTROPHES,
  FORMAT_CHARS,
  HYPHENS,
  LETTER_MAP,
  LETTER_MAP_PATTERN,
  ACCENTED_SCRIPT,
  PROTECTED_LETTERS,
  VARIANT_GROUPS,
  type VariantGroup,
} from "./letter-map.ts";

const HAS_VARIANT_LETTER = new RegExp(VARIANT_GROUPS.map((g) => g.letters.source).join("|"), "u");

/** A name or query folded for search. Every list holds distinct strings, the primary spelling first. */
export interface FoldedName {
  /** Words in reading order, each as its spelling variants. */
  words: string[][];
  /** Hyphenated compounds written as one word ("lopezmendoza"), as variants. */
  compounds: string[][];
  /** The whole name with separators removed, one key per spelling variant. */
  keys: string[];
  /** `keys` with doubled letters collapsed (Maatouk ~ Matouk); looser, since typos collapse too. */
  looseKeys: string[];
}

/** Longer names are cut: it bounds the keys one name can add to the index. */
export const MAX_WORDS_PER_NAME = 12;

const ASCII = /^[\x20-\x7e]*$/;
const BASE_AND_MARKS = /(.)(\p{M}+)/gsu;
const NOT_NAME_CHAR = /[^\p{L}\p{N}\p{M}-]+/gu;
// al-/el- and the sun-letter forms, where the article's l is assimilated: ad-Din, ar-Rahman, ash-Shami.
const ARTICLE = /^(?:al|el|ul)$/u;
const SUN_LETTER_ARTICLE = /^a(sh|th|dh|[dnrstz])$/u;
const ARABIC_ARTICLE = "ال";

/**
 * Normalizes text to words made of parts (a hyphenated word has several parts): NFKC, case fold with the
 * Turkic İ/ı handled, accents stripped, letters mapped, apostrophes dropped, Arabic article removed.
 * Letters with several romanizations (ə, q, x, ş, ç, ü…) are kept for `spellingVariants`.
 */
export function foldToParts(text: string): string[][] {
  // Most names are plain ASCII: nothing to normalize, decompose or map there.
  let s = ASCII.test(text) ? text.toLowerCase() : foldUnicode(text);
  s = s.replace(APOSTROPHES, "").replace(HYPHENS, "-");
  const words = s
    .replace(NOT_NAME_CHAR, " ")
    .split(" ")
    .map((token) => token.split("-").filter((part) => part !== ""))
    .filter((parts) => parts.length > 0);
  return dropArticles(words).slice(0, MAX_WORDS_PER_NAME);
}

function foldUnicode(text: string): string {
  // İ lower-cases to i + combining dot above, which the mark pass removes.
  const decomposed = text.normalize("NFKC").replace(FORMAT_CHARS, "").toLowerCase().normalize("NFD");
  const stripped = decomposed.replace(BASE_AND_MARKS, (run, base: string, marks: string) => {
    if (!ACCENTED_SCRIPT.test(base)) return run;
    return (
      PROTECTED_LETTERS.get(base + marks.charAt(0)) ?? PROTECTED_LETTERS.get(base + marks.at(-1)) ?? base
    );
  });
  // Recompose what was kept (Hangul jamo, Devanagari vowel signs) so both sides compare alike.
  return stripped.normalize("NFC").replace(LETTER_MAP_PATTERN, (c) => LETTER_MAP.get(c) ?? c);
}

/** The folded words of a text, hyphenated parts as separate words, spelling variants not yet expanded. */
export function foldBase(text: string): string {
  return foldToParts(text).flat().join(" ");
}

/**
 * Removes the Arabic article where it is followed by more of the name ("Abd al Rahman", "al-Matouk",
 * "ash-Shami"), and the attached "ال" of Arabic-script words. A bare "Al" or "El" that ends a name is
 * kept: then it is the name.
 */
function dropArticles(words: string[][]): string[][] {
  const out: string[][] = [];
  words.forEach((parts, w) => {
    const kept: string[] = [];
    parts.forEach((part, p) => {
      const nextInWord = parts[p + 1];
      if (!isArticle(part, nextInWord ?? words[w + 1]?.[0], nextInWord !== undefined)) {
        kept.push(stripArabicArticle(part));
      }
    });
    if (kept.length > 0) out.push(kept);
  });
  return out;
}

function isArticle(part: string, next: string | undefined, hyphenated: boolean): boolean {
  if (next === undefined) return false;
  if (ARTICLE.test(part)) return true;
  // Sun-letter forms only with a hyphen and before the assimilated letter, so "Ana" or "As" stay names.
  const sun = SUN_LETTER_ARTICLE.exec(part)?.[1];
  return sun !== undefined && hyphenated && next.startsWith(sun);
}

function stripArabicArticle(part: string): string {
  let word = part;
  // Repeated so that folding is idempotent; the length guard keeps short words such as "الف" intact.
  while (word.startsWith(ARABIC_ARTICLE) && word.length >= 4) word = word.slice(ARABIC_ARTICLE.length);
  return word;
}

/** The spellings of a folded word: the primary first, then at most 7 more, one per switched group. */
export function spellingVariants(word: string): string[] {
  if (!HAS_VARIANT_LETTER.test(word)) return [word];
  let variants = [word];
  for (const group of VARIANT_GROUPS) {
    const next: string[] = [];
    for (const v of variants) {
      next.push(replaceGroup(v, group, 0));
      if (group.letters.test(v)) next.push(replaceGroup(v, group, 1));
    }
    variants = next;
  }
  return [...new Set(variants)];
}

function replaceGroup(word: string, group: VariantGroup, pick: 0 | 1): string {
  return word.replace(group.all, (letter) => group.spellings.get(letter)?.[pick] ?? letter);
}

/** The key with every run of one letter written once. Code units suffice: valid UTF-16 never repeats a surrogate. */
export function collapseDoubles(key: string): string {
  let out = "";
  let previous = -1;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    if (unit !== previous) out += key[i];
    previous = unit;
  }
  return out;
}

/** Every search key of one name or query. */
export function foldName(text: string): FoldedName {
  const parts = foldToParts(text);
  const flat = parts.flat();
  const keys = flat.length === 0 ? [] : spellingVariants(flat.join(""));
  return {
    words: flat.map(spellingVariants),
    compounds: parts.filter((p) => p.length > 1).map((p) => spellingVariants(p.join(""))),
    keys,
    looseKeys: [...new Set(keys.map(collapseDoubles))],
  };
}
