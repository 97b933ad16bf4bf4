/**
 * Freshness: a live campaign's profile not verified within the limit may present an old status as today's.
 * A historical campaign is exempt, because everything it shows says plainly that it is a past campaign.
 * One rule for the rotation (which leaves stale profiles out) and the card (which says so on a lookup).
 */
import { daysBetween } from "./partial-date.ts";
import type { Campaign, Profile } from "./profile.ts";

export interface Staleness {
  /** Days between the last verification and the date asked about. */
  ageDays: number;
  limitDays: number;
}

/** Undefined when fresh (or historical); else how old the verification is. */
export function staleness(
  profile: Pick<Profile, "lastVerifiedAt">,
  campaign: Pick<Campaign, "historical">,
  localDate: string,
  staleAfterDays: number,
): Staleness | undefined {
  if (campaign.historical) return undefined;
  const ageDays = daysBetween(profile.lastVerifiedAt, localDate);
  return ageDays > staleAfterDays ? { ageDays, limitDays: staleAfterDays } : undefined;
}
