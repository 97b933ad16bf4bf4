/**
 * Who may be named, quoted or written about: families are at risk by association, so every check here
 * fails closed. The checks repeat what the schema already enforces (no minor with a name or a scope)
 * because a record edited by hand, or a consent withdrawn a minute ago, must never reach a post.
 */
import { english, type Translator } from "../core/i18n/translator.ts";
import { findMember, hasConsent, mayBeNamed } from "../core/consent.ts";
import type { FamilyMember, Profile } from "../core/profile.ts";
import { relationshipWithPronoun } from "./wording.ts";

// The consent rules themselves live in the core (the import asks them too); cards and share kits ask here.
export { findMember, hasConsent, mayBeNamed };

/** The relative's name where it may be shown, else their role: "Vafa Mammadova" or "his fiancée". */
export function referTo(member: FamilyMember, gender: Profile["gender"], tr: Translator = english): string {
  return mayBeNamed(member) ? member.displayName : relationshipWithPronoun(member.relationship, gender, tr);
}

/** The family story is shown only while everyone it is about consents to "story", and none is a minor. */
export function storyAllowed(profile: Pick<Profile, "family" | "familyStory">): boolean {
  const story = profile.familyStory;
  if (!story) return false;
  return story.about.every((id) => {
    const member = findMember(profile, id);
    return member !== undefined && hasConsent(member, "story");
  });
}

/** The first quote whose speaker is an adult who consented to "quote". */
export function firstQuotable(
  profile: Pick<Profile, "family" | "quotes">,
): Profile["quotes"][number] | undefined {
  return profile.quotes.find((quote) => {
    const speaker = findMember(profile, quote.speaker);
    return speaker !== undefined && hasConsent(speaker, "quote");
  });
}
