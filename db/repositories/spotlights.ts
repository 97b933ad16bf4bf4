/** Spotlights on the database: a moderator's pick for a date, listed, cancelled, each step audited. */
import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { type ChannelRef, type CommunityRef, communityRef } from "../../src/core/channel.ts";
import type {
  NewSpotlight,
  Spotlight,
  SpotlightAddResult,
  SpotlightRepository,
} from "../../src/core/ports/spotlights.ts";
import type { Db } from "../client.ts";
import { spotlights } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";

type SpotlightRow = typeof spotlights.$inferSelect;

export function toSpotlight(row: SpotlightRow): Spotlight {
  return {
    id: row.id,
    scope: row.scope,
    channel: row.channelRef,
    community: row.communityRef,
    campaignId: row.campaignId,
    profileId: row.profileId,
    localDate: row.localDate,
    ...(row.localTime === null ? {} : { localTime: row.localTime }),
    timezone: row.timezone,
    state: row.state,
    createdBy: row.createdBy,
    ...(row.cancelReason === null ? {} : { cancelReason: row.cancelReason }),
    createdAt: row.createdAt,
  };
}

const byDateThenId = [asc(spotlights.localDate), asc(spotlights.id)];

/** A scheduled spotlight in the same place on the same date: what the partial unique indexes allow once. */
function sameSlot(input: Pick<NewSpotlight, "scope" | "channel" | "community" | "localDate">): SQL {
  return and(
    eq(spotlights.state, "scheduled"),
    eq(spotlights.scope, input.scope),
    eq(spotlights.localDate, input.localDate),
    input.scope === "channel"
      ? eq(spotlights.channelRef, input.channel)
      : eq(spotlights.communityRef, input.community),
  )!;
}

const REPLACED_REASON = "replaced by another spotlight for the same date";
/** The advisory-lock class of spotlight slots ("SPOT" in ASCII); the key within it is hashed from the slot. */
const SLOT_LOCK_CLASS = 0x53504f54;

/**
 * Holds the slot (scope, channel or community, date) until the transaction ends, so two moderators
 * scheduling the same date at once take turns: the second sees the first's spotlight, never a race.
 */
async function lockSlot(tx: Db, input: NewSpotlight): Promise<void> {
  const place = input.scope === "channel" ? input.channel : input.community;
  const key = `${input.scope}|${place}|${input.localDate}`;
  await tx.execute(sql`select pg_advisory_xact_lock(${SLOT_LOCK_CLASS}, hashtext(${key}))`);
}

/** The audit entries of an add: the spotlights it replaced, cancelled, and the one it scheduled. */
async function auditAdded(tx: Db, row: SpotlightRow, replaced: readonly SpotlightRow[]): Promise<void> {
  const actor = row.createdBy;
  await appendAudit(tx, [
    ...replaced.map((r) => ({
      actor,
      action: AUDIT_ACTIONS.spotlightCancelled,
      entityType: "spotlight" as const,
      entityId: String(r.id),
      details: { reason: REPLACED_REASON, replacedBy: row.id },
    })),
    {
      actor,
      action: AUDIT_ACTIONS.spotlightScheduled,
      entityType: "spotlight",
      entityId: String(row.id),
      details: { profileId: row.profileId, localDate: row.localDate, scope: row.scope },
    },
  ]);
}

/**
 * Refuses when the slot is taken, or with `replace` cancels what stands there, then inserts: all while
 * holding the slot. The unique indexes stay the last word for any other writer.
 */
async function addInTransaction(tx: Db, input: NewSpotlight, replace: boolean): Promise<SpotlightAddResult> {
  await lockSlot(tx, input);
  const [standing] = await tx.select().from(spotlights).where(sameSlot(input));
  if (standing && !replace) return { kind: "taken", standing: toSpotlight(standing) };
  const replaced = standing
    ? await tx
        .update(spotlights)
        .set({ state: "cancelled", cancelReason: REPLACED_REASON })
        // Still scheduled: a moderator's /schedule cancel of it meanwhile keeps its own reason.
        .where(and(eq(spotlights.id, standing.id), eq(spotlights.state, "scheduled")))
        .returning()
    : [];
  const [row] = await tx
    .insert(spotlights)
    .values({
      scope: input.scope,
      channelRef: input.channel,
      communityRef: input.community,
      campaignId: input.campaignId,
      profileId: input.profileId,
      localDate: input.localDate,
      localTime: input.localTime ?? null,
      timezone: input.timezone,
      state: "scheduled",
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error("spotlight insert returned no row");
  await auditAdded(tx, row, replaced);
  const [last] = replaced;
  const spotlight = toSpotlight(row);
  return last ? { kind: "added", spotlight, replaced: toSpotlight(last) } : { kind: "added", spotlight };
}

const MOVED_ONTO_REASON = "its chat moved to one that already had a spotlight for the same date";

/**
 * Moves a chat's spotlights to its new reference (a Telegram group that became a supergroup), and its
 * community's too when the chat is its own community. Where the new reference already has one for a date
 * (set there since the move), that one stands and the moving one is cancelled, so the move never breaks
 * "one per date".
 */
export async function moveSpotlights(
  tx: Db,
  move: { from: ChannelRef; to: ChannelRef; ownCommunity: boolean; actor: string },
): Promise<void> {
  await movePlace(tx, { scope: "channel", from: move.from, to: move.to }, move.actor);
  if (!move.ownCommunity) return;
  const [from, to] = [communityRef(move.from), communityRef(move.to)];
  await movePlace(tx, { scope: "community", from, to }, move.actor);
}

type Move =
  | { scope: "channel"; from: ChannelRef; to: ChannelRef }
  | { scope: "community"; from: CommunityRef; to: CommunityRef };

/** Where a spotlight of the move's scope is placed: its channel, or its community. */
const placedAt = (move: Move, end: "from" | "to") =>
  move.scope === "channel" ? eq(spotlights.channelRef, move[end]) : eq(spotlights.communityRef, move[end]);

async function movePlace(tx: Db, move: Move, actor: string): Promise<void> {
  const scheduledAt = (end: "from" | "to") =>
    and(eq(spotlights.state, "scheduled"), eq(spotlights.scope, move.scope), placedAt(move, end));
  const taken = tx.select({ localDate: spotlights.localDate }).from(spotlights).where(scheduledAt("to"));
  const cancelled = await tx
    .update(spotlights)
    .set({ state: "cancelled", cancelReason: MOVED_ONTO_REASON })
    .where(and(scheduledAt("from"), inArray(spotlights.localDate, taken)))
    .returning({ id: spotlights.id });
  await appendAudit(
    tx,
    cancelled.map(({ id }) => ({
      actor,
      action: AUDIT_ACTIONS.spotlightCancelled,
      entityType: "spotlight" as const,
      entityId: String(id),
      details: { reason: MOVED_ONTO_REASON },
    })),
  );
  const set = move.scope === "channel" ? { channelRef: move.to } : { communityRef: move.to };
  await tx.update(spotlights).set(set).where(placedAt(move, "from"));
}

/** Scheduled spotlights that meet the conditions, by date, then in the order they were set. */
async function listScheduled(db: Db, ...conditions: (SQL | undefined)[]): Promise<Spotlight[]> {
  const rows = await db
    .select()
    .from(spotlights)
    .where(and(eq(spotlights.state, "scheduled"), ...conditions))
    .orderBy(...byDateThenId);
  return rows.map(toSpotlight);
}

export function createSpotlightRepository(db: Db): SpotlightRepository {
  return {
    async add(input, options = {}) {
      return db.transaction((tx) => addInTransaction(tx, input, options.replace ?? false));
    },

    async listUpcoming(channel, community, fromDate) {
      return listScheduled(
        db,
        gte(spotlights.localDate, fromDate),
        or(
          and(eq(spotlights.scope, "channel"), eq(spotlights.channelRef, channel)),
          and(eq(spotlights.scope, "community"), eq(spotlights.communityRef, community)),
        ),
      );
    },

    async listOnDate(community, localDate) {
      return listScheduled(db, eq(spotlights.localDate, localDate), eq(spotlights.communityRef, community));
    },

    async listInCommunity(community, fromDate, toDate) {
      return listScheduled(
        db,
        eq(spotlights.communityRef, community),
        gte(spotlights.localDate, fromDate),
        lte(spotlights.localDate, toDate),
      );
    },

    async listBetween(fromDate, toDate) {
      return listScheduled(db, gte(spotlights.localDate, fromDate), lte(spotlights.localDate, toDate));
    },

    async get(id) {
      const [row] = await db.select().from(spotlights).where(eq(spotlights.id, id));
      return row ? toSpotlight(row) : undefined;
    },

    async cancel(id, { actor, reason }) {
      return db.transaction(async (tx) => {
        // Conditional on the state, so a spotlight being posted right now cannot also be cancelled.
        const [row] = await tx
          .update(spotlights)
          .set({ state: "cancelled", cancelReason: reason })
          .where(and(eq(spotlights.id, id), eq(spotlights.state, "scheduled")))
          .returning();
        if (!row) return undefined;
        await appendAudit(tx, {
          actor,
          action: AUDIT_ACTIONS.spotlightCancelled,
          entityType: "spotlight",
          entityId: String(id),
          details: { reason },
        });
        return toSpotlight(row);
      });
    },

    async listScheduledForProfile(profileId) {
      return listScheduled(db, eq(spotlights.profileId, profileId));
    },
  };
}
