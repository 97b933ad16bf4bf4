/** The catalog's store: campaigns and profiles, imported all or nothing, taken down and restored. */
import type { Campaign, Profile } from "../profile.ts";
import type { StoredHead } from "../profile-head.ts";

export interface StoredProfile {
  profile: Profile;
  createdAt: Date;
  updatedAt: Date;
  /** Insertion order, stable across updates: ties in the rotation break by it. */
  seq: number;
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  campaigns: ChangeCounts;
  profiles: ChangeCounts;
}

/** Records read from import files, handed over a batch at a time so no one holds the whole catalog. */
export interface ImportBatch {
  campaigns: Campaign[];
  profiles: Profile[];
}

export interface StreamedImportResult extends ImportResult {
  /** The profiles the import created, in the order they were written. */
  createdProfileIds: string[];
  /** The profiles the import changed (not the new ones), in the order they were read. */
  changedProfileIds: string[];
  /** Stored profiles the files did not name: kept, since an import adds and updates but never deletes. */
  absentProfiles: number;
  /**
   * Profiles whose current status the import changed (released, sentence changed, died in custody): their
   * posts are updated by the next delivery pass (src/core/status-update.ts). Absent: none recorded.
   */
  statusChanges?: string[];
  /** Profiles whose change took back a consent their posts may show (presentation/consent.ts). */
  consentWithdrawn?: string[];
}

export interface CatalogRepository {
  listCampaigns(): Promise<Campaign[]>;
  /** Every profile, withheld and taken-down ones included, in insertion order. */
  listProfiles(): Promise<StoredProfile[]>;
  getProfile(id: string): Promise<StoredProfile | undefined>;
  /** Changes whenever a campaign or profile changes; cheap, so callers can tell when to rebuild an index. */
  version(): Promise<string>;
  /**
   * Upserts every campaign and profile in one transaction, with one audit entry per record created or
   * changed; unchanged records are left alone. Either everything lands or nothing does.
   */
  /**
   * All or nothing. `dryRun`: the same import, counted exactly, then rolled back (nothing written).
   * `profilesPerWrite`: as for importStream.
   */
  importBundle(
    bundle: { campaigns: Campaign[]; profiles: Profile[] },
    actor: string,
    options?: { dryRun?: boolean; profilesPerWrite?: number },
  ): Promise<ImportResult>;
  /**
   * The same import as importBundle, fed a batch at a time: written as it is read, in one transaction.
   * An error thrown by the batches (the files' problems, found once all are read) rolls everything back.
   * `profilesPerWrite`: profiles written per round (default 1,000), smaller in tests so that a catalog
   * of a few hundred takes several rounds.
   */
  importStream(
    batches: AsyncIterable<ImportBatch>,
    actor: string,
    options?: { dryRun?: boolean; profilesPerWrite?: number },
  ): Promise<StreamedImportResult>;
  /** Up to `limit` profiles after the insertion position `afterSeq` (0: from the start), in insertion order. */
  pageProfiles(afterSeq: number, limit: number): Promise<StoredProfile[]>;
  /**
   * The same page as pageProfiles, heads only (core/profile-head.ts): each equal to profileHead of the
   * whole profile, read without the rest of it.
   */
  pageProfileHeads(afterSeq: number, limit: number): Promise<StoredHead[]>;
  /** Withholds the profile at once and records who and why; undefined when there is no such profile. */
  takedown(
    id: string,
    input: { reason: string; actor: string; at: Date },
  ): Promise<StoredProfile | undefined>;
  /**
   * Lifts a takedown: the profile goes back to the visibility it had before (withheld stays withheld);
   * undefined when there is no such profile. Nothing changes for a profile that is not taken down.
   */
  restore(id: string, input: { actor: string; at: Date }): Promise<StoredProfile | undefined>;
  /**
   * Marks the profile verified as of `date` by `verifiedBy`, with an audit entry; undefined when there is
   * no such profile. A date before the stored one changes nothing (a verification stands until a later
   * one, catalog-rules.ts): the profile is returned as it is, so the caller can tell.
   */
  markVerified(
    id: string,
    input: { date: string; verifiedBy: string; actor: string; at: Date },
  ): Promise<StoredProfile | undefined>;
}
