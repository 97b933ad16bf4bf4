/** Spotlights on the database: a moderator's pick for a date, listed, cancelled, each step audited. */
import { and, asc, eq, gte, or } from "drizzle-orm";
import type { Spotlight, SpotlightRepository } from "../../src/core/ports.ts";
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

export function createSpotlightRepository(db: Db): SpotlightRepository {
  return {
    async add(input) {
      return db.transaction(async (tx) => {
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
        await appendAudit(tx, {
          actor: input.createdBy,
          action: AUDIT_ACTIONS.spotlightScheduled,
          entityType: "spotlight",
          entityId: String(row.id),
          details: { profileId: input.profileId, localDate: input.localDate, scope: input.scope },
        });
        return toSpotlight(row);
      });
    },

    async listUpcoming(channel, community, fromDate) {
      const rows = await db
        .select()
        .from(spotlights)
        .where(
          and(
            eq(spotlights.state, "scheduled"),
            gte(spotlights.localDate, fromDate),
            or(
              and(eq(spotlights.scope, "channel"), eq(spotlights.channelRef, channel)),
              and(eq(spotlights.scope, "community"), eq(spotlights.communityRef, community)),
            ),
          ),
        )
        .orderBy(...byDateThenId);
      return rows.map(toSpotlight);
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
      const rows = await db
        .select()
        .from(spotlights)
        .where(and(eq(spotlights.profileId, profileId), eq(spotlights.state, "scheduled")))
        .orderBy(...byDateThenId);
      return rows.map(toSpotlight);
    },
  };
}
