/**
 * Subscriptions on the database. The unique channel_ref makes "one subscription per channel" a fact of
 * the table, not of the code: a second /subscribe updates the row, even when two arrive at once.
 */
import { and, asc, eq, getTableColumns, ne, sql } from "drizzle-orm";
import type { Subscription, SubscriptionRepository } from "../../src/core/ports.ts";
import type { Db } from "../client.ts";
import { subscriptions } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";

type SubscriptionRow = typeof subscriptions.$inferSelect;

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channel: row.channelRef,
    community: row.communityRef,
    campaignId: row.campaignId,
    postTime: row.postTime,
    timezone: row.timezone,
    state: row.state,
    ...(row.pausedReason === null ? {} : { pausedReason: row.pausedReason }),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function createSubscriptionRepository(db: Db): SubscriptionRepository {
  return {
    async upsert(input) {
      return db.transaction(async (tx) => {
        const settings = {
          communityRef: input.community,
          campaignId: input.campaignId,
          postTime: input.postTime,
          timezone: input.timezone,
          state: "active" as const,
          pausedReason: null,
        };
        const [row] = await tx
          .insert(subscriptions)
          .values({ channelRef: input.channel, createdBy: input.actor, ...settings })
          .onConflictDoUpdate({
            target: subscriptions.channelRef,
            set: { ...settings, updatedAt: sql`now()` },
          })
          // xmax is 0 only on a row version this statement inserted: the cheapest way to tell insert from update.
          .returning({ ...getTableColumns(subscriptions), inserted: sql<boolean>`(xmax = 0)` });
        if (!row) throw new Error(`subscription upsert for ${input.channel} returned no row`);
        const subscription = toSubscription(row);
        await appendAudit(tx, {
          actor: input.actor,
          action: row.inserted ? AUDIT_ACTIONS.subscriptionCreated : AUDIT_ACTIONS.subscriptionUpdated,
          entityType: "subscription",
          entityId: String(subscription.id),
          details: {
            channel: input.channel,
            campaignId: input.campaignId,
            postTime: input.postTime,
            timezone: input.timezone,
          },
        });
        return { subscription, created: row.inserted };
      });
    },

    async findByChannel(channel) {
      const [row] = await db.select().from(subscriptions).where(eq(subscriptions.channelRef, channel));
      return row ? toSubscription(row) : undefined;
    },

    /** Stops an active or paused subscription; undefined when there is none or it is already stopped. */
    async stop(channel, actor) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(subscriptions)
          .set({ state: "stopped", updatedAt: sql`now()` })
          .where(and(eq(subscriptions.channelRef, channel), ne(subscriptions.state, "stopped")))
          .returning();
        if (!row) return undefined;
        await appendAudit(tx, {
          actor,
          action: AUDIT_ACTIONS.subscriptionStopped,
          entityType: "subscription",
          entityId: String(row.id),
          details: { channel },
        });
        return toSubscription(row);
      });
    },

    async list() {
      const rows = await db.select().from(subscriptions).orderBy(asc(subscriptions.id));
      return rows.map(toSubscription);
    },
  };
}
