/**
 * Which profiles may be featured in a campaign's daily rotation on a local date, and which may be shown at
 * all. Pure: the caller passes the profile, the campaign and the date (or a catalog version to find them
 * in); nothing here reads a clock or storage.
 */
import { staleness } from "../core/freshness.ts";
import { isoDateSchema } from "../core/partial-date.ts";
import type { StoredProfile } from "../core/ports/catalog.ts";
import type { CatalogEntry, ProfileHead } from "../core/profile-head.ts";
import { type Campaign, currentDetention, DEFAULT_FEATURED_STATUSES, type Profile } from "../core/profile.ts";
import { type PostOfTheDay, type PostOfTheDayInput, postOfTheDay } from "../core/post-of-the-day.ts";
import type { RotationCandidate } from "./rotation.ts";

/** In the order they are checked: the profile's campaign, then safety holds, then editorial gates. */
export const INELIGIBLE_REASONS = [
  "other_campaign",
  "taken_down",
  "withheld",
  "consent_withdrawn",
  "status",
  "stale",
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

export type RotationEligibility =
  | { eligible: true }
  | { eligible: false; reason: IneligibleReason; detail: string };

export interface EligibilityOptions {
  /** The campaign's local date being decided, YYYY-MM-DD. */
  localDate: string;
  /** STALE_AFTER_DAYS: a profile verified longer ago than this is not featured automatically. */
  staleAfterDays: number;
}

/** Shown by search and lookup: public and not taken down (a takedown removes a profile from search too). */
export function isPubliclyVisible(profile: Pick<Profile, "publication">): boolean {
  return profile.publication.visibility === "public" && profile.publication.takedown === undefined;
}

/** What eligibility reads of a profile: its head (core/profile-head.ts) or the whole profile, alike. */
export type EligibilityView = Pick<
  ProfileHead,
  "campaign" | "publication" | "lastVerifiedAt" | "detentions" | "family"
>;

/**
 * The whole record of a profile its catalog version shows, for showing it to the public: undefined when the
 * record read is no longer publicly visible. A record read from the store may be newer than the version
 * the head was judged in (services/catalog-entries.ts), and a takedown since must win.
 */
export async function loadShown(entry: CatalogEntry): Promise<StoredProfile | undefined> {
  const stored = await entry.load();
  return stored && isPubliclyVisible(stored.profile) ? stored : undefined;
}

/**
 * Whether a profile may be the campaign's featured family on `opts.localDate`, and if not, the first reason
 * in INELIGIBLE_REASONS order with a detail for curators. The detail names relatives only by role.
 */
export function rotationEligibility(
  profile: EligibilityView,
  campaign: Campaign,
  opts: EligibilityOptions,
): RotationEligibility {
  checkOptions(opts);
  const no = (reason: IneligibleReason, detail: string): RotationEligibility => ({
    eligible: false,
    reason,
    detail,
  });

  if (profile.campaign !== campaign.id) {
    return no("other_campaign", `belongs to campaign "${profile.campaign}", not "${campaign.id}"`);
  }
  // A taken-down profile is also withheld (the schema insists); checking the takedown first keeps the
  // reason specific, so curators see "taken down" rather than a bare "withheld".
  const { takedown, visibility } = profile.publication;
  if (takedown) {
    return no("taken_down", `taken down at ${takedown.at} by ${takedown.by}: ${takedown.reason}`);
  }
  if (visibility !== "public") return no("withheld", "publication.visibility is withheld");

  // Withdrawn consent is a family asking to step back. Families are at risk by association, and a daily
  // post about the prisoner draws attention to them even with their own fields stripped out, so the whole
  // profile is held back from automatic featuring until a curator has talked with them again. Lookup still
  // works (isPubliclyVisible), showing only what consent still allows.
  const withdrawn = profile.family.filter((member) => member.consent.status === "withdrawn");
  if (withdrawn.length > 0) {
    const roles = withdrawn.map((member) => member.relationship).join(", ");
    return no("consent_withdrawn", `consent withdrawn by the prisoner's ${roles}`);
  }

  // The current status is the latest episode's: a released prisoner who is arrested again is detained.
  const current = currentDetention(profile);
  const featured = campaign.featuredStatuses ?? DEFAULT_FEATURED_STATUSES;
  if (!featured.includes(current.status)) {
    return no(
      "status",
      `current status "${current.status}" (as of ${current.statusAsOf}) is not featured by "${campaign.id}"`,
    );
  }

  const stale = staleness(profile, campaign, opts.localDate, opts.staleAfterDays);
  if (stale) {
    return no(
      "stale",
      `last verified ${profile.lastVerifiedAt}, ${stale.ageDays} days before ${opts.localDate} (limit ${stale.limitDays})`,
    );
  }
  return { eligible: true };
}

/** A catalog version as the eligibility reads it: every stored profile (public or not) by id, and campaign. */
export interface CatalogVersion {
  byId: ReadonlyMap<string, CatalogEntry>;
  campaigns: readonly Campaign[];
}

/** Whether a profile named by id may be posted on a date, with the profile and campaign it was judged on. */
export type ProfileEligibility =
  | { kind: "missing" }
  | { kind: "eligible"; entry: CatalogEntry; campaign: Campaign }
  | {
      kind: "ineligible";
      entry: CatalogEntry;
      campaign: Campaign;
      reason: IneligibleReason;
      detail: string;
    };

/**
 * May the profile `profileId` be shown and posted in a channel on its local date `opts.localDate`, as of a
 * catalog version: the one question a spotlight asks when /today shows it, when the delivery posts it and
 * when the delivery decides whether to cancel it. The profile is judged in its own campaign (/schedule
 * refuses a profile of another campaign than the channel's). "missing" when the version has no such profile
 * or no campaign for it (removed since).
 */
export function profileEligibility(
  catalog: CatalogVersion,
  profileId: string,
  opts: EligibilityOptions,
): ProfileEligibility {
  const entry = catalog.byId.get(profileId);
  const campaign = catalog.campaigns.find((c) => c.id === entry?.profile.campaign);
  if (!entry || !campaign) return { kind: "missing" };
  const verdict = rotationEligibility(entry.profile, campaign, opts);
  if (verdict.eligible) return { kind: "eligible", entry, campaign };
  return { kind: "ineligible", entry, campaign, reason: verdict.reason, detail: verdict.detail };
}

/**
 * For postOfTheDay (core/post-of-the-day.ts): what a spotlight posts as of a catalog version on the
 * channel's date, its profile's entry and campaign, or undefined when profileEligibility says it may not be
 * posted. The caller reads the record with loadShown.
 */
export function spotlightPostable(catalog: CatalogVersion, opts: EligibilityOptions) {
  return (spotlight: { profileId: string }): { entry: CatalogEntry; campaign: Campaign } | undefined => {
    const check = profileEligibility(catalog, spotlight.profileId, opts);
    return check.kind === "eligible" ? { entry: check.entry, campaign: check.campaign } : undefined;
  };
}

/**
 * postOfTheDay with the spotlight's whole record read (loadShown): a spotlight whose record turns out to be
 * taken down since this catalog version was read gives way as one that may not be posted does.
 */
export async function shownPostOfTheDay(
  catalog: CatalogVersion,
  opts: EligibilityOptions,
  input: Omit<PostOfTheDayInput<unknown>, "postable" | "localDate">,
): Promise<PostOfTheDay<{ stored: StoredProfile; campaign: Campaign }>> {
  const day = postOfTheDay({
    ...input,
    localDate: opts.localDate,
    postable: spotlightPostable(catalog, opts),
  });
  if (day.kind !== "spotlight") return day.kind === "rotation" ? { ...day } : { kind: "nothing" };
  const stored = await loadShown(day.post.entry);
  if (stored) return { ...day, post: { stored, campaign: day.post.campaign } };
  // Taken down since: the day goes on as it does for a spotlight that may not be posted.
  const without = postOfTheDay<never>({ ...input, localDate: opts.localDate, postable: () => undefined });
  return without.kind === "rotation" ? { ...without } : { kind: "nothing" };
}

/** The rotation's input for a date: the campaign's eligible profiles, by insertion order. */
export function rotationCandidates(
  stored: ReadonlyArray<{ profile: EligibilityView & Pick<Profile, "id">; seq: number }>,
  campaign: Campaign,
  opts: EligibilityOptions,
): RotationCandidate[] {
  return stored
    .filter((entry) => rotationEligibility(entry.profile, campaign, opts).eligible)
    .map((entry) => ({ id: entry.profile.id, seq: entry.seq }))
    .sort((a, b) => a.seq - b.seq);
}

/** A malformed date or limit would silently let stale profiles through (NaN compares false), so refuse it. */
function checkOptions(opts: EligibilityOptions): void {
  if (!isoDateSchema.safeParse(opts.localDate).success) {
    throw new RangeError(`localDate must be a calendar date as YYYY-MM-DD, got "${opts.localDate}"`);
  }
  if (!Number.isInteger(opts.staleAfterDays) || opts.staleAfterDays < 0) {
    throw new RangeError(`staleAfterDays must be a non-negative integer, got ${opts.staleAfterDays}`);
  }
}
