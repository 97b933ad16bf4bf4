/** How much of the English catalog each language's own catalog says (the rest falls back to English). */
import { CATALOGS, REVIEWS, SOURCE } from "./catalogs.ts";
import { type Language, USER_LANGUAGES } from "./languages.ts";

export interface LanguageStatus {
  language: Language;
  /** Messages its own catalog has, of the English ones. */
  translated: number;
  total: number;
  reviewed: boolean;
  reviewedBy: string | null;
  translatedBy: string | null;
  note: string;
}

export function languageStatuses(): LanguageStatus[] {
  const keys = Object.entries(SOURCE).flatMap(([area, messages]) =>
    Object.keys(messages).map((name) => [area, name] as const),
  );
  return USER_LANGUAGES.map((language) => {
    const catalog = CATALOGS[language.tag];
    const translated = keys.filter(([area, name]) => {
      const messages = catalog && Object.hasOwn(catalog, area) ? catalog[area] : undefined;
      return messages !== undefined && Object.hasOwn(messages, name) && messages[name] !== "";
    }).length;
    const review = REVIEWS[language.tag];
    return {
      language,
      translated,
      total: keys.length,
      reviewed: review?.reviewed ?? false,
      reviewedBy: review?.reviewedBy ?? null,
      translatedBy: review?.translatedBy ?? null,
      note: review?.note ?? "",
    };
  });
}
