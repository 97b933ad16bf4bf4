/**
 * The two shapes of a platform's cap, each counted so that it holds however late our requests arrive.
 *
 * A platform counts a request when it arrives, some time between our letting it go (`granted`) and our
 * seeing its answer (`answered`); an event loop that stalls can move that moment anywhere in between and
 * bunch requests released far apart. So every request is counted from its grant until its answer as if it
 * were arriving at every moment of that span, and only then does its cost start to run out. No stall can
 * then put more than the cap into any of the platform's windows; a stall only slows us down.
 */
export interface RateWindow {
  limit: number;
  intervalMs: number;
  /**
   * "window" (the default): at most `limit` requests in any `intervalMs` (a sliding window, which also
   * keeps any fixed window of that length: Discord's global limit). "bucket": a token bucket holding
   * `limit` requests that refills at `limit` per `intervalMs` (Telegram's broadcast cap, Slack's budget),
   * which allows a steady rate at the cap with requests in flight.
   */
  shape?: "window" | "bucket";
}

/** One cap's count: requests in flight and what the answered ones still cost. */
export interface WindowCount {
  /** The earliest moment from `now` a request may be granted; Infinity until an answer comes in. */
  earliest(now: number): number;
  granted(): void;
  answered(now: number): void;
  /** Nothing in flight and nothing answered still counts: the count can be forgotten. */
  idle(now: number): boolean;
}

/**
 * At most `limit` in any `intervalMs`: a request in flight takes a place, and an answered one keeps it for
 * `intervalMs` after its answer (it may have arrived only just before). Answers come in time order, so
 * the last `limit` of them are all that can still matter.
 */
class SlidingCount implements WindowCount {
  private inFlight = 0;
  private readonly answers: number[] = [];
  constructor(private readonly window: RateWindow) {}

  earliest(now: number): number {
    const free = this.window.limit - this.inFlight;
    if (free < 1) return Number.POSITIVE_INFINITY;
    // Places still held by answers: the `free`-th most recent answer must have left the window.
    const holding = this.answers[this.answers.length - free];
    return holding === undefined ? now : Math.max(now, holding + this.window.intervalMs);
  }

  granted(): void {
    this.inFlight += 1;
  }

  answered(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.answers.push(now);
    if (this.answers.length > this.window.limit) this.answers.shift();
  }

  idle(now: number): boolean {
    return (
      this.inFlight === 0 && (this.answers.at(-1) ?? Number.NEGATIVE_INFINITY) + this.window.intervalMs <= now
    );
  }
}

/**
 * A token bucket of `limit` refilling at `limit` per `intervalMs`, with each request taking its token at
 * the worst moment it could have arrived. The bucket accepts n requests in [s, t] when n ≤ limit + rate·(t
 * − s); a request might have arrived anywhere from its grant to its answer, so the worst case of all
 * intervals is a leaky level fed by the answers (each adds one at its answer and drains at the rate) plus
 * one for every request still in flight. A request may go while that total stays within `limit`.
 */
class BucketCount implements WindowCount {
  private inFlight = 0;
  private level = 0;
  private levelAt = Number.NEGATIVE_INFINITY;
  private readonly perMs: number;
  constructor(private readonly window: RateWindow) {
    this.perMs = window.limit / window.intervalMs;
  }

  private levelAtTime(now: number): number {
    return Math.max(0, this.level - (now - this.levelAt) * this.perMs);
  }

  earliest(now: number): number {
    const room = this.window.limit - this.inFlight - 1;
    if (room < 0) return Number.POSITIVE_INFINITY;
    const excess = this.levelAtTime(now) - room;
    return excess <= 0 ? now : now + excess / this.perMs;
  }

  granted(): void {
    this.inFlight += 1;
  }

  answered(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.level = this.levelAtTime(now) + 1;
    this.levelAt = now;
  }

  idle(now: number): boolean {
    return this.inFlight === 0 && this.levelAtTime(now) === 0;
  }
}

export function windowCount(window: RateWindow): WindowCount {
  return window.shape === "bucket" ? new BucketCount(window) : new SlidingCount(window);
}
