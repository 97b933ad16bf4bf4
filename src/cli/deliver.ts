/**
 * `deliver [--at <ISO instant>] [--dry-run]`: one delivery pass through the configured platforms, as of
 * now or an instant already past (a catch-up), printing what it sent, skipped and why. Platforms are not
 * started (no polling, no listening): sending needs only their API clients. Console channels' posts are
 * printed. A dry run, as of any instant, prints what would be posted where, when and which profile, and
 * writes nothing.
 */
import { Writable } from "node:stream";
import { systemClock } from "../app.ts";
import { createConsoleAdapter } from "../app-platforms.ts";
import type { Clock } from "../core/ports/clock.ts";
import { isFutureInstant } from "../delivery/as-of.ts";
import type { PlatformProgress } from "../delivery/pass-progress.ts";
import { formatReport, type PassReport } from "../delivery/report.ts";
import { stderrProgress } from "./progress.ts";
import { UsageError } from "./usage.ts";
import type { CliContext } from "./context.ts";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: string): Date {
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(
      `--at must be an ISO 8601 instant with a zone, such as 2026-11-24T09:00:00Z or 2026-11-24T13:00+04:00 (got "${value}")`,
    );
  }
  // Date rolls an impossible day over (2026-02-30 becomes 2 March): compare the written date with its own zone.
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)!;
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(value)![1]!;
  const offsetMs =
    offset === "Z"
      ? 0
      : (offset.startsWith("-") ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) *
        60_000;
  const local = new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
  if (local !== `${year}-${month}-${day}`) {
    throw new UsageError(`--at names a day that does not exist: ${year}-${month}-${day} (got "${value}")`);
  }
  if (Number(year) < 2000 || Number(year) > 2100) {
    throw new UsageError(`--at must be between the years 2000 and 2100 (got "${value}")`);
  }
  return at;
}

export interface DeliverOptions {
  at?: Date;
  dryRun: boolean;
}

/**
 * Reads deliver's arguments as of `now`. A real pass as of a future instant is refused here, before
 * anything is opened: it would post now what is due only then and record the days between as missed.
 */
export function readDeliverOptions(options: { at?: string; dryRun?: boolean }, now: Date): DeliverOptions {
  const dryRun = options.dryRun === true;
  if (options.at === undefined) return { dryRun };
  const at = parseInstant(options.at);
  if (!dryRun && isFutureInstant(at, now)) {
    throw new UsageError(
      `--at ${options.at} is in the future (${at.toISOString()}; it is now ${now.toISOString()}). ` +
        "deliver --at only catches up on posts already due; nothing was opened or sent. " +
        `To see what would be posted then, add --dry-run: freetobehome deliver --dry-run --at ${options.at}`,
    );
  }
  return { at, dryRun };
}

/**
 * The pass runs on the app's clock (`--at` moves only what is due, see pass.ts); `clock` is read once,
 * before the app is opened, to refuse a future `--at`.
 */
export async function runDeliver(
  ctx: CliContext,
  options: { at?: string; dryRun?: boolean },
  clock: Clock = systemClock,
): Promise<number> {
  const { at, dryRun } = readDeliverOptions(options, clock.now());
  return ctx.withApp(async (app) => {
    // On a terminal, posts sent of those due per platform; the report below is the summary.
    const progress = stderrProgress(ctx.io);
    // Console channels' posts are printed here, so a local trial of /subscribe can be delivered too
    // (the status line is cleared first, and drawn again at the next count).
    const consoleOutput = new Writable({
      write(chunk: Buffer, _encoding, done) {
        progress.clear();
        ctx.io.stdout.write(chunk, done);
      },
    });
    const adapters = [...(await ctx.platformAdapters(app)), createConsoleAdapter(consoleOutput)];
    const delivery = app.delivery(adapters);
    let report: PassReport;
    try {
      // Wait for retries due within a minute (a 429's retry-after), so one pass finishes what it can.
      report = await delivery.runPass({
        ...(at ? { at } : {}),
        dryRun,
        settleWithinMs: 60_000,
        // The last count is always drawn: it stays on screen while the pass waits for retries.
        onProgress: (platforms) =>
          progress.status(`Delivering: ${describeProgress(platforms)}`, {
            force: platforms.every((p) => p.done >= p.total),
          }),
      });
    } finally {
      progress.clear();
    }
    ctx.io.stdout.write(formatReport(report));
    return 0;
  });
}

/** "discord 12 of 40 sent, telegram 3 of 3 sent (1 not)": only platforms with something due. */
function describeProgress(platforms: readonly PlatformProgress[]): string {
  const due = platforms.filter((p) => p.total > 0);
  if (due.length === 0) return "nothing due";
  return due
    .map((p) => {
      const notSent = p.done - p.sent;
      return `${p.platform} ${p.sent} of ${p.total} sent${notSent > 0 ? ` (${notSent} not)` : ""}`;
    })
    .join(", ");
}
