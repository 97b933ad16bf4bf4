/**
 * Subscriptions on the database. The unique channel_ref makes "one subscription per channel" a fact of
 * the table, not of the code: a second /subscribe updates the row, even when two arrive at once.
 */
import { and, asc, count, eq, getTableColumns, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { communityRef } from "../../src/core/channel.ts";
import type { Subscription, SubscriptionRepository } from "../../src/core/ports/subscriptions.ts";
import { type PostOptionsChange, postOptionsOf } from "../../src/core/post-options.ts";
import type { Db } from "../client.ts";
import { deliveries, subscriptions } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";
import { moveSpotlights } from "./spotlights.ts";
import { chunks, MAX_PARAMETERS } from "./chunked.ts";
import { keptReads, subscriptionWrites } from "./kept-reads.ts";

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** Typed text matched literally inside LIKE: its % and _ (and the escape itself) are not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channel: row.channelRef,
    community: row.communityRef,
    campaignId: row.campaignId,
    postTime: row.postTime,
    timezone: row.timezone,
    state: row.state,
    anniversaries: row.anniversaries,
    ...(row.pausedReason === null ? {} : { pausedReason: row.pausedReason }),
    ...(row.plannedThrough === null ? {} : { plannedThrough: row.plannedThrough }),
    updates: row.updates,
    postOptions: postOptionsOf({
      silent: row.silent,
      crosspost: row.crosspost,
      linkPreviews: row.linkPreviews,
      ...(row.mentionRole === null ? {} : { mentionRole: row.mentionRole }),
      ...(row.threadId === null ? {} : { thread: row.threadId }),
    }),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Days due before `active_since` are not owed. A new subscription, changed settings or a resumed one
 * start afresh from the request; repeating /subscribe with the same settings changes nothing, so a
 * repeat a second after the post time never drops that day's post.
 */
const keepOrRestartActiveSince = sql`case
  when ${subscriptions.state} = 'active'
    and ${subscriptions.postTime} = excluded.post_time
    and ${subscriptions.timezone} = excluded.timezone
    and ${subscriptions.campaignId} = excluded.campaign_id
  then ${subscriptions.activeSince} else excluded.active_since end`;

/** The columns an options change sets; absent options are left as they are (null clears a role or thread). */
function postOptionColumns(change: PostOptionsChange | undefined) {
  if (!change) return {};
  return {
    ...(change.silent === undefined ? {} : { silent: change.silent }),
    ...(change.crosspost === undefined ? {} : { crosspost: change.crosspost }),
    ...(change.linkPreviews === undefined ? {} : { linkPreviews: change.linkPreviews }),
    ...(change.mentionRole === undefined ? {} : { mentionRole: change.mentionRole }),
    ...(change.thread === undefined ? {} : { threadId: change.thread }),
  };
}

/**
 * `soleWriter` (kept-reads.ts): a channel's subscription, as read, stands until this process writes the
 * table again. Every /prisoner, /today and /share asks for it (the channel's zone says which day it is
 * there): in a burst of /prisoner on PGlite that query was half the database's work (bench:burst).
 */
export function createSubscriptionRepository(
  db: Db,
  options: { soleWriter?: boolean } = {},
): SubscriptionRepository {
  const repository = subscriptionRepository(db);
  const write =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A) =>
      subscriptionWrites.writing(() => method(...args));
  // Every method that writes is counted below; the rest only read.
  return {
    ...repository,
    findByChannel: options.soleWriter
      ? keptReads(subscriptionWrites, repository.findByChannel)
      : repository.findByChannel,
    upsert: write(repository.upsert),
    setPostOptions: write(repository.setPostOptions),
    stop: write(repository.stop),
    pause: write(repository.pause),
    pauseCommunity: write(repository.pauseCommunity),
    moveChannel: write(repository.moveChannel),
  };
}

function subscriptionRepository(db: Db): SubscriptionRepository {
  /** Pauses the active subscriptions `which` selects, audited, and cancels the posts they still owe. */
  const pauseActive = (which: SQL, reason: string, actor: string) =>
    db.transaction(async (tx) => {
      const rows = await tx
        .update(subscriptions)
        .set({ state: "paused", pausedReason: reason, updatedAt: sql`now()` })
        .where(and(which, eq(subscriptions.state, "active")))
        .returning();
      await auditPauses(tx, rows, reason, actor);
      await cancelPendingPosts(
        tx,
        rows.map((r) => r.id),
        `the subscription was paused: ${reason}`,
      );
      return rows.map(toSubscription);
    });

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
          ...(input.anniversaries === undefined ? {} : { anniversaries: input.anniversaries }),
          ...(input.updates === undefined ? {} : { updates: input.updates }),
          ...postOptionColumns(input.postOptions),
        };
        const [row] = await tx
          .insert(subscriptions)
          .values({
            channelRef: input.channel,
            createdBy: input.actor,
            activeSince: input.at ?? sql`now()`,
            ...settings,
          })
          .onConflictDoUpdate({
            target: subscriptions.channelRef,
            set: { ...settings, activeSince: keepOrRestartActiveSince, updatedAt: sql`now()` },
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
            anniversaries: subscription.anniversaries,
            ...(input.updates === undefined ? {} : { updates: input.updates }),
            ...(input.postOptions === undefined ? {} : { postOptions: subscription.postOptions }),
          },
        });
        return { subscription, created: row.inserted };
      });
    },

    async setPostOptions(channel, change, actor) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(subscriptions)
          .set({ ...postOptionColumns(change), updatedAt: sql`now()` })
          .where(eq(subscriptions.channelRef, channel))
          .returning();
        if (!row) return undefined;
        const subscription = toSubscription(row);
        await appendAudit(tx, {
          actor,
          action: AUDIT_ACTIONS.subscriptionUpdated,
          entityType: "subscription",
          entityId: String(row.id),
          details: { channel, postOptions: subscription.postOptions },
        });
        return subscription;
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
        await cancelPendingPosts(tx, [row.id], "the subscription was stopped");
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

    async pause(channel, { reason, actor }) {
      const [paused] = await pauseActive(eq(subscriptions.channelRef, channel), reason, actor);
      return paused;
    },

    pauseCommunity: (community, { reason, actor }) =>
      pauseActive(eq(subscriptions.communityRef, community), reason, actor),

    async moveChannel(from, to, actor) {
      return db.transaction(async (tx) => {
        const [taken] = await tx
          .select({ id: subscriptions.id })
          .from(subscriptions)
          .where(eq(subscriptions.channelRef, to));
        if (taken) return false;
        const [before] = await tx.select().from(subscriptions).where(eq(subscriptions.channelRef, from));
        if (!before) return false;
        // A chat that is its own community (a Telegram group) takes its community along.
        const ownCommunity = before.communityRef === (from as string);
        const [row] = await tx
          .update(subscriptions)
          .set({
            channelRef: to,
            ...(ownCommunity ? { communityRef: communityRef(to) } : {}),
            updatedAt: sql`now()`,
          })
          .where(eq(subscriptions.channelRef, from))
          .returning({ id: subscriptions.id });
        if (!row) return false;
        // The ledger follows the channel, so the day's row (and its unique key) stays the same row.
        await tx.update(deliveries).set({ channelRef: to }).where(eq(deliveries.channelRef, from));
        // So do its spotlights: one set in the group is the supergroup's, not a second post of its own.
        await moveSpotlights(tx, { from, to, ownCommunity, actor });
        await appendAudit(tx, {
          actor,
          action: AUDIT_ACTIONS.subscriptionMoved,
          entityType: "subscription",
          entityId: String(row.id),
          details: { from, to },
        });
        return true;
      });
    },

    async list() {
      const rows = await db.select().from(subscriptions).orderBy(asc(subscriptions.id));
      return rows.map(toSubscription);
    },

    async page(filter, at) {
      const where = and(
        filter.search
          ? or(
              ilike(subscriptions.channelRef, `%${likeEscaped(filter.search)}%`),
              ilike(subscriptions.communityRef, `%${likeEscaped(filter.search)}%`),
            )
          : undefined,
        filter.state ? eq(subscriptions.state, filter.state) : undefined,
        filter.posting ? ne(subscriptions.state, "stopped") : undefined,
        filter.community ? eq(subscriptions.communityRef, filter.community) : undefined,
        filter.slot
          ? and(
              eq(subscriptions.timezone, filter.slot.timezone),
              eq(subscriptions.postTime, filter.slot.postTime),
            )
          : undefined,
      );
      const [rows, total] = await Promise.all([
        db
          .select()
          .from(subscriptions)
          .where(where)
          .orderBy(asc(subscriptions.id))
          .offset(at.offset)
          .limit(at.limit),
        db.$count(subscriptions, where),
      ]);
      return { total, items: rows.map(toSubscription) };
    },

    async countBySlot() {
      const rows = await db
        .select({ timezone: subscriptions.timezone, postTime: subscriptions.postTime, count: count() })
        .from(subscriptions)
        .where(ne(subscriptions.state, "stopped"))
        .groupBy(subscriptions.timezone, subscriptions.postTime);
      return rows.map((r) => ({ timezone: r.timezone, postTime: r.postTime, count: Number(r.count) }));
    },

    async countPaused() {
      return db.$count(subscriptions, eq(subscriptions.state, "paused"));
    },
  };
}

/** Posts of a stopped or paused subscription still waiting to go out never go. */
async function cancelPendingPosts(tx: Db, subscriptionIds: number[], why: string): Promise<void> {
  for (const batch of chunks(subscriptionIds, MAX_PARAMETERS)) {
    await tx
      .update(deliveries)
      .set({ state: "cancelled", detail: why, updatedAt: sql`now()` })
      .where(and(inArray(deliveries.subscriptionId, batch), eq(deliveries.state, "pending")));
  }
}

async function auditPauses(tx: Db, rows: SubscriptionRow[], reason: string, actor: string): Promise<void> {
  await appendAudit(
    tx,
    rows.map((row) => ({
      actor,
      action: AUDIT_ACTIONS.subscriptionPaused,
      entityType: "subscription" as const,
      entityId: String(row.id),
      details: { channel: row.channelRef, reason },
    })),
  );
}
