/**
 * In-memory repositories with real state, for unit tests of services and commands. They pass the same
 * contract suite as the database ones (tests/integration/db), so they also refuse what the database
 * refuses: unknown campaigns and profiles (foreign keys), a named minor (CHECK), a second default campaign.
 * Results are copies, as rows read from a database would be.
 */
import { AUDIT_ACTIONS } from "../../db/repositories/audit-actions.ts";
import {
  assertDistinctIds,
  campaignsInWriteOrder,
  changedFields,
  keepLaterVerification,
  profileAfterImport,
  RESTORE_VISIBILITY,
  restoreVisibilityFromImport,
  sameRecord,
  visibilityAfterRestore,
} from "../../src/core/catalog-rules.ts";
import { profileHead, searchableNames } from "../../src/core/profile-head.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import { createMemoryCampaigns } from "./memory-campaigns.ts";
import { createMemoryChannelLanguages } from "./memory-channel-languages.ts";
import { createMemoryPresses } from "./memory-presses.ts";
import { createMemorySpotlights } from "./memory-spotlights.ts";
import { createMemorySubscriptions } from "./memory-subscriptions.ts";
import {
  audit,
  copy,
  emptyState,
  type MemoryState,
  requireCampaign,
  requireProfile,
} from "./memory-state.ts";
import type { AuditEntry, AuditLog } from "../../src/core/ports/audit-log.ts";
import type { CatalogRepository, ChangeCounts, StoredProfile } from "../../src/core/ports/catalog.ts";
import type { RotationEntry, RotationLog } from "../../src/core/ports/rotation-log.ts";
import type { Campaign, Profile } from "../../src/core/profile.ts";

/** A record as a database row would give it back: keys holding undefined are absent, not present. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const unique = (values: string[]) => new Set(values).size === values.length;

/** The database's CHECK and UNIQUE constraints on a profile's rows, under the database's names. */
const PROFILE_CONSTRAINTS: Array<[name: string, holds: (p: Profile) => boolean]> = [
  [
    "family_members_minor_never_named",
    (p) => p.family.every((m) => m.displayName === undefined || !m.isMinor),
  ],
  ["family_members_minor_nothing_shown", (p) => p.family.every((m) => !m.isMinor || !m.consent.scope.length)],
  ["family_members_named_only_if_advocate", (p) => p.family.every((m) => !m.displayName || m.publicAdvocate)],
  ["family_members_member_id_unique", (p) => unique(p.family.map((m) => m.id))],
  ["profile_quotes_speaker_fk", (p) => p.quotes.every((q) => p.family.some((m) => m.id === q.speaker))],
  ["profile_sources_source_id_unique", (p) => unique(p.sources.map((s) => s.id))],
  ["profiles_takedown_withheld", (p) => !p.publication.takedown || p.publication.visibility === "withheld"],
];

function assertStorable(state: MemoryState, profile: Profile): void {
  requireCampaign(state, profile.campaign);
  const broken = PROFILE_CONSTRAINTS.find(([, holds]) => !holds(profile));
  if (broken) throw new Error(`profile "${profile.id}" violates ${broken[0]}`);
}

function assertSingleDefault(state: MemoryState): void {
  const defaults = [...state.campaigns.values()].filter((c) => c.campaign.isDefault);
  if (defaults.length > 1) throw new Error("more than one default campaign (campaigns_single_default)");
}

const CATALOG_ACTIONS = {
  campaign: { created: AUDIT_ACTIONS.campaignCreated, updated: AUDIT_ACTIONS.campaignUpdated },
  profile: { created: AUDIT_ACTIONS.profileCreated, updated: AUDIT_ACTIONS.profileUpdated },
};

/** Counts a created or changed catalog record and writes its audit entry, as the database import does. */
function recordChange<T extends object>(
  state: MemoryState,
  counts: ChangeCounts,
  target: { actor: string; entityType: "campaign" | "profile"; entityId: string },
  [before, after]: [T | undefined, T],
  createdDetails?: Record<string, unknown>,
  extraDetails: Record<string, unknown> = {},
): void {
  const action = CATALOG_ACTIONS[target.entityType][before ? "updated" : "created"];
  const base = before ? { fields: changedFields(before, after) } : createdDetails;
  const details = base || Object.keys(extraDetails).length > 0 ? { ...base, ...extraDetails } : undefined;
  audit(state, { ...target, action, ...(details ? { details } : {}) });
  counts[before ? "updated" : "created"]++;
}

function importCampaigns(state: MemoryState, incoming: Campaign[], actor: string): ChangeCounts {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const campaign of campaignsInWriteOrder(incoming)) {
    const before = state.campaigns.get(campaign.id);
    if (before && sameRecord(before.campaign, campaign)) {
      counts.unchanged++;
      continue;
    }
    const now = new Date();
    state.campaigns.set(campaign.id, {
      campaign: asStored(campaign),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
    assertSingleDefault(state);
    const target = { actor, entityType: "campaign" as const, entityId: campaign.id };
    recordChange(state, counts, target, [before?.campaign, campaign]);
  }
  return counts;
}

/** The latest audited visibility a taken-down profile returns to on restore, as the database reads it. */
function recordedRestoreVisibility(state: MemoryState, id: string): unknown {
  const entries = state.audit.filter((e) => e.entityType === "profile" && e.entityId === id);
  return entries.reverse().find((e) => e.details?.[RESTORE_VISIBILITY] !== undefined)?.details?.[
    RESTORE_VISIBILITY
  ];
}

function importProfiles(state: MemoryState, incoming: Profile[], actor: string): ChangeCounts {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const candidate of incoming) {
    const before = state.profiles.get(candidate.id);
    const profile = profileAfterImport(before?.profile, candidate);
    const recorded = recordedRestoreVisibility(state, candidate.id);
    const restoreVisibility = restoreVisibilityFromImport(before?.profile, candidate, recorded);
    const remember = restoreVisibility ? { [RESTORE_VISIBILITY]: restoreVisibility } : {};
    const target = { actor, entityType: "profile" as const, entityId: profile.id };
    if (before && sameRecord(before.profile, profile)) {
      if (!restoreVisibility) {
        counts.unchanged++;
        continue;
      }
      // Only the visibility to return to on restore changed: recorded, the stored profile left as it is.
      const details = { fields: ["publication"], ...remember };
      audit(state, { ...target, action: AUDIT_ACTIONS.profileUpdated, details });
      counts.updated++;
      continue;
    }
    assertStorable(state, profile);
    const now = new Date();
    const seq = before?.seq ?? state.nextSeq++;
    state.profiles.set(profile.id, {
      profile: asStored(profile),
      seq,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
    recordChange(state, counts, target, [before?.profile, profile], { campaign: profile.campaign }, remember);
  }
  return counts;
}

function createMemoryCatalog(store: { state: MemoryState }): CatalogRepository {
  /** Changes a profile's publication and audits it, as takedown and restore do in one transaction. */
  const setPublication = (
    id: string,
    publication: Profile["publication"],
    entry: Pick<AuditEntry, "at" | "actor" | "action" | "details">,
  ): StoredProfile | undefined => {
    const stored = store.state.profiles.get(id);
    if (!stored) return undefined;
    stored.profile = { ...stored.profile, publication };
    stored.updatedAt = new Date();
    store.state.revision++;
    audit(store.state, { ...entry, entityType: "profile", entityId: id });
    return copy(stored);
  };
  return {
    async listCampaigns() {
      return [...store.state.campaigns.values()].map((c) => copy(c.campaign));
    },
    async listProfiles() {
      return [...store.state.profiles.values()].sort((a, b) => a.seq - b.seq).map(copy);
    },
    async getProfile(id) {
      const stored = store.state.profiles.get(id);
      return stored ? copy(stored) : undefined;
    },
    async version() {
      return String(store.state.revision);
    },
    async importBundle(bundle, actor, options = {}) {
      assertDistinctIds(bundle);
      const before = structuredClone(store.state);
      try {
        const result = {
          campaigns: importCampaigns(store.state, bundle.campaigns, actor),
          profiles: importProfiles(store.state, bundle.profiles, actor),
        };
        const touched = [result.campaigns, result.profiles].some((c) => c.created + c.updated > 0);
        if (touched) store.state.revision++;
        if (options.dryRun) store.state = before; // counted, then rolled back like the transaction
        return result;
      } catch (error) {
        store.state = before; // all or nothing, like the database transaction
        throw error;
      }
    },
    async importStream(batches, actor, options = {}) {
      // Memory holds everything anyway: the batches are gathered into one bundle and imported as one.
      const bundle: { campaigns: Campaign[]; profiles: Profile[] } = { campaigns: [], profiles: [] };
      for await (const batch of batches) {
        bundle.campaigns.push(...batch.campaigns);
        bundle.profiles.push(...batch.profiles);
      }
      const before = new Map([...store.state.profiles].map(([id, s]) => [id, s.updatedAt]));
      const result = await this.importBundle(bundle, actor, options);
      const named = new Set(bundle.profiles.map((p) => p.id));
      const changedProfileIds = bundle.profiles
        .filter((p) => before.has(p.id) && store.state.profiles.get(p.id)?.updatedAt !== before.get(p.id))
        .map((p) => p.id);
      const absentProfiles = [...before.keys()].filter((id) => !named.has(id)).length;
      const createdProfileIds = bundle.profiles.filter((p) => !before.has(p.id)).map((p) => p.id);
      return { ...result, createdProfileIds, changedProfileIds, absentProfiles };
    },
    async pageProfiles(afterSeq, limit) {
      return [...store.state.profiles.values()]
        .filter((s) => s.seq > afterSeq)
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit)
        .map(copy);
    },
    async pageProfileHeads(afterSeq, limit) {
      return (await this.pageProfiles(afterSeq, limit)).map(({ profile, seq }) => ({
        seq,
        head: profileHead(profile),
        names: searchableNames(profile),
      }));
    },
    async takedown(id, { reason, actor, at }) {
      const before = store.state.profiles.get(id);
      // Already taken down: the first takedown stands, as in the database.
      if (!before || before.profile.publication.takedown) return before && copy(before);
      const takedown = { at: at.toISOString(), by: actor, reason };
      const details = { reason, [RESTORE_VISIBILITY]: before.profile.publication.visibility };
      const entry = { at, actor, action: AUDIT_ACTIONS.profileTakedown, details };
      return setPublication(id, { visibility: "withheld", takedown }, entry);
    },
    async restore(id, { actor, at }) {
      const before = store.state.profiles.get(id);
      const takedown = before?.profile.publication.takedown;
      if (!before || !takedown) return before && copy(before);
      const visibility = visibilityAfterRestore(recordedRestoreVisibility(store.state, id));
      const details = { previousReason: takedown.reason, visibility };
      return setPublication(
        id,
        { visibility },
        { at, actor, action: AUDIT_ACTIONS.profileRestored, details },
      );
    },
    async markVerified(id, { date, verifiedBy, actor, at }) {
      const stored = store.state.profiles.get(id);
      if (!stored) return undefined;
      const previous = stored.profile;
      const after = keepLaterVerification(previous, { ...previous, lastVerifiedAt: date, verifiedBy });
      if (sameRecord(after, previous)) return copy(stored);
      stored.profile = after;
      stored.updatedAt = new Date();
      store.state.revision++;
      const details = { date, previousDate: previous.lastVerifiedAt, verifiedBy };
      audit(store.state, {
        at,
        actor,
        action: AUDIT_ACTIONS.profileVerified,
        details,
        entityType: "profile",
        entityId: id,
      });
      return copy(stored);
    },
  };
}

function createMemoryRotation(store: { state: MemoryState }): RotationLog {
  const key = (e: Pick<RotationEntry, "campaignId" | "localDate">) => `${e.campaignId}\u0000${e.localDate}`;
  const record = async (entry: RotationEntry) => {
    const { state } = store;
    const standing = state.featuredDays.get(key(entry));
    if (standing) return copy(standing);
    requireCampaign(state, entry.campaignId);
    requireProfile(state, entry.profileId);
    const { campaignId, localDate, profileId, cycle } = entry;
    const recorded = { campaignId, localDate, profileId, cycle, recordedAt: new Date() };
    state.featuredDays.set(key(entry), recorded);
    return copy(recorded);
  };
  return {
    async history(campaignId) {
      return [...store.state.featuredDays.values()]
        .filter((e) => e.campaignId === campaignId)
        .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0))
        .map(copy);
    },
    record,
    async replace(entry, previousProfileId) {
      const standing = store.state.featuredDays.get(key(entry));
      if (standing?.profileId !== previousProfileId) return record(entry);
      requireProfile(store.state, entry.profileId);
      standing.profileId = entry.profileId;
      standing.cycle = entry.cycle;
      standing.recordedAt = new Date();
      return copy(standing);
    },
  };
}

function createMemoryAudit(store: { state: MemoryState }): AuditLog {
  return {
    async record(entry) {
      audit(store.state, entry);
    },
    async list(filter = {}) {
      const matching = store.state.audit
        .filter((e) => !filter.entityType || e.entityType === filter.entityType)
        .filter((e) => filter.entityId === undefined || e.entityId === filter.entityId)
        .reverse();
      return (filter.limit === undefined ? matching : matching.slice(0, filter.limit)).map(copy);
    },
  };
}

/** The ports every storage implements (the delivery ledger's have their own tests on the databases). */
export type PortRepositories = Omit<
  Repositories,
  | "deliveries"
  | "deliveryLog"
  | "retractions"
  | "statusUpdates"
  | "installations"
  | "botModerators"
  | "staff"
  | "impact"
>;

export function createMemoryRepositories(): PortRepositories & { reset(): void } {
  // One mutable box, so a failed import can swap the whole state back in one assignment.
  const store = { state: emptyState() };
  return {
    catalog: createMemoryCatalog(store),
    campaigns: createMemoryCampaigns(store),
    subscriptions: createMemorySubscriptions(store),
    channelLanguages: createMemoryChannelLanguages(store),
    spotlights: createMemorySpotlights(store),
    rotation: createMemoryRotation(store),
    audit: createMemoryAudit(store),
    presses: createMemoryPresses(store),
    reset() {
      store.state = emptyState();
    },
  };
}
