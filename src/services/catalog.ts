/**
 * The profile catalog as commands see it: public profiles only, looked up by any of their names through an
 * in-memory index. The index is rebuilt whenever the stored catalog's version changes (an import, a
 * takedown in this or another process), checked with one cheap query per call, so a takedown takes a
 * profile out of search at once. Each profile is held as an entry (catalog-entries.ts): its head for the
 * rules over the whole catalog, the whole record decoded when it is shown.
 */
import type { CatalogRepository, StoredProfile } from "../core/ports/catalog.ts";
import { type CatalogEntry, searchableNames } from "../core/profile-head.ts";
import type { Campaign } from "../core/profile.ts";
import type { ProfileCatalog, ProfileLookup } from "../core/services.ts";
import { isPubliclyVisible, loadShown } from "../rotation/eligibility.ts";
import { buildNameIndex } from "../search/name-index.ts";
import { defaultCampaign } from "./default-campaign.ts";
import { headPool } from "./head-pool.ts";
import { RecordArena } from "./record-arena.ts";
import type { NameIndex } from "../search/types.ts";
import {
  catalogEntry,
  type EntryOptions,
  headEntry,
  type RecordKeeping,
  recentProfiles,
} from "./catalog-entries.ts";

/** Profiles read from the store per round while a version loads: the whole records never all at once. */
const PROFILES_PER_READ = 1_000;

export interface CatalogServiceOptions {
  /** Profiles read per round (default PROFILES_PER_READ); smaller in tests. */
  profilesPerRead?: number;
  /**
   * Where whole records wait between uses (catalog-entries.ts): "memory" (the default) for the embedded
   * database, "store" for a database server, where a large catalog would otherwise cost its size again.
   */
  records?: RecordKeeping;
}

interface Snapshot {
  version: string;
  campaigns: Campaign[];
  /** Every stored profile, public or not, in insertion order: rotation and curation need them all. */
  all: CatalogEntry[];
  /** Every stored profile by id, public or not. */
  byId: Map<string, CatalogEntry>;
  /** Public profiles by id. */
  visible: Map<string, CatalogEntry>;
  index: NameIndex;
  /** Every profile, hidden ones too, for staff (the panel): built on first use, at most once per version. */
  staffIndex(): NameIndex;
}

export interface CatalogService extends ProfileCatalog {
  /**
   * The same name search as `lookup`, over every profile (taken down and withheld ones too), for staff:
   * the best matches, or the closest ("did you mean") when nothing matches well.
   */
  staffSearch(query: string): Promise<{ kind: "matches" | "did-you-mean"; profiles: CatalogEntry[] }>;
  /** The current snapshot, refreshed if the store changed. */
  snapshot(): Promise<Snapshot>;
  /** The snapshot of a version the caller already read (no round trip when it is the one held). */
  snapshotAt(version: string): Promise<Snapshot>;
}

interface NameEntry {
  profileId: string;
  label: string;
  names: string[];
}

/** One round of the catalog: each profile's entry and its names. */
type Round = Array<{ entry: CatalogEntry; names: NameEntry }>;

/**
 * A round of profiles after `after`: whole ones when records stay in memory, else heads alone (the
 * records are read when shown), so a catalog kept in the store never builds its whole records.
 */
async function readRound(
  repository: CatalogRepository,
  after: number,
  perRead: number,
  options: EntryOptions,
): Promise<Round> {
  if (options.keeping === "memory") {
    const page = await repository.pageProfiles(after, perRead);
    return page.map((stored) => ({
      entry: catalogEntry(stored, options),
      names: nameEntry(stored.profile.id, stored.profile.displayName, searchableNames(stored.profile)),
    }));
  }
  const heads = await repository.pageProfileHeads(after, perRead);
  return heads.map((stored) => ({
    entry: headEntry(stored, options),
    names: nameEntry(stored.head.id, stored.head.displayName, stored.names),
  }));
}

const nameEntry = (profileId: string, label: string, names: string[]): NameEntry => ({
  profileId,
  label,
  names,
});

/**
 * Reads every stored profile a round at a time, keeping of each its entry and its names: a catalog of
 * 50,000 never sits in memory as whole records (which cost the serving process hundreds of MB).
 */
async function buildSnapshot(
  repository: CatalogRepository,
  version: string,
  options: { perRead: number; records: RecordKeeping },
): Promise<Snapshot> {
  const { perRead } = options;
  const campaigns = await repository.listCampaigns();
  const entryOptions: EntryOptions =
    options.records === "memory"
      ? { keeping: "memory", records: new RecordArena(), pool: headPool() }
      : { keeping: "store", recent: recentProfiles(), repository, pool: headPool() };
  const all: CatalogEntry[] = [];
  const names: NameEntry[] = [];
  for (let after = 0; ; ) {
    const round = await readRound(repository, after, perRead, entryOptions);
    for (const read of round) {
      all.push(read.entry);
      names.push(read.names);
    }
    if (round.length < perRead) break;
    after = round[round.length - 1]!.entry.seq;
  }
  const byId = new Map(all.map((entry) => [entry.profile.id, entry]));
  const visible = new Map(all.filter((e) => isPubliclyVisible(e.profile)).map((e) => [e.profile.id, e]));
  const index = buildNameIndex(names.filter((n) => visible.has(n.profileId)));
  // The staff's index (hidden profiles too) is built on first use; until then each profile's names wait
  // as one string, a fraction of the objects they were read as.
  const packed = names.map((n) => [n.profileId, n.label, ...n.names].join(SEPARATOR));
  let staffIndex: NameIndex | undefined;
  return {
    version,
    campaigns,
    all,
    byId,
    visible,
    index,
    staffIndex: () => {
      staffIndex ??= buildNameIndex(packed.map(unpackNames));
      return staffIndex;
    },
  };
}

/** Names never hold a NUL: the schema's text fields are trimmed, printable strings. */
const SEPARATOR = "\u0000";

function unpackNames(packed: string): NameEntry {
  const [profileId, label, ...names] = packed.split(SEPARATOR);
  return { profileId: profileId!, label: label!, names };
}

export function createCatalogService(
  repository: CatalogRepository,
  options: CatalogServiceOptions = {},
): CatalogService {
  const build = {
    perRead: options.profilesPerRead ?? PROFILES_PER_READ,
    records: options.records ?? "memory",
  };
  let current: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    const version = await repository.version();
    if (current && current.version === version) return current;
    // One rebuild at a time: concurrent callers share it.
    loading ??= (async () => {
      current = await buildSnapshot(repository, version, build);
      return current;
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  const profilesOf = async (snap: Snapshot, ids: string[]) => {
    const entries = ids.flatMap((id) => snap.visible.get(id) ?? []);
    const read = await Promise.all(entries.map(loadShown));
    return read.filter((stored): stored is StoredProfile => stored !== undefined);
  };
  const found = async (entry: CatalogEntry): Promise<ProfileLookup> => {
    const profile = await loadShown(entry);
    return profile ? { kind: "found", profile } : { kind: "none" };
  };

  return {
    snapshot: load,
    snapshotAt: (version) => (current?.version === version ? Promise.resolve(current) : load()),
    async lookup(query): Promise<ProfileLookup> {
      const snap = await load();
      const byId = snap.visible.get(query.trim().toLowerCase());
      if (byId) return found(byId);
      const outcome = snap.index.search(query);
      switch (outcome.kind) {
        case "found": {
          const profile = snap.visible.get(outcome.hit.profileId);
          return profile ? found(profile) : { kind: "none" };
        }
        case "several":
        case "did-you-mean":
          return {
            kind: outcome.kind,
            candidates: await profilesOf(
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
      const exact = snap.byId.get(query.trim().toLowerCase());
      if (exact) return { kind: "matches", profiles: [exact] };
      const outcome = snap.staffIndex().search(query);
      const hits = outcome.kind === "found" ? [outcome.hit] : outcome.kind === "none" ? [] : outcome.hits;
      const profiles = hits.flatMap((h) => snap.byId.get(h.profileId) ?? []);
      return { kind: outcome.kind === "did-you-mean" ? "did-you-mean" : "matches", profiles };
    },
    async suggest(prefix, limit) {
      const snap = await load();
      return snap.index.suggest(prefix, limit);
    },
    async get(profileId) {
      const entry = (await load()).visible.get(profileId);
      return entry && loadShown(entry);
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
