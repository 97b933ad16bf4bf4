/**
 * `subscriptions list`: every subscription with its state (and why it is paused), its options (anniversaries,
 * release announcements), its next local post time, and the last result from the delivery ledger (sent,
 * missed, uncertain, failed, … and why).
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
  columns: ["channel", "campaign", "time", "state", "options", "next post", "last result"],
  cells: ({ subscription: s, next, last }) => [
    s.channel,
    s.campaignId,
    `${s.postTime} ${s.timezone}`,
    s.state + (s.pausedReason ? ` (${s.pausedReason})` : ""),
    `anniversaries ${s.anniversaries ? "on" : "off"}, updates ${s.updates === false ? "off" : "on"}`,
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
    anniversaries: s.anniversaries,
    updates: s.updates !== false,
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
