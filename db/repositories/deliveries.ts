/**
 * The delivery ledger on the database. Claiming is `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED)`: concurrent claimers skip each other's rows instead of waiting, and each row goes to exactly
 * one of them. A claim carries a lease; a row whose claimer died is taken over once the lease ran out.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, min, or, sql } from "drizzle-orm";
import type { DeliveryLedger, PlanningSubscription } from "../../src/core/delivery.ts";
import type { Db } from "../client.ts";
import { deliveries, spotlights, subscriptions } from "../schema/index.ts";
import { toDeliveryRow, UNCERTAIN_AFTER_CRASH, UNCERTAIN_PAST_DEDUPE_WINDOW } from "./delivery-rows.ts";
import { recordPlan } from "./delivery-plan.ts";
import { deliverySteps, HELD } from "./delivery-steps.ts";
import { toSpotlight } from "./spotlights.ts";
import { toSubscription } from "./subscriptions.ts";

export function createDeliveryLedger(db: Db): DeliveryLedger {
  return {
    async planningInput(fromDate) {
      const subscriptionRows = await db
        .select()
        .from(subscriptions)
        .where(inArray(subscriptions.state, ["active", "paused"]))
        .orderBy(asc(subscriptions.id));
      const spotlightRows = await db
        .select()
        .from(spotlights)
        .where(and(eq(spotlights.state, "scheduled"), gte(spotlights.localDate, fromDate)))
        .orderBy(asc(spotlights.localDate), asc(spotlights.id));
      return {
        subscriptions: subscriptionRows.map(
          (row): PlanningSubscription => ({
            ...toSubscription(row),
            ...(row.plannedThrough === null ? {} : { plannedThrough: row.plannedThrough }),
            activeSince: row.activeSince,
          }),
        ),
        spotlights: spotlightRows.map(toSpotlight),
      };
    },

    recordPlan: (rows, plannedThrough) => recordPlan(db, rows, plannedThrough),

    async reclaimExpired(now, resend) {
      const expired = (state: (typeof HELD)[number]) =>
        and(eq(deliveries.state, state), lt(deliveries.leaseUntil, now));
      const free = { claimedBy: null, leaseUntil: null, updatedAt: now };
      await db
        .update(deliveries)
        .set({ state: "pending", ...free })
        .where(expired("claimed"));
      // A dedupe window counts from the first attempt that may have posted; a row from before these
      // columns existed has neither time, so it is never resent.
      const possiblyPostedSince = sql`coalesce(${deliveries.uncertainSince}, ${deliveries.sendingSince})`;
      for (const rule of resend) {
        await db
          .update(deliveries)
          .set({ state: "pending", uncertainSince: possiblyPostedSince, ...free })
          .where(
            and(
              expired("sending"),
              eq(deliveries.platform, rule.platform),
              rule.withinMs === undefined
                ? undefined
                : sql`${possiblyPostedSince} >= ${new Date(now.getTime() - rule.withinMs).toISOString()}::timestamptz`,
            ),
          );
      }
      const resendPlatforms = resend.map((r) => r.platform);
      const uncertain = await db
        .update(deliveries)
        .set({
          state: "uncertain",
          detail:
            resendPlatforms.length > 0
              ? sql`case when ${inArray(deliveries.platform, resendPlatforms)} then ${UNCERTAIN_PAST_DEDUPE_WINDOW} else ${UNCERTAIN_AFTER_CRASH} end`
              : UNCERTAIN_AFTER_CRASH,
          ...free,
        })
        .where(expired("sending"))
        .returning();
      return uncertain.map(toDeliveryRow);
    },

    async settleOverdue(now, catchUpMs) {
      const at = sql`${now.toISOString()}::timestamptz`;
      // The first instant of the next local day, in the row's own zone.
      const dayEnded = sql`((${deliveries.localDate} + 1)::timestamp at time zone ${deliveries.timezone}) <= ${at}`;
      const neverTriedTooLate = and(
        eq(deliveries.attempts, 0),
        lt(deliveries.dueAt, new Date(now.getTime() - catchUpMs)),
      );
      const settled = await db
        .update(deliveries)
        .set({
          state: sql`case when ${deliveries.attempts} = 0 then 'missed' else 'failed' end`,
          detail: sql`case when ${deliveries.attempts} = 0
            then 'due at ' || to_char(${deliveries.dueAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') || ' while no running process could send it; too late to send now'
            else coalesce(${deliveries.detail} || '; ', '') || 'the local day ended before a retry could succeed' end`,
          updatedAt: now,
        })
        .where(and(eq(deliveries.state, "pending"), or(dayEnded, neverTriedTooLate)))
        .returning();
      return settled.map(toDeliveryRow);
    },

    async claim({ platform, now, leaseFrom = now, limit, leaseMs, owner }) {
      const claimable = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.platform, platform),
            eq(deliveries.state, "pending"),
            lte(deliveries.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
        .limit(limit)
        .for("update", { skipLocked: true });
      const rows = await db
        .update(deliveries)
        .set({
          state: "claimed",
          claimedBy: owner,
          leaseUntil: new Date(leaseFrom.getTime() + leaseMs),
          attempts: sql`${deliveries.attempts} + 1`,
          updatedAt: now,
        })
        // `= any(array(…))`, not `in (…)`: ARRAY(subquery) is an InitPlan, run once. Given `in`, the planner
        // may rescan the subquery once per outer row (a nested loop, chosen on a freshly filled table), and
        // each rescan skips the rows this statement already updated and locks the next ones: one claim of
        // 200 took all 500 due rows, leaving nothing for the other process.
        .where(and(sql`${deliveries.id} = any(array(${claimable}))`, eq(deliveries.state, "pending")))
        .returning();
      return rows.map(toDeliveryRow).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    },

    ...deliverySteps(db),

    async release(owner, sendingIds) {
      const notSent = or(
        eq(deliveries.state, "claimed"),
        sendingIds.length > 0
          ? and(eq(deliveries.state, "sending"), inArray(deliveries.id, [...sendingIds]))
          : undefined,
      );
      const rows = await db
        .update(deliveries)
        .set({
          state: "pending",
          claimedBy: null,
          leaseUntil: null,
          // The claim counted an attempt that never reached the platform.
          attempts: sql`${deliveries.attempts} - 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(deliveries.claimedBy, owner), inArray(deliveries.state, [...HELD]), notSent))
        .returning({ id: deliveries.id });
      return rows.length;
    },

    async nextPendingAt(platforms) {
      if (platforms.length === 0) return undefined;
      const [row] = await db
        .select({ at: min(deliveries.nextAttemptAt) })
        .from(deliveries)
        .where(and(eq(deliveries.state, "pending"), inArray(deliveries.platform, [...platforms])));
      return row?.at ?? undefined;
    },

    async pendingOrSince(fromDate) {
      const rows = await db
        .select()
        .from(deliveries)
        .where(or(eq(deliveries.state, "pending"), gte(deliveries.localDate, fromDate)))
        .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id));
      return rows.map(toDeliveryRow);
    },

    async list(filter = {}) {
      const rows = await db
        .select()
        .from(deliveries)
        .where(filter.channel ? eq(deliveries.channelRef, filter.channel) : undefined)
        .orderBy(desc(deliveries.localDate), asc(deliveries.id))
        .limit(filter.limit ?? 1000);
      return rows.map(toDeliveryRow);
    },

    async latestBySubscription(subscriptionIds) {
      if (subscriptionIds?.length === 0) return new Map();
      // Given ids (a page of a list), only theirs, each found by the subscription's index.
      const rows = await db
        .selectDistinctOn([deliveries.subscriptionId])
        .from(deliveries)
        .where(
          subscriptionIds
            ? inArray(deliveries.subscriptionId, [...subscriptionIds])
            : isNotNull(deliveries.subscriptionId),
        )
        .orderBy(deliveries.subscriptionId, desc(deliveries.localDate));
      return new Map(rows.map((row) => [row.subscriptionId!, toDeliveryRow(row)]));
    },
  };
}
