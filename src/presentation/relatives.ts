/**
 * How a relative is referred to: "his wife", "her daughter". The relationship is a word in the profile's
 * data (English); the common ones are said in the reader's language through the catalog, any other stays
 * as the data gives it.
 */
import { english, type Translator } from "../core/i18n/translator.ts";
import type { Profile } from "../core/profile.ts";
import { genderOf } from "./grammar.ts";

type Gender = Profile["gender"];

/** The relationships the catalog words in every language (the `card.relative` message's cases). */
const RELATIONS = [
  "wife",
  "husband",
  "spouse",
  "partner",
  "fiancee",
  "fiance",
  "mother",
  "father",
  "parent",
  "son",
  "daughter",
  "child",
  "brother",
  "sister",
  "sibling",
  "grandmother",
  "grandfather",
  "uncle",
  "aunt",
  "cousin",
  "nephew",
  "niece",
] as const;

/** The catalog's case for a relationship word ("Fiancée" → "fiancee"), or "other" for one it lacks. */
export function relationKey(relationship: string): string {
  const key = relationship.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  return (RELATIONS as readonly string[]).includes(key) ? key : "other";
}

/** "his wife", "her daughter": how a relative who must not be named is referred to. */
export function relationshipWithPronoun(
  relationship: string,
  gender: Gender,
  tr: Translator = english,
): string {
  const word = relationship.trim();
  return tr.t("card.relative", { relation: relationKey(word), gender: genderOf(gender), word });
}
