/**
 * Character tables for name folding. They exist because Unicode decomposition alone does not fold these
 * letters: ə, ı, ł, ø, đ have no decomposition, and Arabic-script names are typed with Persian or Arabic
 * keyboards that produce different code points for the same letter.
 */

/** Letters replaced outright, after case folding and mark stripping. */
export const LETTER_MAP: ReadonlyMap<string, string> = new Map([
  // Latin letters without a decomposition.
  ["ı", "i"],
  ["ł", "l"],
  ["ø", "o"],
  ["đ", "d"],
  ["ð", "d"],
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["þ", "th"],
  ["ħ", "h"],
  ["ŧ", "t"],
  ["ĸ", "k"],
  ["ƒ", "f"],
  ["ɨ", "i"],
  ["ʉ", "u"],
  // West African orthographies (Mandinka, Wolof, Fula, Hausa) write these; newspapers use the plain letter.
  ["ŋ", "ng"],
  ["ɛ", "e"],
  ["ɔ", "o"],
  ["ɲ", "ny"],
  ["ɓ", "b"],
  ["ɗ", "d"],
  ["ƙ", "k"],
  ["ƴ", "y"],
  // Greek final sigma is the same letter as σ.
  ["ς", "σ"],
  // Arabic script: Persian/Urdu/Uyghur keyboards and Arabic ones differ on these.
  ["ة", "ه"],
  ["ى", "ي"],
  ["ی", "ي"],
  ["ک", "ك"],
  ["ە", "ه"],
  ["ھ", "ه"],
  ["ٱ", "ا"],
  // Hebrew final forms: a prefix typed mid-word must match the same letter at a word's end.
  ["ך", "כ"],
  ["ם", "מ"],
  ["ן", "נ"],
  ["ף", "פ"],
  ["ץ", "צ"],
]);

export const LETTER_MAP_PATTERN = new RegExp(`[${[...LETTER_MAP.keys()].join("")}]`, "gu");

export interface VariantGroup {
  /** Tests whether a word holds any letter of the group. */
  letters: RegExp;
  /** The same letters, global, for replacing them all. */
  all: RegExp;
  spellings: ReadonlyMap<string, readonly [string, string]>;
}

function variantGroup(spellings: Array<[string, readonly [string, string]]>): VariantGroup {
  const letters = `[${spellings.map(([letter]) => letter).join("")}]`;
  return { letters: new RegExp(letters, "u"), all: new RegExp(letters, "gu"), spellings: new Map(spellings) };
}

/**
 * Letters with more than one common romanization. They survive mark stripping (ş, ç, ü would otherwise
 * lose their cedilla or diaeresis) and are expanded into spelling variants: the first spelling is the
 * primary key, the second an extra key. Letters in one group switch together, which keeps the number of
 * variants per word at most 2 × 2 × 2 whatever the length of the name.
 */
export const VARIANT_GROUPS: readonly VariantGroup[] = [
  // Azerbaijani schwa: Məmmədov is written Mammadov and Memmedov.
  variantGroup([["ə", ["a", "e"]]]),
  // Azerbaijani and Turkish spellings against English transliterations: İlqar ~ Ilgar, Xədicə ~ Khadija,
  // Rəşad ~ Rashad, Elçin ~ Elchin.
  variantGroup([
    ["q", ["q", "g"]],
    ["x", ["x", "kh"]],
    ["ş", ["s", "sh"]],
    ["ç", ["c", "ch"]],
  ]),
  // Umlauts: Hüseynov ~ Huseynov, and German Müller ~ Mueller.
  variantGroup([
    ["ä", ["a", "ae"]],
    ["ö", ["o", "oe"]],
    ["ü", ["u", "ue"]],
  ]),
];

/**
 * The letters kept through mark stripping so that their variants can be produced, by their decomposed
 * form (base letter + mark).
 */
export const PROTECTED_LETTERS: ReadonlyMap<string, string> = new Map(
  ["ş", "ç", "ä", "ö", "ü"].map((letter) => [letter.normalize("NFD"), letter]),
);

/** Apostrophes and ayn/hamza signs of every kind: dropped, so Ma'touq, Maʼtouq and Matouq agree. */
export const APOSTROPHES = /['’‘‛ʼʻʽʾʿ`´′ˈ＇]/gu;

/** Hyphens and dashes that join parts of one name (López-Mendoza, al-Matouk). */
export const HYPHENS = /[-‐‑‒–−﹣]/gu;

/**
 * Invisible formatting (ZWNJ in Persian names, soft hyphens, bidi marks) and tatweel (Arabic decoration):
 * removed without a trace, before accents are stripped, so that a mark one of them carried lands on the
 * letter before it on the first fold, as it would on a second (folding stays idempotent).
 */
export const FORMAT_CHARS = /[\p{Cf}\u0640]/gu;

/**
 * Scripts whose combining marks are accents or vowel points that people routinely omit. Marks in other
 * scripts (Devanagari vowel signs, kana voicing) change the letter, so they are kept.
 */
export const ACCENTED_SCRIPT =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Armenian}]/u;
