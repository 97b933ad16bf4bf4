/**
 * Pacing: a platform's caps ("30 per second overall", "1 per second and 20 per minute per chat") kept for
 * every request, whatever the event loop does. A request is let go only when every cap allows it now, and
 * counts from then until the platform has answered it (pace-windows.ts), so a stalled second is never
 * made up with a burst: the pacer simply lets the next request go later. Waiters are served in the order
 * they came, except that one held back only by its own channel's cap does not hold up the others, and
 * the more urgent go first (`Urgency`): a command's answer, which someone is waiting for, before any post;
 * and within each, a request that continues an operation already under way (its second request:
 * core/request-pace.ts) before those that would start one, so an operation is not left half done behind a
 * queue. Answers and posts take their places from the same caps, since the platform counts both.
 */
import { type RateWindow, type WindowCount, windowCount } from "./pace-windows.ts";

export type { RateWindow } from "./pace-windows.ts";

export interface PaceLimits {
  /** Across the whole bot on this platform. */
  global: readonly RateWindow[];
  /** For each channel (Telegram chat, Discord channel, Slack channel). */
  perChannel: readonly RateWindow[];
}

/** Says the platform has answered the request (or it failed): call exactly once, in a `finally`. */
export type Answered = () => void;

/**
 * How soon a request is served among those waiting, most urgent first:
 * 1. an answer's further request (its second part, a retry): the person has part of it already;
 * 2. an answer's first request: someone has just asked and is waiting;
 * 3. a post's further request (Discord's crosspost, a retry): its operation is half done;
 * 4. a post's first request.
 * Answers go before even a post under way: a post has no one waiting on it to the second, and answers
 * come at the pace people type, so they hold a post back by a few places at most. An abusive flood of
 * commands could hold posts back while it lasts; it cannot push the requests over a cap.
 */
export interface Urgency {
  /** A command's answer (or a request it makes), not a scheduled post. */
  answer?: boolean;
  /** The request follows another of the same operation. */
  continuing?: boolean;
  /** Gives up waiting (the place is never taken): `acquire` rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface Pacer {
  /** Resolves when a request to `channel` may be sent; the request counts until `Answered` is called. */
  acquire(channel: string, urgency?: Urgency): Promise<Answered>;
}

/** 3 for an answer's further request … 0 for a post's first (`Urgency`). */
const rankOf = (u: Urgency) => (u.answer ? 2 : 0) + (u.continuing ? 1 : 0);

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacerClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Waiter {
  channel: string;
  rank: number;
  grant: (answered: Answered) => void;
}

/** Channels whose counts are checked for being forgettable once there are this many. */
const SWEEP_AT = 10_000;

export function createPacer(limits: PaceLimits, clock: PacerClock = realPacerClock): Pacer {
  const global = limits.global.map(windowCount);
  const channels = new Map<string, WindowCount[]>();
  const waiting: Waiter[] = [];
  let sweepAt = SWEEP_AT;
  let wakeAt = Number.POSITIVE_INFINITY;

  function countsOf(channel: string, now: number): WindowCount[] {
    let counts = channels.get(channel);
    if (counts) return counts;
    if (channels.size >= sweepAt) {
      for (const [key, old] of channels) if (old.every((c) => c.idle(now))) channels.delete(key);
      sweepAt = Math.max(SWEEP_AT, channels.size * 2);
    }
    counts = limits.perChannel.map(windowCount);
    channels.set(channel, counts);
    return counts;
  }

  const earliest = (counts: readonly WindowCount[], now: number) =>
    counts.reduce((at, c) => Math.max(at, c.earliest(now)), now);

  /** Lets go every waiter the caps allow now, and wakes up again when the next one may go. */
  function pump(): void {
    const now = clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < waiting.length; ) {
      const globalAt = earliest(global, now);
      if (globalAt > now) {
        next = Math.min(next, globalAt);
        break;
      }
      const waiter = waiting[i]!;
      const own = countsOf(waiter.channel, now);
      const ownAt = earliest(own, now);
      if (ownAt > now) {
        next = Math.min(next, ownAt);
        i++;
        continue;
      }
      waiting.splice(i, 1);
      const counts = [...global, ...own];
      for (const c of counts) c.granted();
      let done = false;
      waiter.grant(() => {
        if (done) return;
        done = true;
        const at = clock.now();
        for (const c of counts) c.answered(at);
        pump();
      });
    }
    // An Infinity waits for an answer, which pumps again. An earlier wake-up already set stays; a later one
    // is replaced (the stale timer then finds nothing to do).
    if (next < wakeAt) {
      wakeAt = next;
      void clock.sleep(next - now).then(() => {
        if (wakeAt === next) wakeAt = Number.POSITIVE_INFINITY;
        pump();
      });
    }
  }

  return {
    acquire(channel, urgency = {}) {
      const { signal } = urgency;
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<Answered>((resolve, reject) => {
        const giveUp = () => {
          const at = waiting.indexOf(waiter);
          if (at < 0) return; // granted already
          waiting.splice(at, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          channel,
          rank: rankOf(urgency),
          grant: (answered) => {
            signal?.removeEventListener("abort", giveUp);
            resolve(answered);
          },
        };
        signal?.addEventListener("abort", giveUp, { once: true });
        // After the waiters as urgent or more, before every less urgent one: the queue stays in rank order.
        const last = waiting.at(-1);
        const at = !last || last.rank >= waiter.rank ? -1 : waiting.findIndex((w) => w.rank < waiter.rank);
        if (at < 0) waiting.push(waiter);
        else waiting.splice(at, 0, waiter);
        pump();
      });
    },
  };
}
