/**
 * Import messages about a profile's translations name the profile and the language, not only a path: a
 * bundle holds many profiles with eight translations each, and "profiles[3].translations[5].summary" alone
 * sends a curator counting. The campaign's source language is checked here too: no schema of one record
 * knows which campaign a profile's texts are written for.
 */
import type { ImportProblem } from "../core/errors.ts";
import { DEFAULT_SOURCE_LANGUAGE } from "../core/profile-translations.ts";
import { type DocPath, formatPath, isPlainObject } from "./document.ts";
import type { RecordRef } from "./read-document.ts";

/**
 * Where a record lists its translations: a profile's `translations`, a campaign's `textTranslations` (its
 * `translations` is its setting, "all" or "reviewed-only", not a list of texts).
 */
export function translationsKey(kind: RecordRef["kind"]): string {
  return kind === "profile" ? "translations" : "textTranslations";
}

/** The raw language of each translation entry, wherever it is readable, for messages and cross-checks. */
export function rawTranslationLanguages(
  fields: Record<string, unknown>,
  kind: RecordRef["kind"],
): RecordRef["translations"] {
  const list = fields[translationsKey(kind)];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) =>
    isPlainObject(entry) && typeof entry.language === "string" ? [{ index, language: entry.language }] : [],
  );
}

/**
 * `profile "id", translation into "fr": ` (or `campaign "id", …`) for a problem inside the record's list
 * of translations, else "". `issuePath` is relative to the record.
 */
export function translationContext(
  ref: Pick<RecordRef, "kind" | "id" | "translations">,
  issuePath: DocPath,
): string {
  if (issuePath[0] !== translationsKey(ref.kind)) return "";
  const who = ref.id === undefined ? ref.kind : `${ref.kind} "${ref.id}"`;
  const index = issuePath[1];
  const language = ref.translations.find((t) => t.index === index)?.language;
  return language === undefined ? `${who}: ` : `${who}, translation into "${language}": `;
}

/** A translation into the campaign's own source language duplicates the profile's texts: refused. */
export function sourceLanguageProblems(
  refs: readonly RecordRef[],
  knownLanguages: ReadonlyMap<string, string>,
): ImportProblem[] {
  const languages = new Map(knownLanguages);
  for (const ref of refs) {
    if (ref.kind === "campaign" && ref.id !== undefined)
      languages.set(ref.id, ref.sourceLanguage ?? DEFAULT_SOURCE_LANGUAGE);
  }
  const problems: ImportProblem[] = [];
  for (const ref of refs) {
    if (ref.kind !== "profile" || ref.campaign === undefined) continue;
    const source = languages.get(ref.campaign);
    if (source === undefined) continue;
    for (const t of ref.translations) {
      if (t.language !== source) continue;
      const path = [...ref.path, "translations", t.index, "language"];
      problems.push({
        file: ref.file,
        path: formatPath(path),
        line: ref.lineAt(path),
        message:
          `${translationContext(ref, ["translations", t.index])}"${source}" is the source language of ` +
          `campaign "${ref.campaign}", the language the profile's own texts are in: translate into ` +
          "another language, or set the campaign's sourceLanguage",
      });
    }
  }
  return problems;
}
