/**
 * `subscriptions list`: every subscription with its state (and why it is paused), its next local post
 * time, and the last result from the delivery ledger (sent, missed, uncertain, failed, … and why).
 */
import type { CliContext } from "./context.ts";
import type { DeliveryRow } from "../core/delivery.ts";
import { formatLocal, nextOccurrence } from "../core/time.ts";
import { UsageError } from "./usage.ts";
import { formatTable } from "./with-app.ts";

function lastResult(row: DeliveryRow | undefined): string {
  if (!row) return "-";
  const detail = row.state === "sent" ? `message ${row.messageId ?? "?"}` : row.detail;
  return `${row.localDate} ${row.state}${detail ? `: ${detail}` : ""}`;
}

export async function runSubscriptionsCommand(ctx: CliContext, args: string[]): Promise<number> {
  if (args[0] !== "list" || args.length > 1) throw new UsageError("subscriptions list");
  return ctx.withApp(async (app) => {
    const now = new Date();
    const latest = await app.repositories.deliveries.latestBySubscription();
    const rows = (await app.repositories.subscriptions.list()).map((s) => [
      s.channel,
      s.campaignId,
      `${s.postTime} ${s.timezone}`,
      s.state + (s.pausedReason ? ` (${s.pausedReason})` : ""),
      s.state === "active"
        ? formatLocal(nextOccurrence(now, s.postTime, s.timezone, s.plannedThrough).at, s.timezone)
        : "-",
      lastResult(latest.get(s.id)),
    ]);
    ctx.io.stdout.write(
      rows.length === 0
        ? "No subscriptions.\n"
        : formatTable(["channel", "campaign", "time", "state", "next post", "last result"], rows),
    );
    return 0;
  });
}
