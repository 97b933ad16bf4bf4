/**
 * The catalog's import rules as pure functions, shared by the database repository and the in-memory one
 * so both decide "unchanged", "what changed" and "who keeps a takedown" the same way. Domain rules, so
 * they live in the core: the database layer stores and queries what these decide.
 */
import { isDeepStrictEqual } from "node:util";
import { isoDateSchema } from "./partial-date.ts";
import type { Campaign, Profile } from "./profile.ts";

/**
 * Drops keys whose value is undefined: `{ a: undefined }` and `{}` describe the same record. An absent
 * value itself (a field one record has and the other lacks) stays undefined: JSON has no text for it.
 */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Deep equality that ignores key order and undefined-valued keys. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(plain(a), plain(b));
}

/** The top-level fields that differ, for the audit entry of an update. */
export function changedFields<T extends object>(before: T, after: T): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !sameRecord(before[key as keyof T], after[key as keyof T])).sort();
}

/**
 * A takedown is lifted only by an explicit restore. Re-importing the curators' files (which say nothing
 * of takedowns) must not quietly publish a profile that was withdrawn to protect someone, so an incoming
 * profile without a takedown keeps the stored one. A file that does carry a takedown replaces it.
 */
export function keepTakedown(stored: Profile | undefined, incoming: Profile): Profile {
  const takedown = stored?.publication.takedown;
  if (!takedown || incoming.publication.takedown) return incoming;
  return { ...incoming, publication: { visibility: "withheld", takedown } };
}

/**
 * A verification stands until a later one. Staff may mark a profile verified as of a date in the panel
 * (curation.markVerified) while the curators' file still carries an older date: re-importing that file
 * must not quietly make the profile look staler than it is (and drop it from the rotation), so an
 * incoming profile verified earlier than the stored one keeps the stored date and who verified it. A file
 * with the same or a later date replaces them. Dates are ISO days, so text order is date order.
 */
export function keepLaterVerification(stored: Profile | undefined, incoming: Profile): Profile {
  if (!stored || stored.lastVerifiedAt <= incoming.lastVerifiedAt) return incoming;
  return { ...incoming, lastVerifiedAt: stored.lastVerifiedAt, verifiedBy: stored.verifiedBy };
}

/** A profile as an import stores it over the stored one: the takedown and the later verification kept. */
export function profileAfterImport(stored: Profile | undefined, incoming: Profile): Profile {
  return keepLaterVerification(stored, keepTakedown(stored, incoming));
}

/**
 * Why a profile cannot be marked verified as of `date`, or undefined when it can: the date is an ISO
 * day, not after `latest` (today, see plausible-values.ts) and not before the verification it has.
 */
export function verificationRefusal(
  stored: Pick<Profile, "lastVerifiedAt">,
  date: string,
  latest: string,
): "format" | "future" | "earlier" | undefined {
  if (!isoDateSchema.safeParse(date).success) return "format";
  if (date > latest) return "future";
  if (date < stored.lastVerifiedAt) return "earlier";
  return undefined;
}

type Visibility = Profile["publication"]["visibility"];

/**
 * The audit detail that remembers the visibility a taken-down profile returns to on restore. The profile
 * row cannot hold it (a taken-down profile is stored withheld), so the takedown entry records the
 * visibility it had, and an import that changes the curators' visibility meanwhile records the new one.
 * The latest entry carrying it wins.
 */
export const RESTORE_VISIBILITY = "restoreVisibility";

/**
 * The visibility a restore returns to. Without a record of one (a takedown that came in a file, or one
 * made before this was recorded) it stays withheld: publishing someone nobody chose to publish could
 * endanger them, while a withheld profile is published by importing its file with visibility public.
 */
export function visibilityAfterRestore(recorded: unknown): Visibility {
  return recorded === "public" ? "public" : "withheld";
}

/**
 * What an import says about the visibility to return to on restore, when that differs from the one
 * recorded; undefined when there is nothing new to record.
 * - The stored profile is taken down and the file carries no takedown: the file's visibility is the
 *   curators' current choice.
 * - The file brings a takedown of its own: nothing says what came before it, so withheld.
 */
export function restoreVisibilityFromImport(
  stored: Profile | undefined,
  incoming: Profile,
  recorded: unknown,
): Visibility | undefined {
  const storedTakedown = stored?.publication.takedown;
  const incomingTakedown = incoming.publication.takedown;
  let wanted: Visibility | undefined;
  if (incomingTakedown) wanted = sameRecord(storedTakedown, incomingTakedown) ? undefined : "withheld";
  else if (storedTakedown) wanted = incoming.publication.visibility;
  return wanted === undefined || wanted === visibilityAfterRestore(recorded) ? undefined : wanted;
}

/** Throws when a bundle names the same campaign or profile twice: which copy should win is unclear. */
export function assertDistinctIds(bundle: { campaigns: Campaign[]; profiles: Profile[] }): void {
  for (const [kind, ids] of [
    ["campaign", bundle.campaigns.map((c) => c.id)],
    ["profile", bundle.profiles.map((p) => p.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new Error(`the import names ${kind} "${id}" more than once`);
      seen.add(id);
    }
  }
}

/**
 * Campaigns in the order to write them: those that are not the default first, so a bundle that moves the
 * default from one campaign to another never has two defaults at once (the database allows only one).
 */
export function campaignsInWriteOrder(campaigns: Campaign[]): Campaign[] {
  return [...campaigns.filter((c) => !c.isDefault), ...campaigns.filter((c) => c.isDefault)];
}
