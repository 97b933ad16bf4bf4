/**
 * A profile with its texts in the reader's language (translated.ts chooses them): the card is then built
 * from it as from any profile, so no part of the card needs to know about translations. What the
 * translation lacks stays as written; a translated quote is marked as a translation.
 */
import { currentDetention, type Profile } from "../core/profile.ts";
import type { TranslatedTexts } from "./translated.ts";

export function withTexts(profile: Profile, shown: TranslatedTexts): Profile {
  if (shown.fallback || !shown.translator) return profile;
  const { texts } = shown;
  const current = currentDetention(profile);
  const detentions = profile.detentions.map((d) => {
    if (d !== current) return d;
    const notes = texts.detentionNotes;
    return {
      ...d,
      charges: d.charges.map((c, i) => ({ ...c, label: texts.charges[i] ?? c.label })),
      ...(notes.arrestDateNote !== undefined ? { arrestDateNote: notes.arrestDateNote } : {}),
      ...(notes.note !== undefined ? { note: notes.note } : {}),
      ...(d.release && notes.releaseNote !== undefined
        ? { release: { ...d.release, note: notes.releaseNote } }
        : {}),
    };
  });
  return {
    ...profile,
    summary: { ...profile.summary, text: texts.summary },
    ...(profile.familyStory && texts.familyStory !== undefined
      ? { familyStory: { ...profile.familyStory, text: texts.familyStory } }
      : {}),
    detentions,
    quotes: profile.quotes.map((q, i) => {
      const shownQuote = texts.quotes[i];
      return shownQuote?.translated
        ? { ...q, text: shownQuote.text, lang: shown.language, isTranslation: true }
        : q;
    }),
  };
}
