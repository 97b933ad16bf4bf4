/**
 * One whole profile in one statement: its row, with each child list aggregated into a JSON array by a
 * subquery. A catalog that keeps records in the store (CATALOG_RECORDS=store) reads one each time a
 * profile is shown; as seven statements (profile-store.ts loadSome, made for pages of many profiles) that
 * was seven round trips to the server, a p50 of about 3 ms a first read at 50,000 profiles.
 *
 * The JSON keys are the columns' names in the schema (not the database's), so each list reads back as
 * the rows drizzle selects: every child column is text, boolean, integer, jsonb, a text array or a date
 * in string mode, and json renders each as that select would (dates in ISO form whatever DateStyle).
 */
import { eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { StoredProfile } from "../../src/core/ports/catalog.ts";
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
import { fromProfileRows } from "./profile-rows.ts";

export type ChildTable = PgTable & { profileId: PgColumn; position: PgColumn };

/** A row of `table` as a JSON object keyed as drizzle selects it (the schema's names for its columns). */
export function rowObject(table: PgTable): SQL {
  const pairs = Object.entries(getTableColumns(table)).map(
    // The keys are this schema's own identifiers, never input: safe to write as literals.
    ([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`,
  );
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The outer profile's rows of `table` as a JSON array in position order (empty, not null, for none). */
function childRows<T extends ChildTable>(table: T): SQL<T["$inferSelect"][]> {
  const list = sql`(select json_agg(${rowObject(table)} order by ${table.position})
    from ${table} where ${table.profileId} = ${profiles.id})`;
  // The embedded driver parses json; a server's may hand over the text.
  return sql`coalesce(${list}, '[]'::json)`.mapWith((value: unknown) =>
    typeof value === "string" ? JSON.parse(value) : value,
  ) as SQL<T["$inferSelect"][]>;
}

export async function loadProfileWhole(db: Db, id: string): Promise<StoredProfile | undefined> {
  const [row] = await db
    .select({
      profile: profiles,
      names: childRows(profileNames),
      sources: childRows(profileSources),
      detentions: childRows(detentions),
      family: childRows(familyMembers),
      quotes: childRows(profileQuotes),
      designations: childRows(profileDesignations),
    })
    .from(profiles)
    .where(eq(profiles.id, id));
  if (!row) return undefined;
  return {
    profile: fromProfileRows(row),
    createdAt: row.profile.createdAt,
    updatedAt: row.profile.updatedAt,
    seq: row.profile.seq,
  };
}
