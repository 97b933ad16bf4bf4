/**
 * `subscriptions list`: every subscription with its state (and why it is paused), its next local post
 * time, and the last result from the delivery ledger (sent, missed, uncertain, failed, … and why).
 */
import type { DeliveryRow } from "../core/delivery.ts";
import type { Subscription } from "../core/ports/subscriptions.ts";
import { nextPostOf } from "../core/channel-clock.ts";
import { localDateTime } from "../core/i18n/local-time.ts";
import { english } from "../core/i18n/translator.ts";
import type { CliContext } from "./context.ts";
import { type ListView, writeList } from "./list-output.ts";

interface SubscriptionRow {
  subscription: Subscription;
  /** The next post's instant, for an active subscription. */
  next?: Date;
  last?: DeliveryRow;
}

function lastResult(row: DeliveryRow | undefined): string {
  if (!row) return "-";
  const detail = row.state === "sent" ? `message ${row.messageId ?? "?"}` : row.detail;
  return `${row.localDate} ${row.state}${detail ? `: ${detail}` : ""}`;
}

const view: ListView<SubscriptionRow> = {
  columns: ["channel", "campaign", "time", "state", "next post", "last result"],
  cells: ({ subscription: s, next, last }) => [
    s.channel,
    s.campaignId,
    `${s.postTime} ${s.timezone}`,
    s.state + (s.pausedReason ? ` (${s.pausedReason})` : ""),
    next ? localDateTime(english, next, s.timezone) : "-",
    lastResult(last),
  ],
  json: ({ subscription: s, next, last }) => ({
    channel: s.channel,
    campaign: s.campaignId,
    postTime: s.postTime,
    timezone: s.timezone,
    state: s.state,
    pausedReason: s.pausedReason ?? null,
    nextPostAt: next?.toISOString() ?? null,
    lastResult: last
      ? {
          localDate: last.localDate,
          state: last.state,
          detail: last.detail ?? null,
          messageId: last.messageId ?? null,
        }
      : null,
  }),
  empty: "No subscriptions.",
};

export async function runSubscriptionsList(ctx: CliContext, options: { json: boolean }): Promise<number> {
  return ctx.withApp(async (app) => {
    const now = new Date();
    const latest = await app.repositories.deliveries.latestBySubscription();
    const rows = (await app.repositories.subscriptions.list()).map(
      (s): SubscriptionRow => ({
        subscription: s,
        ...(s.state === "active" ? { next: nextPostOf(s, now).at } : {}),
        ...(latest.has(s.id) ? { last: latest.get(s.id)! } : {}),
      }),
    );
    writeList(ctx.io, rows, view, options.json);
    return 0;
  });
}
