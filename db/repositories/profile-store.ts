/** Reads and writes whole profiles (their row and every child list) for the catalog repository. */
import { asc, gt, inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { StoredProfile } from "../../src/core/ports/catalog.ts";
import type { Profile } from "../../src/core/profile.ts";
import type { Db } from "../client.ts";
import {
  detentions,
  familyMembers,
  profileDesignations,
  profileNames,
  profileQuotes,
  profileSources,
  profiles,
} from "../schema/index.ts";
import { chunks, MAX_PARAMETERS } from "./chunked.ts";
import { fromProfileRows, toProfileChildRows, toProfileRow } from "./profile-rows.ts";
import { insertRecordset, updateRecordset } from "./recordset.ts";

/** Groups child rows by profile, keeping the order they were selected in (by position). */
function byProfile<R extends { profileId: string }>(rows: R[]): Map<string, R[]> {
  const grouped = new Map<string, R[]>();
  for (const row of rows) {
    const list = grouped.get(row.profileId);
    if (list) list.push(row);
    else grouped.set(row.profileId, [row]);
  }
  return grouped;
}

/** Whole profiles in insertion order: all of them, or those with the given ids. */
export async function loadProfiles(db: Db, ids?: readonly string[]): Promise<StoredProfile[]> {
  if (!ids) return loadSome(db);
  if (ids.length === 0) return [];
  // A list of ids binds a parameter each: read as many at a time as one statement takes.
  const loaded: StoredProfile[] = [];
  for (const batch of chunks(ids, MAX_PARAMETERS)) loaded.push(...(await loadSome(db, batch)));
  return ids.length > MAX_PARAMETERS ? loaded.sort((a, b) => a.seq - b.seq) : loaded;
}

async function loadSome(db: Db, ids?: readonly string[]): Promise<StoredProfile[]> {
  const only = (column: PgColumn) => (ids ? inArray(column, [...ids]) : undefined);
  const [rows, names, sources, episodes, family, quotes, designations] = await Promise.all([
    db.select().from(profiles).where(only(profiles.id)).orderBy(asc(profiles.seq)),
    db.select().from(profileNames).where(only(profileNames.profileId)).orderBy(asc(profileNames.position)),
    db
      .select()
      .from(profileSources)
      .where(only(profileSources.profileId))
      .orderBy(asc(profileSources.position)),
    db.select().from(detentions).where(only(detentions.profileId)).orderBy(asc(detentions.position)),
    db.select().from(familyMembers).where(only(familyMembers.profileId)).orderBy(asc(familyMembers.position)),
    db.select().from(profileQuotes).where(only(profileQuotes.profileId)).orderBy(asc(profileQuotes.position)),
    db
      .select()
      .from(profileDesignations)
      .where(only(profileDesignations.profileId))
      .orderBy(asc(profileDesignations.position)),
  ]);
  const children = {
    names: byProfile(names),
    sources: byProfile(sources),
    detentions: byProfile(episodes),
    family: byProfile(family),
    quotes: byProfile(quotes),
    designations: byProfile(designations),
  };
  return rows.map((row) => ({
    profile: fromProfileRows({
      profile: row,
      names: children.names.get(row.id) ?? [],
      sources: children.sources.get(row.id) ?? [],
      detentions: children.detentions.get(row.id) ?? [],
      family: children.family.get(row.id) ?? [],
      quotes: children.quotes.get(row.id) ?? [],
      designations: children.designations.get(row.id) ?? [],
    }),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    seq: row.seq,
  }));
}

export async function loadProfile(db: Db, id: string): Promise<StoredProfile | undefined> {
  const [stored] = await loadProfiles(db, [id]);
  return stored;
}

/** A profile to write, with the hash of the file's record it came from (see content-hash.ts). */
export interface ProfileWrite {
  profile: Profile;
  contentHash: string;
}

/** Inserts the child rows of several profiles, a statement a table (see recordset.ts). */
async function insertChildren(db: Db, written: Profile[]): Promise<void> {
  const rows = written.map(toProfileChildRows);
  // Family before quotes: a quote's speaker is a foreign key to its family member.
  await insertRecordset(
    db,
    profileNames,
    rows.flatMap((r) => r.names),
  );
  await insertRecordset(
    db,
    profileSources,
    rows.flatMap((r) => r.sources),
  );
  await insertRecordset(
    db,
    detentions,
    rows.flatMap((r) => r.detentions),
  );
  await insertRecordset(
    db,
    familyMembers,
    rows.flatMap((r) => r.family),
  );
  await insertRecordset(
    db,
    profileQuotes,
    rows.flatMap((r) => r.quotes),
  );
  await insertRecordset(
    db,
    profileDesignations,
    rows.flatMap((r) => r.designations),
  );
}

/** Inserts new profiles; their seq follows the order given. */
export async function insertProfiles(db: Db, created: ProfileWrite[]): Promise<void> {
  if (created.length === 0) return;
  await insertRecordset(
    db,
    profiles,
    created.map((w) => ({ ...toProfileRow(w.profile), contentHash: w.contentHash })),
  );
  await insertChildren(
    db,
    created.map((w) => w.profile),
  );
}

/** Rewrites existing profiles: each row in place (seq and created_at kept), their children replaced. */
export async function replaceProfiles(db: Db, changed: ProfileWrite[]): Promise<void> {
  if (changed.length === 0) return;
  const rows = changed.map((w) => ({ ...toProfileRow(w.profile), contentHash: w.contentHash }));
  await updateRecordset(db, profiles, "id", rows, sql`updated_at = now()`);
  const ids = changed.map((w) => w.profile.id);
  // Quotes first: they reference family members.
  const childTables = [
    profileQuotes,
    familyMembers,
    profileNames,
    profileSources,
    detentions,
    profileDesignations,
  ];
  for (const table of childTables) {
    for (const batch of chunks(ids, MAX_PARAMETERS))
      await db.delete(table).where(inArray(table.profileId, batch));
  }
  await insertChildren(
    db,
    changed.map((w) => w.profile),
  );
}

/** Records the hash of profiles whose files changed in no way that shows (their rows stay as they are). */
export async function storeContentHashes(
  db: Db,
  hashes: { id: string; contentHash: string }[],
): Promise<void> {
  await updateRecordset(db, profiles, "id", hashes);
}

/**
 * Every stored profile's id and content hash, for a re-import to compare with: as one JSON object, which
 * the driver hands over as one value (tens of thousands of rows cost the embedded driver most of a second).
 */
export async function storedContentHashes(db: Db): Promise<Map<string, string | null>> {
  const all = sql<string>`coalesce(json_object_agg(${profiles.id}, ${profiles.contentHash})::text, '{}')`;
  const [row] = await db.select({ all }).from(profiles);
  return new Map(Object.entries(JSON.parse(row?.all ?? "{}") as Record<string, string | null>));
}

/** A page of whole profiles in insertion order, after `afterSeq`. */
export async function pageProfiles(db: Db, afterSeq: number, limit: number): Promise<StoredProfile[]> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(gt(profiles.seq, afterSeq))
    .orderBy(asc(profiles.seq))
    .limit(limit);
  return loadProfiles(
    db,
    rows.map((r) => r.id),
  );
}
