/**
 * The head of a profile: the few fields that the rules over a whole catalog read (which profiles may be
 * shown or featured, anniversaries, the staff's filters), kept in memory for every profile, while the rest
 * of a profile (sources, story, quotes, translations) is read only for the one being shown. At 50,000
 * profiles the whole records cost about 6.5 KB each in memory, the heads a small part of that.
 *
 * A head is a `Pick` of the profile where it can be, so every rule written against a head (eligibility,
 * freshness, anniversaries) gives the same answer for the whole profile: pass either.
 */
import type { StoredProfile } from "./ports/catalog.ts";
import { currentDetention, type Detention, type FamilyMember, type Profile } from "./profile.ts";

/** What the rules read of a detention. */
export type DetentionHead = Pick<Detention, "arrestDate" | "sentenceDate" | "status" | "statusAsOf">;

/** What the rules read of a relative: whom they are to the prisoner, and whether consent is withdrawn. */
export interface FamilyMemberHead {
  relationship: FamilyMember["relationship"];
  consent: Pick<FamilyMember["consent"], "status">;
}

export interface ProfileHead
  extends Pick<Profile, "id" | "campaign" | "displayName" | "gender" | "lastVerifiedAt" | "publication"> {
  /** The current episode only (currentDetention): the one the card, the rotation and anniversaries read. */
  detentions: readonly DetentionHead[];
  /**
   * Only the relatives whose consent is withdrawn (none, for most profiles): the one thing about relatives
   * the catalog-wide rules read (rotation/eligibility.ts holds a profile back when any has withdrawn).
   */
  family: readonly FamilyMemberHead[];
}

/** One stored profile as the in-memory catalog holds it: its head at hand, the whole record on demand. */
export interface CatalogEntry {
  readonly profile: ProfileHead;
  /** Insertion order (StoredProfile.seq). */
  readonly seq: number;
  /**
   * The whole stored profile (services/catalog-entries.ts): as the store held it when this catalog version
   * was read, or as it holds it now; undefined when it has been removed from the store since.
   */
  load(): Promise<StoredProfile | undefined>;
}

/** What a head is made from: a whole profile, or the columns a store reads for heads alone. */
export type HeadSource = Pick<
  Profile,
  "id" | "campaign" | "displayName" | "gender" | "lastVerifiedAt" | "publication"
> & { detentions: readonly DetentionHead[]; family: readonly FamilyMemberHead[] };

/** A profile's head with what search needs of it: its insertion order and searchable names. */
export interface StoredHead {
  head: ProfileHead;
  seq: number;
  /** The display name, then every name marked searchable, in the profile's order. */
  names: string[];
}

export function profileHead(profile: HeadSource): ProfileHead {
  const current = currentDetention(profile);
  const detention: DetentionHead = {
    arrestDate: current.arrestDate,
    status: current.status,
    statusAsOf: current.statusAsOf,
    ...(current.sentenceDate !== undefined ? { sentenceDate: current.sentenceDate } : {}),
  };
  const withdrawn = profile.family
    .filter((member) => member.consent.status === "withdrawn")
    .map((member) => ({ relationship: member.relationship, consent: { status: member.consent.status } }));
  return {
    id: profile.id,
    campaign: profile.campaign,
    displayName: profile.displayName,
    ...(profile.gender !== undefined ? { gender: profile.gender } : {}),
    lastVerifiedAt: profile.lastVerifiedAt,
    publication: profile.publication,
    detentions: [detention],
    family: withdrawn.length > 0 ? withdrawn : NO_ONE,
  };
}

const NO_ONE: readonly FamilyMemberHead[] = Object.freeze([]);

/** The names search reads of a profile: its display name, then its searchable names. */
export function searchableNames(profile: Pick<Profile, "displayName" | "names">): string[] {
  return [profile.displayName, ...profile.names.filter((n) => n.searchable).map((n) => n.value)];
}
