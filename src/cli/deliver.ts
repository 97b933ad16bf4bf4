/**
 * `deliver [--at <ISO instant>] [--dry-run]`: one delivery pass through the configured platforms, as of
 * now or an instant already past (a catch-up), printing what it sent, skipped and why. Platforms are not
 * started (no polling, no listening): sending needs only their API clients. Console channels' posts are
 * printed. A dry run, as of any instant, prints what would be posted where, when and which profile, and
 * writes nothing.
 */
import { systemClock } from "../app.ts";
import { createConsoleAdapter } from "../app-platforms.ts";
import type { Clock } from "../core/ports.ts";
import { isFutureInstant } from "../delivery/as-of.ts";
import { createDeliveryService } from "../delivery/service.ts";
import { formatReport } from "../delivery/report.ts";
import { UsageError, readFlags } from "./usage.ts";
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
export function readDeliverOptions(args: string[], now: Date): DeliverOptions {
  const { flags, positional } = readFlags(args, { at: "value", "dry-run": "switch" });
  if (positional.length > 0)
    throw new UsageError(`deliver takes no arguments (got "${positional.join(" ")}")`);
  const dryRun = flags["dry-run"] === true;
  if (typeof flags.at !== "string") return { dryRun };
  const at = parseInstant(flags.at);
  if (!dryRun && isFutureInstant(at, now)) {
    throw new UsageError(
      `--at ${flags.at} is in the future (${at.toISOString()}; it is now ${now.toISOString()}). ` +
        "deliver --at only catches up on posts already due; nothing was opened or sent. " +
        `To see what would be posted then, add --dry-run: freetobehome deliver --dry-run --at ${flags.at}`,
    );
  }
  return { at, dryRun };
}

export async function runDeliver(
  ctx: CliContext,
  args: string[],
  clock: Clock = systemClock,
): Promise<number> {
  const { at, dryRun } = readDeliverOptions(args, clock.now());
  return ctx.withApp(async (app) => {
    // Console channels' posts are printed here, so a local trial of /subscribe can be delivered too.
    const adapters = [...ctx.platformAdapters(app), createConsoleAdapter(ctx.io.stdout)];
    const delivery = createDeliveryService({ ...app, adapters, clock });
    // Wait for retries due within a minute (a 429's retry-after), so one pass finishes what it can.
    const report = await delivery.runPass({
      ...(at ? { at } : {}),
      dryRun,
      settleWithinMs: 60_000,
    });
    ctx.io.stdout.write(formatReport(report));
    return 0;
  });
}
