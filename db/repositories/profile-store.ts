/** Reads and writes whole profiles (their row and every child list) for the catalog repository. */
import { and, asc, eq, gt, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { StoredProfile } from "../../src/core/ports/catalog.ts";
import { profileHead, type StoredHead } from "../../src/core/profile-head.ts";
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
import { fromProfileRows, publicationOf, toProfileChildRows, toProfileRow } from "./profile-rows.ts";
import { type ChildTable, loadProfileWhole, rowObject } from "./profile-read.ts";
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

/**
 * Profiles read per statement: each child table's rows for them come as one JSON text (childRowsOf), a
 * few megabytes for a thousand profiles, where the whole catalog's would be hundreds (and a text value may
 * not pass 1 GB).
 */
const PROFILES_PER_READ = 1_000;

/** Whole profiles in insertion order: all of them, or those with the given ids. */
export async function loadProfiles(db: Db, ids?: readonly string[]): Promise<StoredProfile[]> {
  const loaded: StoredProfile[] = [];
  if (!ids) {
    for (let after = 0; ; ) {
      const page = await pageProfiles(db, after, PROFILES_PER_READ);
      if (page.length === 0) return loaded;
      loaded.push(...page);
      after = page.at(-1)!.seq;
    }
  }
  for (const batch of chunks(ids, PROFILES_PER_READ)) loaded.push(...(await loadSome(db, batch)));
  return ids.length > PROFILES_PER_READ ? loaded.sort((a, b) => a.seq - b.seq) : loaded;
}

/** Which profiles loadSome reads: those with these ids, or those in a range of insertion positions. */
type Selection = readonly string[] | { afterSeq: number; lastSeq: number };

function selector(db: Db, selection: Selection): (column: PgColumn) => SQL | undefined {
  if (Array.isArray(selection)) return (column) => inArray(column, [...selection]);
  const { afterSeq, lastSeq } = selection as { afterSeq: number; lastSeq: number };
  const range = and(gt(profiles.seq, afterSeq), lte(profiles.seq, lastSeq));
  // Two parameters whatever the page's size, where a list of ids binds one per profile. `= any(array(…))`,
  // not `in (…)`: the array is an InitPlan read once and each child table is read by its profile_id index;
  // given `in`, the planner hashes the page and scans the whole child table for every page.
  const page = db.select({ id: profiles.id }).from(profiles).where(range);
  return (column) => (column === profiles.id ? range : sql`${column} = any(array(${page}))`);
}

/**
 * The selected rows of a child table, in position order, as one JSON text the driver hands over as one
 * value: a page's tens of thousands of child rows, one protocol message each, were most of an embedded
 * export's time (PGlite decodes every message in JavaScript), and JSON.parse reads the text natively.
 * Each row reads back as drizzle selects it (see rowObject, profile-read.ts).
 */
async function childRowsOf<T extends ChildTable>(
  db: Db,
  table: T,
  where?: SQL,
): Promise<T["$inferSelect"][]> {
  const list = sql<string>`coalesce(json_agg(${rowObject(table)} order by ${table.position})::text, '[]')`;
  const [row] = await db
    .select({ list })
    .from(table as PgTable)
    .where(where);
  return JSON.parse(row?.list ?? "[]") as T["$inferSelect"][];
}

async function loadSome(db: Db, selection: Selection): Promise<StoredProfile[]> {
  const only = selector(db, selection);
  const child = <T extends ChildTable>(table: T) => childRowsOf(db, table, only(table.profileId));
  const [rows, names, sources, episodes, family, quotes, designations] = await Promise.all([
    db.select().from(profiles).where(only(profiles.id)).orderBy(asc(profiles.seq)),
    child(profileNames),
    child(profileSources),
    child(detentions),
    child(familyMembers),
    child(profileQuotes),
    child(profileDesignations),
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

/** One whole profile, in one statement (profile-read.ts): the read each profile shown from the store makes. */
export const loadProfile = loadProfileWhole;

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
/** The largest `seq` the column (a Postgres integer) can hold. */
const INTEGER_MAX = 2_147_483_647;

export async function pageProfiles(db: Db, afterSeq: number, limit: number): Promise<StoredProfile[]> {
  return loadSome(db, { afterSeq, lastSeq: await lastSeqOfPage(db, afterSeq, limit) });
}

/** The insertion position of a page's last profile: the `limit`th after `afterSeq`, or the end. */
async function lastSeqOfPage(db: Db, afterSeq: number, limit: number): Promise<number> {
  const [last] = await db
    .select({ seq: profiles.seq })
    .from(profiles)
    .where(gt(profiles.seq, afterSeq))
    .orderBy(asc(profiles.seq))
    .limit(1)
    .offset(limit - 1);
  // Fewer than `limit` left: the rest. A profile inserted meanwhile may join the last page, as it would
  // join a later one; each page is whole profiles.
  return last?.seq ?? INTEGER_MAX;
}

/**
 * pageProfileHeads: the page pageProfiles reads, only the columns a head is made of (core/profile-head.ts),
 * so a catalog that keeps heads alone never builds its whole records.
 */
export async function pageProfileHeads(db: Db, afterSeq: number, limit: number): Promise<StoredHead[]> {
  const lastSeq = await lastSeqOfPage(db, afterSeq, limit);
  const only = selector(db, { afterSeq, lastSeq });
  const [rows, names, episodes, withdrawn] = await Promise.all([
    db
      .select({
        id: profiles.id,
        seq: profiles.seq,
        campaignId: profiles.campaignId,
        displayName: profiles.displayName,
        gender: profiles.gender,
        lastVerifiedAt: profiles.lastVerifiedAt,
        visibility: profiles.visibility,
        takedownAt: profiles.takedownAt,
        takedownBy: profiles.takedownBy,
        takedownReason: profiles.takedownReason,
      })
      .from(profiles)
      .where(only(profiles.id))
      .orderBy(asc(profiles.seq)),
    db
      .select({ profileId: profileNames.profileId, value: profileNames.value })
      .from(profileNames)
      .where(and(only(profileNames.profileId), eq(profileNames.searchable, true)))
      .orderBy(asc(profileNames.position)),
    db
      .select({
        profileId: detentions.profileId,
        arrestDate: detentions.arrestDate,
        sentenceDate: detentions.sentenceDate,
        status: detentions.status,
        statusAsOf: detentions.statusAsOf,
      })
      .from(detentions)
      .where(only(detentions.profileId))
      .orderBy(asc(detentions.position)),
    db
      .select({ profileId: familyMembers.profileId, relationship: familyMembers.relationship })
      .from(familyMembers)
      .where(and(only(familyMembers.profileId), eq(familyMembers.consentStatus, "withdrawn")))
      .orderBy(asc(familyMembers.position)),
  ]);
  const namesOf = byProfile(names);
  const episodesOf = byProfile(episodes);
  const withdrawnOf = byProfile(withdrawn);
  return rows.map((row) => ({
    seq: row.seq,
    head: profileHead({
      id: row.id,
      campaign: row.campaignId,
      displayName: row.displayName,
      ...(row.gender === null ? {} : { gender: row.gender }),
      lastVerifiedAt: row.lastVerifiedAt,
      publication: publicationOf(row),
      detentions: (episodesOf.get(row.id) ?? []).map((d) => ({
        arrestDate: d.arrestDate,
        status: d.status,
        statusAsOf: d.statusAsOf,
        ...(d.sentenceDate === null ? {} : { sentenceDate: d.sentenceDate }),
      })),
      family: (withdrawnOf.get(row.id) ?? []).map((m) => ({
        relationship: m.relationship,
        consent: { status: "withdrawn" as const },
      })),
    }),
    names: [row.displayName, ...(namesOf.get(row.id) ?? []).map((n) => n.value)],
  }));
}
