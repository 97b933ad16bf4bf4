/**
 * A profile's texts in other languages (issue 15, item 5): the words a post shows, never the facts. Names,
 * dates, statuses and sources stay the profile's own; a translation carries only text, each marked as
 * reviewed by a fluent person or not, with who made it. A list of entries, one per language: never an
 * object keyed by what a file says, so a language is a value the schema checks.
 */
import { z } from "zod";
import { LANGUAGE_TAGS, type LanguageTag } from "./i18n/languages.ts";

const text = z.string().trim().min(1, { error: "must not be empty" });
const webUrl = z
  .string()
  .url({ error: "expected an absolute URL" })
  .refine((u) => /^https?:\/\//i.test(u), { error: "expected an http or https URL" });

/** Whether a campaign's posts use every translation or only those a fluent person reviewed. */
export const TRANSLATION_MODES = ["all", "reviewed-only"] as const;
export type TranslationMode = (typeof TRANSLATION_MODES)[number];
/** An unreviewed translation is better than English for its readers (issue 15, item 2). */
export const DEFAULT_TRANSLATION_MODE: TranslationMode = "all";
/** The language a campaign's profiles are written in, when the campaign does not say. */
export const DEFAULT_SOURCE_LANGUAGE: LanguageTag = "en";

/** The current detention's notes a card shows, translated; each only where the detention has it. */
const detentionNotesSchema = z.strictObject({
  arrestDateNote: text.max(500).optional(),
  releaseNote: text.max(500).optional(),
  note: text.max(1000).optional(),
});

export const profileTranslationSchema = z.strictObject({
  language: z.enum(LANGUAGE_TAGS),
  /** True only when a fluent person checked it against the source text. */
  reviewed: z.boolean(),
  /** A person's name, or "machine-assisted draft (…)" for a draft nobody has reviewed. */
  translator: text.max(200),
  /** Where a published translation was taken from. */
  source: webUrl.optional(),
  summary: text.max(1500),
  familyStory: text.max(1500).optional(),
  /** One label per charge of the current detention, in the same order. */
  charges: z.array(z.strictObject({ label: text.max(300) })).optional(),
  detentionNotes: detentionNotesSchema.optional(),
  /** Translations of the profile's quotes: `index` is the quote's position in `quotes` (from 0). */
  quotes: z.array(z.strictObject({ index: z.number().int().nonnegative(), text: text.max(1000) })).optional(),
});
export type ProfileTranslation = z.infer<typeof profileTranslationSchema>;

export const translationsSchema = z.array(profileTranslationSchema);

/** What of the profile a translation is checked against. */
export interface TranslatedSource {
  familyStory?: unknown;
  quotes: readonly unknown[];
  current: {
    charges: readonly unknown[];
    arrestDateNote?: string;
    note?: string;
    release?: { note?: string };
  };
  /** Where the current detention sits in `detentions`, for messages. */
  currentIndex: number;
}

type Issue = (path: (string | number)[], message: string) => void;

/** One translation per language, and nothing translated that the profile does not say in its own words. */
export function checkTranslations(
  translations: readonly ProfileTranslation[],
  source: TranslatedSource,
  issue: Issue,
): void {
  const first = new Map<string, number>();
  translations.forEach((t, i) => {
    const at = (...rest: (string | number)[]) => ["translations", i, ...rest];
    const earlier = first.get(t.language);
    if (earlier !== undefined) {
      issue(
        at("language"),
        `a second translation into "${t.language}": one entry per language (the first is translations[${earlier}])`,
      );
    } else first.set(t.language, i);
    if (t.familyStory !== undefined && source.familyStory === undefined) {
      issue(at("familyStory"), "translates a family story the profile does not have: add familyStory first");
    }
    checkCharges(t, source, at, issue);
    checkNotes(t, source, at, issue);
    const seen = new Set<number>();
    t.quotes?.forEach((q, j) => {
      if (q.index >= source.quotes.length) {
        const known =
          source.quotes.length === 0 ? "the profile has no quotes" : `0 to ${source.quotes.length - 1}`;
        issue(at("quotes", j, "index"), `no quote at index ${q.index}: allowed ${known}`);
      }
      if (seen.has(q.index)) issue(at("quotes", j, "index"), `quote ${q.index} is translated twice`);
      seen.add(q.index);
    });
  });
}

function checkCharges(
  t: ProfileTranslation,
  source: TranslatedSource,
  at: (...rest: (string | number)[]) => (string | number)[],
  issue: Issue,
): void {
  if (t.charges === undefined) return;
  const expected = source.current.charges.length;
  if (t.charges.length !== expected) {
    issue(
      at("charges"),
      `${t.charges.length} label${t.charges.length === 1 ? "" : "s"} given, but the current detention ` +
        `(detentions[${source.currentIndex}]) has ${expected} charge${expected === 1 ? "" : "s"}: ` +
        "give one label per charge, in the same order",
    );
  }
}

function checkNotes(
  t: ProfileTranslation,
  source: TranslatedSource,
  at: (...rest: (string | number)[]) => (string | number)[],
  issue: Issue,
): void {
  const notes = t.detentionNotes;
  if (!notes) return;
  const where = `detentions[${source.currentIndex}]`;
  const has = {
    arrestDateNote: [source.current.arrestDateNote, `${where}.arrestDateNote`],
    releaseNote: [source.current.release?.note, `${where}.release.note`],
    note: [source.current.note, `${where}.note`],
  } as const;
  for (const key of Object.keys(has) as (keyof typeof has)[]) {
    const [original, field] = has[key];
    if (notes[key] !== undefined && original === undefined) {
      issue(at("detentionNotes", key), `translates ${field}, which the current detention does not have`);
    }
  }
}
