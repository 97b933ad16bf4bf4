/**
 * How far a delivery pass has got, per platform, for whoever watches it (`deliver` on a terminal): rows
 * finished of the rows due when sending began, and how many of them were sent. Counting the due rows
 * reads the ledger once more, so a pass does it only when someone asked for progress.
 */
import type { DeliveryLedger } from "../core/delivery.ts";
import type { PassLine } from "./report.ts";

export interface PlatformProgress {
  platform: string;
  /** Rows due on this platform when sending began (at least `done`: retries can finish twice). */
  total: number;
  /** Rows finished this pass (sent, failed, skipped, …), and of them, sent. */
  done: number;
  sent: number;
}

export type PassProgressListener = (platforms: readonly PlatformProgress[]) => void;

export interface PassProgress {
  /** A row of `platform` finished with `line`. */
  finished(platform: string, line: PassLine): void;
}

export async function startPassProgress(
  ledger: Pick<DeliveryLedger, "pendingOrSince">,
  input: { fromDate: string; now: Date; platforms: readonly string[] },
  listener: PassProgressListener,
): Promise<PassProgress> {
  const byPlatform = new Map(
    input.platforms.map((platform) => [platform, { platform, total: 0, done: 0, sent: 0 }]),
  );
  for (const row of await ledger.pendingOrSince(input.fromDate)) {
    const counts = byPlatform.get(row.platform);
    if (counts && row.state === "pending" && row.nextAttemptAt <= input.now) counts.total++;
  }
  const tell = () => listener([...byPlatform.values()].map((p) => ({ ...p })));
  tell();
  return {
    finished(platform, line) {
      const counts = byPlatform.get(platform);
      // A row to be retried is not finished: it comes back, in this pass or a later one.
      if (!counts || line.kind === "retrying") return;
      counts.done++;
      if (line.kind === "sent") counts.sent++;
      counts.total = Math.max(counts.total, counts.done);
      tell();
    },
  };
}
