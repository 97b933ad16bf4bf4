/**
 * Consent as the data model records it, per relative and scope: who may be named, and whether a change to
 * a profile takes back something already shown. Every check fails closed. The wording built on these
 * (how a relative is referred to, the story, the quote) is src/presentation/consent.ts; the import
 * (db/repositories/catalog-import.ts) asks consentWithdrawn.
 */
import { CONSENT_SCOPES, type ConsentScope, type FamilyMember, type Profile } from "./profile.ts";

/** Consent given, for this scope, by an adult: withdrawn, refused or not sought all mean no. */
export function hasConsent(member: FamilyMember, scope: ConsentScope): boolean {
  return !member.isMinor && member.consent.status === "given" && member.consent.scope.includes(scope);
}

/** Only a relative who already speaks publicly under their own name, and agreed to be named here. */
export function mayBeNamed(member: FamilyMember): member is FamilyMember & { displayName: string } {
  return member.publicAdvocate && member.displayName !== undefined && hasConsent(member, "name");
}

/** A quote's speaker; unknown ids count as not consenting. */
export function findMember(profile: Pick<Profile, "family">, id: string): FamilyMember | undefined {
  return profile.family.find((m) => m.id === id);
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
