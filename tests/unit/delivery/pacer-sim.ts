/**
 * A simulated event loop for the pacer: a clock the test drives, timers that fire in order, and stalls,
 * spans during which this loop runs nothing (every timer, every continuation due inside one runs at its
 * end), while the platform keeps its own clock. A send is our work after the grant (`prepMs`, on our
 * loop), the request's trip (`netMs`, the platform counts it when it arrives), and the answer's trip back,
 * which we only see once our loop runs again.
 */
import type { PacerClock } from "../../../src/delivery/pacer.ts";

export type Stall = readonly [from: number, to: number];

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export interface SimulatedLoop {
  clock: PacerClock;
  /** Drives the loop until `work` settles. */
  run<T>(work: Promise<T>): Promise<T>;
}

export function simulatedLoop(stalls: readonly Stall[] = []): SimulatedLoop {
  let now = 0;
  let seq = 0;
  const timers: Timer[] = [];
  const late = (t: number) => stalls.find(([from, to]) => t >= from && t < to)?.[1] ?? t;
  const clock: PacerClock = {
    now: () => now,
    sleep: (ms) => new Promise((fire) => timers.push({ at: late(now + Math.max(0, ms)), seq: seq++, fire })),
  };
  return {
    clock,
    async run(work) {
      let settled = false;
      const watched = work.finally(() => {
        settled = true;
      });
      for (;;) {
        // Every continuation that is ready runs before time moves on.
        await new Promise((resolve) => setImmediate(resolve));
        if (settled) return watched;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error("the simulation waits for nothing: a deadlock");
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}

export interface SendTimes {
  prepMs: number;
  netMs: number;
}

/**
 * `count` requests over `channels`, sent by `workers` at once as the delivery pass does: each waits for the
 * pacer, sends, and says it was answered. Returns when each left us and when each reached the platform.
 */
export async function simulateSends(
  loop: SimulatedLoop,
  acquire: (channel: string) => Promise<(() => void) | undefined>,
  options: { count: number; workers: number; times: SendTimes; channel?: (i: number) => string },
): Promise<{ departures: number[]; arrivals: number[] }> {
  const { clock } = loop;
  const departures: number[] = [];
  const arrivals: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const i = next++;
      const answered = await acquire(options.channel?.(i) ?? `chat-${i}`);
      await clock.sleep(options.times.prepMs);
      departures.push(clock.now());
      arrivals.push(clock.now() + options.times.netMs);
      await clock.sleep(2 * options.times.netMs);
      answered?.();
    }
  };
  await loop.run(Promise.all(Array.from({ length: options.workers }, worker)));
  return { departures, arrivals: arrivals.sort((a, b) => a - b) };
}

/** Stalls of `lengthMs` every `everyMs`, starting at `firstAt`, up to `untilMs`. */
export function periodicStalls(firstAt: number, everyMs: number, lengthMs: number, untilMs: number): Stall[] {
  const stalls: Stall[] = [];
  for (let at = firstAt; at < untilMs; at += everyMs) stalls.push([at, at + lengthMs]);
  return stalls;
}

/** The most requests in any span of `intervalMs` (half open, as a sliding window counts). */
export function mostInAnyWindow(sorted: readonly number[], intervalMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - intervalMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
