/**
 * The clock that drives delivery: a pass at the start of every minute (node-schedule), and one at once
 * on start so posts missed while down go out (or are recorded as missed) without waiting. A pass never
 * overlaps the previous one in this process; other processes are kept apart by the ledger.
 */
import schedule from "node-schedule";
import type { Logger } from "../core/ports.ts";
import type { PassReport } from "./report.ts";
import { countByKind } from "./report.ts";

export interface DeliveryScheduler {
  start(): void;
  /** Stops scheduling and waits for a pass under way to finish. */
  stop(): Promise<void>;
}

export function createDeliveryScheduler(
  runPass: () => Promise<PassReport>,
  logger: Logger,
): DeliveryScheduler {
  let job: schedule.Job | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return; // the previous pass is still sending; the next tick picks up what is left
    running = runPass()
      .then((report) => {
        if (report.lines.length > 0) logger.info({ counts: countByKind(report) }, "delivery pass");
      })
      .catch((err: unknown) => logger.error({ err }, "delivery pass failed"))
      .finally(() => {
        running = undefined;
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
      await running;
    },
  };
}
