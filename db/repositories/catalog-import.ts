/**
 * An import written as it is read, inside one transaction: campaigns as they come, profiles a thousand
 * at a time, so memory holds one batch and not the catalog. A profile whose file is unchanged (same
 * content hash as stored) costs nothing more; only the others are read back and compared, so re-importing
 * a large catalog with a few edits touches only those. Anything thrown (the files' problems, found once
 * every file is read, or the database's refusal) rolls the whole import back.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { ChangeCounts, ImportBatch, StreamedImportResult } from "../../src/core/ports/catalog.ts";
import type { Campaign, Profile } from "../../src/core/profile.ts";
import type { Db } from "../client.ts";
import { campaigns } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit, type NewAuditEntry } from "./audit.ts";
import { fromCampaignRow, toCampaignRow } from "./campaign-rows.ts";
import {
  campaignsInWriteOrder,
  changedFields,
  profileAfterImport,
  RESTORE_VISIBILITY,
  restoreVisibilityFromImport,
  sameRecord,
} from "../../src/core/catalog-rules.ts";
import { contentHash, isLegacyHash, legacyContentHash } from "./content-hash.ts";
import {
  insertProfiles,
  loadProfiles,
  type ProfileWrite,
  replaceProfiles,
  storeContentHashes,
  storedContentHashes,
} from "./profile-store.ts";
import { recordedRestoreVisibilities } from "./restore-visibility.ts";
import { recordChanges } from "./status-updates.ts";
import { type StatusChange, statusChangeOf } from "../../src/core/status-update.ts";
import { consentWithdrawn } from "../../src/core/consent.ts";
import { detached } from "../../src/core/detached.ts";

/** Profiles written per round: large enough for few statements, small enough to keep memory flat. */
const PROFILES_PER_WRITE = 1_000;

const noChanges = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Campaigns are few: written one by one, non-defaults first. A campaign that becomes the default is
 * written as not the default and made so at the end (`deferred`), so a default moving from one
 * campaign to another across batches never leaves two defaults at once (the database allows one).
 */
async function importCampaigns(
  tx: Db,
  incoming: Campaign[],
  actor: string,
  counts: ChangeCounts,
  deferred: string[],
): Promise<void> {
  if (incoming.length === 0) return;
  const ids = incoming.map((c) => c.id);
  const storedRows = await tx.select().from(campaigns).where(inArray(campaigns.id, ids));
  const stored = new Map(storedRows.map((row) => [row.id, fromCampaignRow(row)]));
  const entries: NewAuditEntry[] = [];
  for (const campaign of campaignsInWriteOrder(incoming)) {
    const before = stored.get(campaign.id);
    if (before && sameRecord(before, campaign)) {
      counts.unchanged++;
      continue;
    }
    const later = campaign.isDefault && !before?.isDefault;
    if (later) deferred.push(detached(campaign.id));
    const row = { ...toCampaignRow(campaign), ...(later ? { isDefault: false } : {}) };
    const entry = { actor, entityType: "campaign" as const, entityId: campaign.id };
    if (before) {
      await tx
        .update(campaigns)
        .set({ ...row, updatedAt: sql`now()` })
        .where(eq(campaigns.id, campaign.id));
      const fields = changedFields(before, campaign);
      entries.push({ ...entry, action: AUDIT_ACTIONS.campaignUpdated, details: { fields } });
      counts.updated++;
    } else {
      await tx.insert(campaigns).values(row);
      entries.push({ ...entry, action: AUDIT_ACTIONS.campaignCreated });
      counts.created++;
    }
  }
  await appendAudit(tx, entries);
}

export interface ImportSession {
  add(batch: ImportBatch): Promise<void>;
  /** Writes what is held back and returns the counts; the caller commits or rolls back. */
  finish(): Promise<StreamedImportResult>;
}

export async function openImportSession(
  tx: Db,
  actor: string,
  profilesPerWrite = PROFILES_PER_WRITE,
): Promise<ImportSession> {
  const storedHashes = await storedContentHashes(tx);
  const knownCampaigns = new Set((await tx.select({ id: campaigns.id }).from(campaigns)).map((r) => r.id));
  const campaignCounts = noChanges();
  const profileCounts = noChanges();
  const createdProfileIds: string[] = [];
  const changedProfileIds: string[] = [];
  const statusChangedIds: string[] = [];
  const consentWithdrawnIds: string[] = [];
  const deferredDefaults: string[] = [];
  const seenCampaigns = new Set<string>();
  const seenProfiles = new Set<string>();
  // Profiles whose hash differs from the stored one (or that are new), written profilesPerWrite at a
  // time: a re-import's few changes go in a round or two, not one per thousand profiles read.
  let pending: ProfileWrite[] = [];
  // How many of `pending` are copies already (see keepPast).
  let copied = 0;
  // Unchanged, stored with a hash of the form before (content-hash.ts): given this one.
  let rehashed: { id: string; contentHash: string }[] = [];
  // Profiles of a campaign not written yet (its file comes later): written at the end.
  const heldBack: Profile[] = [];

  /** Counts an unchanged profile (its hash as stored) at once, and queues any other to be written. */
  async function sift(profile: Profile): Promise<void> {
    const hash = contentHash(profile);
    const stored = storedHashes.get(profile.id);
    if (stored === hash) profileCounts.unchanged++;
    else if (stored && isLegacyHash(stored) && stored === legacyContentHash(profile)) {
      profileCounts.unchanged++;
      rehashed.push({ id: detached(profile.id), contentHash: hash });
    } else pending.push({ profile, contentHash: hash });
    if (pending.length >= profilesPerWrite) await flush();
    if (rehashed.length >= profilesPerWrite) await flushHashes();
  }

  async function flush(): Promise<void> {
    const full = pending;
    pending = [];
    copied = 0;
    await write(full);
  }

  /**
   * At the end of a batch: what waits is written now if it is half a round, else kept as copies, since a
   * record's strings are views into its file's whole text (src/core/detached.ts), and a few changes from
   * every file would otherwise keep every file.
   */
  async function keepPast(): Promise<void> {
    if (pending.length >= profilesPerWrite / 2) return flush();
    for (; copied < pending.length; copied++) {
      const waiting = pending[copied]!;
      pending[copied] = { ...waiting, profile: structuredClone(waiting.profile) };
    }
  }

  async function flushHashes(): Promise<void> {
    const full = rehashed;
    rehashed = [];
    await storeContentHashes(tx, full);
  }

  async function write(candidates: ProfileWrite[]): Promise<void> {
    if (candidates.length === 0) return;
    const stored = await loadProfiles(
      tx,
      candidates.filter((c) => storedHashes.has(c.profile.id)).map((c) => c.profile.id),
    );
    const before = new Map(stored.map((s) => [s.profile.id, s.profile]));
    const recorded = await recordedRestoreVisibilities(
      tx,
      candidates
        .filter((c) => c.profile.publication.takedown || before.get(c.profile.id)?.publication.takedown)
        .map((c) => c.profile.id),
    );
    const created: ProfileWrite[] = [];
    const changed: ProfileWrite[] = [];
    const hashOnly: { id: string; contentHash: string }[] = [];
    const entries: NewAuditEntry[] = [];
    // A change of current status owes the posts already out an update (and a release an announcement):
    // recorded with the new status, so the delivery pass finds it exactly when the status is stored.
    const statusChanges: StatusChange[] = [];
    for (const { profile: candidate, contentHash: hash } of candidates) {
      const previous = before.get(candidate.id);
      const profile = profileAfterImport(previous, candidate);
      const restoreVisibility = restoreVisibilityFromImport(previous, candidate, recorded.get(candidate.id));
      const remember = restoreVisibility ? { [RESTORE_VISIBILITY]: restoreVisibility } : {};
      const entry = { actor, entityType: "profile" as const, entityId: profile.id };
      if (previous && sameRecord(previous, profile)) {
        hashOnly.push({ id: profile.id, contentHash: hash });
        if (!restoreVisibility) {
          profileCounts.unchanged++;
          continue;
        }
        // Only the visibility to return to on restore changed: recorded, the stored row left as it is.
        profileCounts.updated++;
        changedProfileIds.push(detached(profile.id));
        const details = { fields: ["publication"], ...remember };
        entries.push({ ...entry, action: AUDIT_ACTIONS.profileUpdated, details });
      } else if (previous) {
        changed.push({ profile, contentHash: hash });
        changedProfileIds.push(detached(profile.id));
        const statusChange = statusChangeOf(previous, profile);
        if (statusChange) statusChanges.push(statusChange);
        if (consentWithdrawn(previous, profile)) consentWithdrawnIds.push(detached(profile.id));
        const fields = changedFields(previous, profile);
        entries.push({ ...entry, action: AUDIT_ACTIONS.profileUpdated, details: { fields, ...remember } });
      } else {
        created.push({ profile, contentHash: hash });
        const details = { campaign: profile.campaign, ...remember };
        entries.push({ ...entry, action: AUDIT_ACTIONS.profileCreated, details });
      }
    }
    await replaceProfiles(tx, changed);
    await insertProfiles(tx, created);
    await storeContentHashes(tx, hashOnly);
    await appendAudit(tx, entries);
    await recordChanges(tx, statusChanges, actor);
    statusChangedIds.push(...statusChanges.map((c) => detached(c.profileId)));
    profileCounts.created += created.length;
    createdProfileIds.push(...created.map((c) => detached(c.profile.id)));
    profileCounts.updated += changed.length;
  }

  return {
    async add(batch) {
      const newCampaigns = batch.campaigns.filter((c) => !seenCampaigns.has(c.id));
      // Ids kept to the end are copies: a parser's string is a view into its file's whole text.
      for (const c of newCampaigns) seenCampaigns.add(detached(c.id));
      await importCampaigns(tx, newCampaigns, actor, campaignCounts, deferredDefaults);
      for (const c of newCampaigns) knownCampaigns.add(detached(c.id));
      for (const profile of batch.profiles) {
        // A second copy is a problem the reader reports at the end; writing it would only fail first.
        if (seenProfiles.has(profile.id)) continue;
        seenProfiles.add(detached(profile.id));
        if (knownCampaigns.has(profile.campaign)) await sift(profile);
        else heldBack.push(structuredClone(profile));
      }
      await keepPast();
    },
    async finish() {
      for (const id of deferredDefaults) {
        await tx.update(campaigns).set({ isDefault: true }).where(eq(campaigns.id, id));
      }
      for (const profile of heldBack.splice(0)) await sift(profile);
      await flush();
      await flushHashes();
      let restated = 0;
      for (const id of seenProfiles) if (storedHashes.has(id)) restated++;
      return {
        campaigns: campaignCounts,
        profiles: profileCounts,
        createdProfileIds,
        changedProfileIds,
        absentProfiles: storedHashes.size - restated,
        ...(statusChangedIds.length > 0 ? { statusChanges: statusChangedIds } : {}),
        ...(consentWithdrawnIds.length > 0 ? { consentWithdrawn: consentWithdrawnIds } : {}),
      };
    },
  };
}
