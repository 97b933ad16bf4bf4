/**
 * Who may be named, quoted or written about: families are at risk by association, so every check here
 * fails closed. The checks repeat what the schema already enforces (no minor with a name or a scope)
 * because a record edited by hand, or a consent withdrawn a minute ago, must never reach a post.
 */
import { english, type Translator } from "../core/i18n/translator.ts";
import { CONSENT_SCOPES, type ConsentScope, type FamilyMember, type Profile } from "../core/profile.ts";
import { relationshipWithPronoun } from "./wording.ts";

/** Consent given, for this scope, by an adult: withdrawn, refused or not sought all mean no. */
export function hasConsent(member: FamilyMember, scope: ConsentScope): boolean {
  return !member.isMinor && member.consent.status === "given" && member.consent.scope.includes(scope);
}

/** Only a relative who already speaks publicly under their own name, and agreed to be named here. */
export function mayBeNamed(member: FamilyMember): member is FamilyMember & { displayName: string } {
  return member.publicAdvocate && member.displayName !== undefined && hasConsent(member, "name");
}

/** The relative's name where it may be shown, else their role: "Vafa Mammadova" or "his fiancée". */
export function referTo(member: FamilyMember, gender: Profile["gender"], tr: Translator = english): string {
  return mayBeNamed(member) ? member.displayName : relationshipWithPronoun(member.relationship, gender, tr);
}

/** A quote's speaker; unknown ids count as not consenting. */
export function findMember(profile: Pick<Profile, "family">, id: string): FamilyMember | undefined {
  return profile.family.find((m) => m.id === id);
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

/**
 * Whether a change to a profile takes back something its posts may already show: a relative's consent to
 * a scope withdrawn (or the relative removed), a relative who may no longer be named, or the photo taken
 * away. Every post of the profile is then withdrawn (src/core/retraction.ts), as for a takedown: a post
 * once sent cannot be re-checked field by field, and where in doubt the bot holds back.
 */
export function consentWithdrawn(
  before: Pick<Profile, "family" | "photo">,
  after: Pick<Profile, "family" | "photo">,
): boolean {
  for (const was of before.family) {
    const now = findMember(after, was.id);
    if (mayBeNamed(was) && !(now && mayBeNamed(now))) return true;
    for (const scope of CONSENT_SCOPES) {
      if (hasConsent(was, scope) && !(now && hasConsent(now, scope))) return true;
    }
  }
  return before.photo?.consent === true && after.photo?.consent !== true;
}
