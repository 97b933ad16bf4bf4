/**
 * The languages the bot speaks: one entry each, with what every platform calls it. Only this file lists
 * them; everything else asks `LANGUAGES`, `languageOf` or `matchLanguage`.
 */
export const LANGUAGE_TAGS = ["en", "es", "fr", "ar", "fa", "ru", "uk", "az", "zh-Hans"] as const;
export type LanguageTag = (typeof LANGUAGE_TAGS)[number];

/** Not offered to users: every English text made longer, accented and bracketed, to test room and coverage. */
export const PSEUDO_LANGUAGE = "qps-ploc";
export type AnyLanguageTag = LanguageTag | typeof PSEUDO_LANGUAGE;

export interface Language {
  tag: AnyLanguageTag;
  /** The language's name in English, for operators and the README. */
  english: string;
  /** Its name in itself, for the people choosing it. */
  native: string;
  direction: "ltr" | "rtl";
  /** The locale given to Intl for dates, numbers and plurals. */
  intl: string;
  /**
   * Tried in order when this language's catalog lacks a message, ending in English (the source language):
   * explicit, so no user ever sees a key.
   */
  fallback: readonly AnyLanguageTag[];
  /** Discord's locale codes for it (Discord supports no Arabic, Persian or Azerbaijani). */
  discord: readonly string[];
}

export const LANGUAGES: readonly Language[] = [
  {
    tag: "en",
    english: "English",
    native: "English",
    direction: "ltr",
    intl: "en-GB",
    fallback: [],
    discord: ["en-US", "en-GB"],
  },
  {
    tag: "es",
    english: "Spanish",
    native: "Español",
    direction: "ltr",
    intl: "es",
    fallback: ["en"],
    discord: ["es-ES", "es-419"],
  },
  {
    tag: "fr",
    english: "French",
    native: "Français",
    direction: "ltr",
    intl: "fr",
    fallback: ["en"],
    discord: ["fr"],
  },
  {
    tag: "ar",
    english: "Arabic",
    native: "العربية",
    direction: "rtl",
    intl: "ar",
    fallback: ["en"],
    discord: [],
  },
  {
    tag: "fa",
    english: "Persian",
    native: "فارسی",
    direction: "rtl",
    intl: "fa",
    fallback: ["en"],
    discord: [],
  },
  {
    tag: "ru",
    english: "Russian",
    native: "Русский",
    direction: "ltr",
    intl: "ru",
    fallback: ["en"],
    discord: ["ru"],
  },
  {
    tag: "uk",
    english: "Ukrainian",
    native: "Українська",
    direction: "ltr",
    intl: "uk",
    fallback: ["en"],
    discord: ["uk"],
  },
  {
    tag: "az",
    english: "Azerbaijani",
    native: "Azərbaycan dili",
    direction: "ltr",
    intl: "az",
    fallback: ["en"],
    discord: [],
  },
  {
    tag: "zh-Hans",
    english: "Chinese (Simplified)",
    native: "简体中文",
    direction: "ltr",
    intl: "zh-Hans",
    fallback: ["en"],
    discord: ["zh-CN"],
  },
  {
    tag: PSEUDO_LANGUAGE,
    english: "Pseudo-language (testing)",
    native: "[Ƥšéûðö]",
    direction: "ltr",
    intl: "en-GB",
    fallback: ["en"],
    discord: [],
  },
];

const BY_TAG = new Map<string, Language>(LANGUAGES.map((l) => [l.tag.toLowerCase(), l]));

/** The language of a tag exactly as listed (any case), or undefined. */
export function languageOf(tag: string): Language | undefined {
  return BY_TAG.get(tag.toLowerCase());
}

export function isLanguageTag(tag: string): tag is AnyLanguageTag {
  return BY_TAG.has(tag.toLowerCase());
}

/** The shipped languages a user may choose (the pseudo-language is not one). */
export const USER_LANGUAGES: readonly Language[] = LANGUAGES.filter((l) => l.tag !== PSEUDO_LANGUAGE);

/** Chinese written in Simplified script, whatever the platform's code for it: zh, zh-CN, zh-SG, zh-hans. */
const SIMPLIFIED_CHINESE = /^zh(?:[-_](?:hans|cn|sg|my))?(?:[-_].*)?$/i;
const TRADITIONAL_CHINESE = /^zh[-_](?:hant|tw|hk|mo)\b/i;

/**
 * The shipped language for a platform's locale ("es-ES", "es-419", "pt-BR", "zh-CN", "zh-hans", "fa"), or
 * undefined when none fits: the caller then uses the channel's language. Traditional Chinese is not
 * offered Simplified (a different script); every other region variant takes its language.
 */
export function matchLanguage(locale: string | undefined): AnyLanguageTag | undefined {
  if (!locale) return undefined;
  const exact = languageOf(locale);
  if (exact) return exact.tag;
  if (TRADITIONAL_CHINESE.test(locale)) return undefined;
  if (SIMPLIFIED_CHINESE.test(locale)) return "zh-Hans";
  const base = locale.split(/[-_]/)[0]?.toLowerCase() ?? "";
  const byBase = BY_TAG.get(base);
  return byBase && byBase.tag !== PSEUDO_LANGUAGE ? byBase.tag : undefined;
}

/** A language a user may choose, by its tag, its English name or its own name, in any case: "fa", "Persian", "فارسی". */
export function findUserLanguage(typed: string): Language | undefined {
  const wanted = typed.trim().toLowerCase();
  return (
    USER_LANGUAGES.find((l) => l.tag.toLowerCase() === wanted) ??
    USER_LANGUAGES.find((l) => l.english.toLowerCase() === wanted || l.native.toLowerCase() === wanted)
  );
}
