/**
 * The instant a pass runs as of (`deliver --at`). A real pass as of another instant is a catch-up: it posts
 * what was due by then and records what is too late as missed, so the instant must already have come. A
 * pass as of a future instant would post now what is due only then and record every day in between as
 * missed (a trial lost a week that way); only a dry run may look ahead.
 */

/** How far ahead of this machine's clock an instant may be and still count as now (another host's skew). */
export const CLOCK_SKEW_MS = 5_000;

export function isFutureInstant(at: Date, now: Date): boolean {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS;
}
