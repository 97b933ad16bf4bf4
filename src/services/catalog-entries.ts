/**
 * The in-memory catalog's entries (core/profile-head.ts): each profile's head as objects, and the whole
 * record on demand, kept one of two ways (RecordKeeping):
 * - "memory": compressed in the catalog version's RecordArena (record-arena.ts), inflated and parsed each
 *   time the profile is shown. For the embedded database, where a read runs on this very thread: no query
 *   for a lookup. Decoded records are not kept: kept ones (even the last one or two) made each scavenge
 *   during lookups copy about 2-5 MB instead of a few KB, and those pauses made /prisoner's p99. The
 *   day's family is decoded once a pass anyway (delivery/post-resolver.ts keeps the pick).
 * - "store": not kept; read from the store when shown (one round trip to a Postgres server), so that a
 *   large catalog costs the serving process its heads only. The profiles read last are kept, so the
 *   day's family posted to thousands of channels is read once.
 */
import type { CatalogRepository, StoredProfile } from "../core/ports/catalog.ts";
import { type CatalogEntry, type ProfileHead, profileHead, type StoredHead } from "../core/profile-head.ts";
import type { Profile } from "../core/profile.ts";
import type { HeadPool } from "./head-pool.ts";
import type { RecordArena } from "./record-arena.ts";

export type RecordKeeping = "memory" | "store";

/** The most recently read profiles of one catalog version, and the reads under way. */
export interface RecentProfiles {
  get(id: string): Promise<StoredProfile | undefined> | undefined;
  keep(id: string, read: Promise<StoredProfile | undefined>): void;
  /** Forgets `read` if it is still the one kept for `id` (a read that failed is tried again next time). */
  drop(id: string, read: Promise<StoredProfile | undefined>): void;
}

export function recentProfiles(capacity = 256): RecentProfiles {
  const kept = new Map<string, Promise<StoredProfile | undefined>>();
  return {
    get(id) {
      const hit = kept.get(id);
      if (hit) {
        // Most recent last, so the first key is the one to drop.
        kept.delete(id);
        kept.set(id, hit);
      }
      return hit;
    },
    keep(id, read) {
      kept.set(id, read);
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    },
    drop(id, read) {
      if (kept.get(id) === read) kept.delete(id);
    },
  };
}

/**
 * `records`: the catalog version's arena, where each entry's record is kept; `repository`: where the
 * record is read; `recent`: the records read last; `pool`: where the catalog version's heads share their
 * repeated values (none: each keeps its own).
 */
export type EntryOptions = { pool?: HeadPool } & (
  | { keeping: "memory"; records: RecordArena }
  | { keeping: "store"; recent: RecentProfiles; repository: Pick<CatalogRepository, "getProfile"> }
);

export function catalogEntry(stored: StoredProfile, options: EntryOptions): CatalogEntry {
  const head = profileHead(stored.profile);
  if (options.keeping === "store") return headEntry({ head, seq: stored.seq }, options);
  return new KeptEntry(options.pool?.(head) ?? head, stored, options.records);
}

/**
 * The entry of a head read alone (CatalogRepository.pageProfileHeads): its record is read from the store
 * when shown, and kept among the records read last.
 */
export function headEntry(
  { head, seq }: Pick<StoredHead, "head" | "seq">,
  options: Extract<EntryOptions, { keeping: "store" }>,
): CatalogEntry {
  const { repository, recent } = options;
  // Only the id is kept for `load`: the head as read would otherwise stay beside its pooled copy.
  const { id } = head;
  return {
    profile: options.pool?.(head) ?? head,
    seq,
    load() {
      const known = recent.get(id);
      if (known) return known;
      const fresh = repository.getProfile(id);
      recent.keep(id, fresh);
      // The caller sees the failure; the next load reads again rather than failing from memory.
      fresh.catch(() => recent.drop(id, fresh));
      return fresh;
    },
  };
}

/** An entry whose record waits in an arena: a class, so 50,000 of them share one `load`, not a closure each. */
class KeptEntry implements CatalogEntry {
  readonly seq: number;
  private readonly record: number;
  private readonly created: number;
  private readonly updated: number;

  constructor(
    readonly profile: ProfileHead,
    stored: StoredProfile,
    private readonly records: RecordArena,
  ) {
    this.seq = stored.seq;
    this.record = records.add(JSON.stringify(stored.profile));
    this.created = stored.createdAt.getTime();
    this.updated = stored.updatedAt.getTime();
  }

  async load(): Promise<StoredProfile> {
    const profile = JSON.parse(this.records.read(this.record)) as Profile;
    return { profile, seq: this.seq, createdAt: new Date(this.created), updatedAt: new Date(this.updated) };
  }
}
