/**
 * The profile catalog as commands see it: public profiles only, looked up by any of their names through an
 * in-memory index. The index is rebuilt whenever the stored catalog's version changes (an import, a
 * takedown in this or another process), checked with one cheap query per call, so a takedown takes a
 * profile out of search at once.
 */
import type { CatalogRepository, StoredProfile } from "../core/ports/catalog.ts";
import type { Campaign } from "../core/profile.ts";
import type { ProfileCatalog, ProfileLookup } from "../core/services.ts";
import { isPubliclyVisible } from "../rotation/eligibility.ts";
import { buildNameIndex } from "../search/name-index.ts";
import { defaultCampaign } from "./default-campaign.ts";
import type { NameIndex } from "../search/types.ts";

interface Snapshot {
  version: string;
  campaigns: Campaign[];
  /** Every stored profile, public or not: rotation and curation need them all. */
  all: StoredProfile[];
  /** Public profiles by id. */
  visible: Map<string, StoredProfile>;
  index: NameIndex;
  /** Every profile, hidden ones too, for staff (the panel): built on first use, at most once per version. */
  staffIndex(): NameIndex;
}

export interface CatalogService extends ProfileCatalog {
  /**
   * The same name search as `lookup`, over every profile (taken down and withheld ones too), for staff:
   * the best matches, or the closest ("did you mean") when nothing matches well.
   */
  staffSearch(query: string): Promise<{ kind: "matches" | "did-you-mean"; profiles: StoredProfile[] }>;
  /** The current snapshot, refreshed if the store changed. */
  snapshot(): Promise<Snapshot>;
  /** The snapshot of a version the caller already read (no round trip when it is the one held). */
  snapshotAt(version: string): Promise<Snapshot>;
}

const nameEntry = ({ profile }: StoredProfile) => ({
  profileId: profile.id,
  label: profile.displayName,
  names: [profile.displayName, ...profile.names.filter((n) => n.searchable).map((n) => n.value)],
});

function buildSnapshot(version: string, campaigns: Campaign[], all: StoredProfile[]): Snapshot {
  const visible = new Map(all.filter((s) => isPubliclyVisible(s.profile)).map((s) => [s.profile.id, s]));
  const index = buildNameIndex([...visible.values()].map(nameEntry));
  let staffIndex: NameIndex | undefined;
  return {
    version,
    campaigns,
    all,
    visible,
    index,
    staffIndex: () => {
      staffIndex ??= buildNameIndex(all.map(nameEntry));
      return staffIndex;
    },
  };
}

export function createCatalogService(repository: CatalogRepository): CatalogService {
  let current: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    const version = await repository.version();
    if (current && current.version === version) return current;
    // One rebuild at a time: concurrent callers share it.
    loading ??= (async () => {
      const [campaigns, all] = await Promise.all([repository.listCampaigns(), repository.listProfiles()]);
      current = buildSnapshot(version, campaigns, all);
      return current;
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  const profilesOf = (snap: Snapshot, ids: string[]) =>
    ids.map((id) => snap.visible.get(id)).filter((p): p is StoredProfile => p !== undefined);

  return {
    snapshot: load,
    snapshotAt: (version) => (current?.version === version ? Promise.resolve(current) : load()),
    async lookup(query): Promise<ProfileLookup> {
      const snap = await load();
      const byId = snap.visible.get(query.trim().toLowerCase());
      if (byId) return { kind: "found", profile: byId };
      const outcome = snap.index.search(query);
      switch (outcome.kind) {
        case "found": {
          const profile = snap.visible.get(outcome.hit.profileId);
          return profile ? { kind: "found", profile } : { kind: "none" };
        }
        case "several":
        case "did-you-mean":
          return {
            kind: outcome.kind,
            candidates: profilesOf(
              snap,
              outcome.hits.map((h) => h.profileId),
            ),
          };
        default:
          return { kind: "none" };
      }
    },
    async staffSearch(query) {
      const snap = await load();
      const byId = new Map(snap.all.map((s) => [s.profile.id, s]));
      const exact = byId.get(query.trim().toLowerCase());
      if (exact) return { kind: "matches", profiles: [exact] };
      const outcome = snap.staffIndex().search(query);
      const hits = outcome.kind === "found" ? [outcome.hit] : outcome.kind === "none" ? [] : outcome.hits;
      const profiles = hits
        .map((h) => byId.get(h.profileId))
        .filter((p): p is StoredProfile => p !== undefined);
      return { kind: outcome.kind === "did-you-mean" ? "did-you-mean" : "matches", profiles };
    },
    async suggest(prefix, limit) {
      const snap = await load();
      return snap.index.suggest(prefix, limit);
    },
    async get(profileId) {
      return (await load()).visible.get(profileId);
    },
    async campaign(id) {
      const { campaigns } = await load();
      if (id !== undefined) return campaigns.find((c) => c.id === id);
      return defaultCampaign(campaigns);
    },
    async campaigns() {
      return (await load()).campaigns;
    },
  };
}
