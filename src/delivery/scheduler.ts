/**
 * The clock that drives delivery: a pass at the start of every minute (node-schedule), and one at once
 * on start so posts missed while down go out (or are recorded as missed) without waiting. A pass never
 * overlaps the previous one in this process; other processes are kept apart by the ledger. While the
 * database is out, a pass is tried every few seconds instead, so that the posts this process holds go out
 * soon after it is back rather than at the next minute.
 */
import schedule from "node-schedule";
import type { Logger } from "../core/ports/logger.ts";
import type { OutageWatch } from "./outage.ts";
import type { PassReport } from "./report.ts";
import { countByKind } from "./report.ts";

/** How soon a pass is tried again while the database is out. */
export const OUTAGE_RETRY_MS = 5_000;

export interface DeliveryScheduler {
  start(): void;
  /** Stops scheduling and waits for a pass under way to finish. */
  stop(): Promise<void>;
}

export function createDeliveryScheduler(
  runPass: () => Promise<PassReport>,
  logger: Logger,
  outage: OutageWatch,
  retryMs = OUTAGE_RETRY_MS,
): DeliveryScheduler {
  let job: schedule.Job | undefined;
  let running: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;

  const tick = () => {
    if (running) return; // the previous pass is still sending; the next tick picks up what is left
    clearTimeout(retry);
    running = runPass()
      .then((report) => {
        if (report.lines.length > 0) logger.info({ counts: countByKind(report) }, "delivery pass");
      })
      .catch((err: unknown) => {
        if (!outage.failed(err)) logger.error({ err }, "delivery pass failed");
      })
      .finally(() => {
        running = undefined;
        if (job && outage.out) retry = setTimeout(tick, retryMs);
      });
  };

  return {
    start() {
      job ??= schedule.scheduleJob({ second: 0 }, tick);
      tick();
    },
    async stop() {
      job?.cancel();
      job = undefined;
      clearTimeout(retry);
      await running;
    },
  };
}
