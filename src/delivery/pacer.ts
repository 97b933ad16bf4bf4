/**
 * Pacing: a platform's caps as sliding windows ("30 per second overall", "1 per second and 20 per minute
 * per chat"). `acquire` reserves the earliest moment every window allows and waits until then, so a large
 * fan-out runs at the cap instead of drawing 429s. Reservations are handed out first come, first served,
 * which keeps every window's log in time order.
 */
export interface RateWindow {
  limit: number;
  intervalMs: number;
}

export interface PaceLimits {
  /** Across the whole bot on this platform. */
  global: readonly RateWindow[];
  /** For each channel (Telegram chat, Discord channel, Slack channel). */
  perChannel: readonly RateWindow[];
}

export interface Pacer {
  /** Resolves when a message to `channel` may be sent. */
  acquire(channel: string): Promise<void>;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacerClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A moment a message goes out: reserved ahead, then moved to when the caller really resumed. */
interface Grant {
  at: number;
}

/** A log of granted moments for each window, keeping only the most recent `limit` of them. */
class WindowLog {
  private readonly grants: Grant[] = [];
  constructor(private readonly window: RateWindow) {}

  earliest(from: number): number {
    if (this.grants.length < this.window.limit) return from;
    return Math.max(from, this.grants[this.grants.length - this.window.limit]!.at + this.window.intervalMs);
  }

  reserve(grant: Grant): void {
    this.grants.push(grant);
    if (this.grants.length > this.window.limit) this.grants.shift();
  }

  last(): number {
    return this.grants[this.grants.length - 1]?.at ?? Number.NEGATIVE_INFINITY;
  }
}

export function createPacer(limits: PaceLimits, clock: PacerClock = realPacerClock): Pacer {
  const global = limits.global.map((w) => new WindowLog(w));
  const channels = new Map<string, WindowLog[]>();
  const longest = Math.max(0, ...limits.perChannel.map((w) => w.intervalMs));
  let lastReserved = Number.NEGATIVE_INFINITY;

  function channelLogs(channel: string, now: number): WindowLog[] {
    if (channels.size > 10_000) {
      // Forget channels whose windows have all passed: their logs no longer constrain anything.
      for (const [key, logs] of channels)
        if (logs.every((l) => l.last() + longest < now)) channels.delete(key);
    }
    const known = channels.get(channel);
    if (known) return known;
    const logs = limits.perChannel.map((w) => new WindowLog(w));
    channels.set(channel, logs);
    return logs;
  }

  return {
    acquire(channel) {
      const now = clock.now();
      const logs = [...global, ...channelLogs(channel, now)];
      let at = Math.max(now, lastReserved);
      // Each window can only push the moment later; repeat until all agree (at most a few rounds).
      for (let moved = true; moved; ) {
        moved = false;
        for (const log of logs) {
          const next = log.earliest(at);
          if (next > at) {
            at = next;
            moved = true;
          }
        }
      }
      const grant: Grant = { at };
      for (const log of logs) log.reserve(grant);
      lastReserved = at;
      // A busy event loop can wake the caller later than reserved; the platform counts the request when it
      // arrives, so the windows count it from when the caller really went on (only ever later: safe).
      const resumed = () => {
        grant.at = Math.max(grant.at, clock.now());
        lastReserved = Math.max(lastReserved, grant.at);
      };
      return at > now ? clock.sleep(at - now).then(resumed) : Promise.resolve().then(resumed);
    },
  };
}
