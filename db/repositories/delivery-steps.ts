/**
 * The two statements every post makes (deliveries.ts: markSending before the platform is called, finish
 * after it answers), each built once and run with its values. drizzle builds a query afresh on every call,
 * walking all of the ledger's forty-odd columns: measured on a fan-out of 5,000 posts, ~590 MB of garbage
 * (~60 KB a statement), a third of all the pass allocated. Built once, a statement costs its parameters.
 * Values that are absent keep the column as it was (`coalesce(value, column)`), so one statement serves
 * every outcome. Times go as ISO text cast in SQL, as the drivers (PGlite, postgres.js) both take it.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DeliveryLedger } from "../../src/core/delivery.ts";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";
import { catalogRevision, deliveries } from "../schema/index.ts";

export const HELD = ["claimed", "sending"] as const;

const value = (name: string) => sql`${sql.placeholder(name)}`;
const time = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;
/** The column keeps its value when the placeholder's is null. */
const orKept = (name: string, column: PgColumn) => sql`coalesce(${sql.placeholder(name)}, ${column})`;
const timeOrKept = (name: string, column: PgColumn) =>
  sql`coalesce(${sql.placeholder(name)}::timestamptz, ${column})`;

function prepareMarkSending(db: Db) {
  return (
    db
      .update(deliveries)
      .set({
        state: "sending",
        leaseUntil: time("leaseUntil"),
        sendingSince: time("startedAt"),
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(deliveries.id, sql.placeholder("id")),
          eq(deliveries.claimedBy, sql.placeholder("owner")),
          eq(deliveries.state, "claimed"),
        ),
      )
      // The catalog's version in the same round trip: a takedown committed a moment ago is seen here.
      .returning({
        catalogVersion: sql<string>`(select ${catalogRevision.revision}::text from ${catalogRevision})`,
      })
      .prepare("delivery_mark_sending")
  );
}

function prepareFinish(db: Db) {
  return db
    .update(deliveries)
    .set({
      state: value("state"),
      detail: value("detail"),
      messageId: orKept("messageId", deliveries.messageId),
      profileId: orKept("profileId", deliveries.profileId),
      refChannelId: orKept("refChannelId", deliveries.refChannelId),
      refMessageId: orKept("refMessageId", deliveries.refMessageId),
      sentAt: timeOrKept("sentAt", deliveries.sentAt),
      nextAttemptAt: timeOrKept("nextAttemptAt", deliveries.nextAttemptAt),
      // The earliest attempt that may have posted stays the one the window counts from.
      uncertainSince: sql`coalesce(${deliveries.uncertainSince}, ${sql.placeholder("uncertainSince")}::timestamptz)`,
      claimedBy: null,
      leaseUntil: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(deliveries.id, sql.placeholder("id")),
        eq(deliveries.claimedBy, sql.placeholder("owner")),
        inArray(deliveries.state, [...HELD]),
      ),
    )
    .returning({ id: deliveries.id })
    .prepare("delivery_finish");
}

/** markSending and finish of a ledger on `db`, each statement prepared on first use. */
export function deliverySteps(db: Db): Pick<DeliveryLedger, "markSending" | "finish"> {
  let markSending: ReturnType<typeof prepareMarkSending> | undefined;
  let finish: ReturnType<typeof prepareFinish> | undefined;
  const iso = (at: Date | undefined) => at?.toISOString() ?? null;
  return {
    async markSending(id, owner, { startedAt, leaseUntil }) {
      markSending ??= prepareMarkSending(db);
      const [row] = await markSending.execute({
        id,
        owner,
        startedAt: startedAt.toISOString(),
        leaseUntil: leaseUntil.toISOString(),
      });
      return row ? { catalogVersion: row.catalogVersion ?? "0" } : undefined;
    },

    async finish(id, owner, outcome) {
      finish ??= prepareFinish(db);
      const rows = await finish.execute({
        id,
        owner,
        state: outcome.state,
        detail: outcome.detail ?? null,
        messageId: outcome.messageId ?? null,
        profileId: outcome.profileId ?? null,
        refChannelId: outcome.messageRef?.channelId ?? null,
        refMessageId: outcome.messageRef?.messageId ?? null,
        sentAt: iso(outcome.sentAt),
        nextAttemptAt: iso(outcome.nextAttemptAt),
        uncertainSince: iso(outcome.uncertainSince),
      });
      return rows.length === 1;
    },
  };
}
