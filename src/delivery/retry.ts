/**
 * When to try a transient failure again: the platform's retry-after when it gave one, else exponential
 * backoff with jitter (30 s, 1 min, 2 min … capped at 30 min); never past the end of the post's local day,
 * after which the day is over for that channel and the row is recorded as failed.
 */
import { addDays, instantOf } from "../core/time.ts";

const FIRST_MS = 30_000;
const MAX_MS = 30 * 60_000;

export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The moment the local date ends in its zone: the last chance for that day's post. */
export function endOfLocalDay(localDate: string, timezone: string): Date {
  return instantOf(addDays(localDate, 1), "00:00", timezone);
}

export function nextAttempt(input: {
  now: Date;
  attempt: number;
  retryAfterMs?: number;
  localDate: string;
  timezone: string;
}): Date | undefined {
  const wait = input.retryAfterMs ?? backoffMs(input.attempt);
  const at = new Date(input.now.getTime() + wait);
  return at < endOfLocalDay(input.localDate, input.timezone) ? at : undefined;
}
