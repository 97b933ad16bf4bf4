/** `subscriptions list`: every subscription with its state and next local post time. */
import type { Config } from "../config.ts";
import { formatLocal, nextOccurrence } from "../core/time.ts";
import { UsageError } from "./usage.ts";
import { formatTable, withApp } from "./with-app.ts";

export async function runSubscriptionsCommand(config: Config, args: string[]): Promise<number> {
  if (args[0] !== "list" || args.length > 1) throw new UsageError("subscriptions list");
  return withApp(config, async (app) => {
    const now = new Date();
    const rows = (await app.repositories.subscriptions.list()).map((s) => [
      s.channel,
      s.campaignId,
      `${s.postTime} ${s.timezone}`,
      s.state + (s.pausedReason ? ` (${s.pausedReason})` : ""),
      s.state === "active" ? formatLocal(nextOccurrence(now, s.postTime, s.timezone).at, s.timezone) : "-",
    ]);
    process.stdout.write(
      rows.length === 0
        ? "No subscriptions.\n"
        : formatTable(["channel", "campaign", "time", "state", "next post"], rows),
    );
    return 0;
  });
}
