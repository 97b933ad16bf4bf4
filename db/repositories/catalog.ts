/**
 * The catalog on the database: campaigns and profiles, imported in one transaction, taken down and
 * restored with an audit entry each. Every write bumps the catalog revision that version() reads.
 */
import { asc, eq, sql } from "drizzle-orm";
import type {
  CatalogRepository,
  ChangeCounts,
  ImportBatch,
  ImportResult,
  StreamedImportResult,
} from "../../src/core/ports/catalog.ts";
import type { Db } from "../client.ts";
import { campaigns, catalogRevision, profiles } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";
import { fromCampaignRow } from "./campaign-rows.ts";
import { openImportSession } from "./catalog-import.ts";
import { analyzeProfileTables, changedEnoughToAnalyze } from "./import-statistics.ts";
import { bumpRevision, catalogWritesInProcess, lockCatalog } from "./catalog-lock.ts";
import {
  assertDistinctIds,
  keepLaterVerification,
  RESTORE_VISIBILITY,
  visibilityAfterRestore,
} from "../../src/core/catalog-rules.ts";
import { loadProfile, loadProfiles, pageProfileHeads, pageProfiles } from "./profile-store.ts";
import { recordedRestoreVisibilities } from "./restore-visibility.ts";

export { bumpRevision, lockCatalog };

function touched(counts: ChangeCounts): number {
  return counts.created + counts.updated;
}

/** Carries a dry run's counts out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly result: StreamedImportResult) {
    super("dry run: rolled back");
  }
}

async function* oneBatch(batch: ImportBatch): AsyncIterable<ImportBatch> {
  yield batch;
}

/** Reads the batches into one transaction; see catalog-import.ts. */
async function importStream(
  db: Db,
  batches: AsyncIterable<ImportBatch>,
  actor: string,
  options: { dryRun?: boolean; profilesPerWrite?: number },
): Promise<StreamedImportResult> {
  let result: StreamedImportResult;
  try {
    result = await db.transaction(async (tx) => {
      await lockCatalog(tx);
      const session = await openImportSession(tx, actor, options.profilesPerWrite);
      for await (const batch of batches) await session.add(batch);
      const result = await session.finish();
      if (touched(result.campaigns) + touched(result.profiles) > 0) await bumpRevision(tx);
      // A dry run is the real import, so its counts are exact; throwing rolls every write back.
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
  if (changedEnoughToAnalyze(result)) {
    // The import is committed: a failure here (the connection lost) must not report it as failed, and
    // statistics left as they were cost only plans, until the next large import or autovacuum.
    await analyzeProfileTables(db).catch(() => {});
  }
  return result;
}

export interface CatalogRepositoryOptions {
  /**
   * This process is the only one that writes the database (embedded PGlite, whose data folder has one
   * owner; every other command on it is carried out by that owner). Then the revision read last stands
   * until this process writes the catalog again, and version() costs no query: a lookup's round trip to
   * PGlite allocated about 130 KB, and the collections that caused made up /prisoner's p99 at 50,000
   * profiles. With a server, other processes write too, so every call asks.
   */
  soleWriter?: boolean;
}

export function createCatalogRepository(db: Db, options: CatalogRepositoryOptions = {}): CatalogRepository {
  let known: { revision: string; writes: number } | undefined;
  // Built once: every /prisoner and every autocomplete keystroke asks it of a server, and building the
  // query each time cost about 23 KB of garbage a call.
  const revisionQuery = db
    .select({ revision: catalogRevision.revision })
    .from(catalogRevision)
    .prepare("catalog_revision");
  return {
    async listCampaigns() {
      const rows = await db.select().from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.id));
      return rows.map(fromCampaignRow);
    },

    listProfiles: () => loadProfiles(db),

    getProfile: (id) => loadProfile(db, id),

    async version() {
      const writes = catalogWritesInProcess();
      if (options.soleWriter && known?.writes === writes) return known.revision;
      const [row] = await revisionQuery.execute();
      const revision = String(row?.revision ?? 0);
      // The count read before asking: a write that lands meanwhile moves it, so the next call asks again.
      known = { revision, writes };
      return revision;
    },

    async importBundle(bundle, actor, options = {}): Promise<ImportResult> {
      assertDistinctIds(bundle);
      const { campaigns: c, profiles: p } = await importStream(db, oneBatch(bundle), actor, options);
      return { campaigns: c, profiles: p };
    },

    importStream: (batches, actor, options = {}) => importStream(db, batches, actor, options),

    pageProfiles: (afterSeq, limit) => pageProfiles(db, afterSeq, limit),
    pageProfileHeads: (afterSeq, limit) => pageProfileHeads(db, afterSeq, limit),

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

    /**
     * The profile's content hash stays the one of its file, as for a takedown: re-importing the same file
     * is still skipped by its hash, and a changed file keeps this verification when it is the later one.
     */
    async markVerified(id, { date, verifiedBy, actor, at }) {
      return db.transaction(async (tx) => {
        await lockCatalog(tx);
        const before = await loadProfile(tx, id);
        if (!before) return undefined;
        const previous = before.profile;
        const after = keepLaterVerification(previous, { ...previous, lastVerifiedAt: date, verifiedBy });
        if (after.lastVerifiedAt === previous.lastVerifiedAt && after.verifiedBy === previous.verifiedBy)
          return before;
        await tx
          .update(profiles)
          .set({ lastVerifiedAt: date, verifiedBy, updatedAt: sql`now()` })
          .where(eq(profiles.id, id));
        await appendAudit(tx, {
          at,
          actor,
          action: AUDIT_ACTIONS.profileVerified,
          entityType: "profile",
          entityId: id,
          details: { date, previousDate: previous.lastVerifiedAt, verifiedBy },
        });
        await bumpRevision(tx);
        return loadProfile(tx, id);
      });
    },
  };
}
