/**
 * The catalog on the database: campaigns and profiles, imported in one transaction, taken down and
 * restored with an audit entry each. Every write bumps the catalog revision that version() reads.
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { CatalogRepository, ChangeCounts, ImportResult } from "../../src/core/ports.ts";
import type { Campaign, Profile } from "../../src/core/profile.ts";
import type { Db } from "../client.ts";
import { campaigns, catalogRevision, profiles } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit, type NewAuditEntry } from "./audit.ts";
import { fromCampaignRow, toCampaignRow } from "./campaign-rows.ts";
import {
  assertDistinctIds,
  campaignsInWriteOrder,
  changedFields,
  keepTakedown,
  RESTORE_VISIBILITY,
  restoreVisibilityFromImport,
  sameRecord,
  visibilityAfterRestore,
} from "../../src/core/catalog-rules.ts";
import { insertProfiles, loadProfile, loadProfiles, replaceProfiles } from "./profile-store.ts";
import { recordedRestoreVisibilities } from "./restore-visibility.ts";

/** Catalog writers take this lock first, so two imports never both decide a profile is new. */
const CATALOG_LOCK_KEY = 0x46544243;

export async function lockCatalog(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_LOCK_KEY})`);
}

export async function bumpRevision(tx: Db): Promise<void> {
  await tx
    .insert(catalogRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({
      target: catalogRevision.id,
      set: { revision: sql`${catalogRevision.revision} + 1` },
    });
}

function touched(counts: ChangeCounts): number {
  return counts.created + counts.updated;
}

function noChanges(): ChangeCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** Campaigns are few: written one by one, non-defaults first (see campaignsInWriteOrder). */
async function importCampaigns(tx: Db, incoming: Campaign[], actor: string): Promise<ChangeCounts> {
  const counts = noChanges();
  const ids = incoming.map((c) => c.id);
  const storedRows = ids.length ? await tx.select().from(campaigns).where(inArray(campaigns.id, ids)) : [];
  const stored = new Map(storedRows.map((row) => [row.id, fromCampaignRow(row)]));
  const entries: NewAuditEntry[] = [];
  for (const campaign of campaignsInWriteOrder(incoming)) {
    const before = stored.get(campaign.id);
    if (before && sameRecord(before, campaign)) {
      counts.unchanged++;
      continue;
    }
    const entry = { actor, entityType: "campaign" as const, entityId: campaign.id };
    if (before) {
      const row = { ...toCampaignRow(campaign), updatedAt: sql`now()` };
      await tx.update(campaigns).set(row).where(eq(campaigns.id, campaign.id));
      const fields = changedFields(before, campaign);
      entries.push({ ...entry, action: AUDIT_ACTIONS.campaignUpdated, details: { fields } });
      counts.updated++;
    } else {
      await tx.insert(campaigns).values(toCampaignRow(campaign));
      entries.push({ ...entry, action: AUDIT_ACTIONS.campaignCreated });
      counts.created++;
    }
  }
  await appendAudit(tx, entries);
  return counts;
}

/**
 * Profiles are sorted into new, changed and unchanged, then written a table at a time. A profile that is
 * taken down keeps its takedown; when its file changes the visibility it is to return to on restore, that
 * is recorded in the audit log and counted as a change, even though the stored row stays as it is.
 */
async function importProfiles(tx: Db, incoming: Profile[], actor: string): Promise<ChangeCounts> {
  const stored = await loadProfiles(
    tx,
    incoming.map((p) => p.id),
  );
  const before = new Map(stored.map((s) => [s.profile.id, s.profile]));
  const recorded = await recordedRestoreVisibilities(
    tx,
    incoming.filter((p) => p.publication.takedown || before.get(p.id)?.publication.takedown).map((p) => p.id),
  );
  const created: Profile[] = [];
  const changed: Profile[] = [];
  let restoreVisibilityChanges = 0;
  const entries: NewAuditEntry[] = [];
  for (const candidate of incoming) {
    const previous = before.get(candidate.id);
    const profile = keepTakedown(previous, candidate);
    const restoreVisibility = restoreVisibilityFromImport(previous, candidate, recorded.get(candidate.id));
    const remember = restoreVisibility ? { [RESTORE_VISIBILITY]: restoreVisibility } : {};
    const entry = { actor, entityType: "profile" as const, entityId: profile.id };
    if (previous && sameRecord(previous, profile)) {
      if (!restoreVisibility) continue;
      restoreVisibilityChanges++;
      const details = { fields: ["publication"], ...remember };
      entries.push({ ...entry, action: AUDIT_ACTIONS.profileUpdated, details });
    } else if (previous) {
      changed.push(profile);
      const fields = changedFields(previous, profile);
      entries.push({ ...entry, action: AUDIT_ACTIONS.profileUpdated, details: { fields, ...remember } });
    } else {
      created.push(profile);
      entries.push({
        ...entry,
        action: AUDIT_ACTIONS.profileCreated,
        details: { campaign: profile.campaign, ...remember },
      });
    }
  }
  await replaceProfiles(tx, changed);
  await insertProfiles(tx, created);
  await appendAudit(tx, entries);
  const updated = changed.length + restoreVisibilityChanges;
  return { created: created.length, updated, unchanged: incoming.length - created.length - updated };
}

/** Carries a dry run's counts out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run: rolled back");
  }
}

export function createCatalogRepository(db: Db): CatalogRepository {
  return {
    async listCampaigns() {
      const rows = await db.select().from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.id));
      return rows.map(fromCampaignRow);
    },

    listProfiles: () => loadProfiles(db),

    getProfile: (id) => loadProfile(db, id),

    async version() {
      const [row] = await db.select({ revision: catalogRevision.revision }).from(catalogRevision);
      return String(row?.revision ?? 0);
    },

    async importBundle(bundle, actor, options = {}): Promise<ImportResult> {
      assertDistinctIds(bundle);
      try {
        return await db.transaction(async (tx) => {
          await lockCatalog(tx);
          const result = {
            campaigns: await importCampaigns(tx, bundle.campaigns, actor),
            profiles: await importProfiles(tx, bundle.profiles, actor),
          };
          if (touched(result.campaigns) + touched(result.profiles) > 0) await bumpRevision(tx);
          // A dry run is the real import, so its counts are exact; throwing rolls every write back.
          if (options.dryRun) throw new DryRunRollback(result);
          return result;
        });
      } catch (error) {
        if (error instanceof DryRunRollback) return error.result;
        throw error;
      }
    },

    /**
     * A profile already taken down keeps its first takedown (when, who, why) and is returned as it is,
     * with nothing written: a second reason would erase the first.
     */
    async takedown(id, { reason, actor, at }) {
      return db.transaction(async (tx) => {
        await lockCatalog(tx);
        const before = await loadProfile(tx, id);
        if (!before || before.profile.publication.takedown) return before;
        await tx
          .update(profiles)
          .set({
            visibility: "withheld",
            takedownAt: at.toISOString(),
            takedownBy: actor,
            takedownReason: reason,
            updatedAt: sql`now()`,
          })
          .where(eq(profiles.id, id));
        await appendAudit(tx, {
          at,
          actor,
          action: AUDIT_ACTIONS.profileTakedown,
          entityType: "profile",
          entityId: id,
          details: { reason, [RESTORE_VISIBILITY]: before.profile.publication.visibility },
        });
        await bumpRevision(tx);
        return loadProfile(tx, id);
      });
    },

    /**
     * Lifts the takedown and returns the profile to the visibility recorded for it (public only when it was
     * public before, and the curators' files have not withheld it since). A profile that is not taken
     * down is returned as it is, with nothing written.
     */
    async restore(id, { actor, at }) {
      return db.transaction(async (tx) => {
        await lockCatalog(tx);
        const before = await loadProfile(tx, id);
        const takedown = before?.profile.publication.takedown;
        if (!before || !takedown) return before;
        const recorded = await recordedRestoreVisibilities(tx, [id]);
        const visibility = visibilityAfterRestore(recorded.get(id));
        await tx
          .update(profiles)
          .set({
            visibility,
            takedownAt: null,
            takedownBy: null,
            takedownReason: null,
            updatedAt: sql`now()`,
          })
          .where(eq(profiles.id, id));
        await appendAudit(tx, {
          at,
          actor,
          action: AUDIT_ACTIONS.profileRestored,
          entityType: "profile",
          entityId: id,
          details: { previousReason: takedown.reason, visibility },
        });
        await bumpRevision(tx);
        return loadProfile(tx, id);
      });
    },
  };
}
