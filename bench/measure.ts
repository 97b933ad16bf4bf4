/** Timing and memory helpers for the benchmarks: monotonic clock, percentiles, heap snapshots. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface LatencyStats {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
}

/** Runs `f` once per item, timing each call with process.hrtime.bigint. Returns milliseconds per call. */
export function timeEach<T>(items: readonly T[], f: (item: T) => unknown): number[] {
  return items.map((item) => {
    const start = process.hrtime.bigint();
    f(item);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

export function timeOnce(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? 0 };
}

/** Per item, the median of its timings across rounds (all rounds list the same items in the same order). */
export function medians(rounds: readonly number[][]): number[] {
  return (rounds[0] ?? []).map((_, i) => {
    const samples = rounds.map((round) => round[i]!).sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  });
}

const gc = findGc();

/**
 * The collector, so heap numbers measure live data rather than garbage. `npm run bench:search` runs tsx
 * without --expose-gc, so the flag is set at run time and the function taken from a fresh context, which
 * V8 allows once the flag is on.
 */
function findGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return exposed;
  try {
    setFlagsFromString("--expose-gc");
    const fromContext = runInNewContext("gc") as unknown;
    return typeof fromContext === "function" ? (fromContext as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export const gcAvailable = gc !== undefined;

export function memorySnapshot(): MemorySnapshot {
  // Twice: the first pass may only queue finalizers that free more on the second.
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: toMb(rss), heapUsedMb: toMb(heapUsed) };
}

function toMb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
