/**
 * Where the bot's memory is while the pass runs, sampled every 50 ms: the process's resident set, V8's
 * heap (used, and reserved), memory outside the heap (`external`, of which `arrayBuffers`: Buffers and
 * typed arrays), and PGlite's WebAssembly memory (Postgres's own heap, which only grows), read from the
 * module when the database is PGlite in this process. Each is its own peak. The fakes run in another
 * process (fanout-fakes.ts), so none of this is theirs.
 */
import type { Database } from "../db/client.ts";

export interface MemoryPeaks {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** PGlite's WebAssembly memory; absent when the database is elsewhere (a server, another thread). */
  wasmMb?: number;
  /** The operating system's figure for the whole process lifetime (setup and seeding included). */
  maxRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** The WebAssembly memory of a PGlite client in this thread, if there is one (PGlite keeps its module protected). */
function wasmBytes(database: Database): (() => number) | undefined {
  if (database.kind !== "pglite") return undefined;
  const memory = (database.client as unknown as { mod?: { wasmMemory?: { buffer: ArrayBuffer } } }).mod
    ?.wasmMemory;
  return memory ? () => memory.buffer.byteLength : undefined;
}

export function sampleMemory(database: Database) {
  const wasm = wasmBytes(database);
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0, wasm: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
    peak.external = Math.max(peak.external, m.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    if (wasm) peak.wasm = Math.max(peak.wasm, wasm());
  };
  sample();
  // Unref'd: a run that fails before stopping it must still exit.
  const timer = setInterval(sample, 50).unref();
  return {
    stop(): MemoryPeaks {
      clearInterval(timer);
      sample();
      return {
        rssMb: mb(peak.rss),
        heapUsedMb: mb(peak.heapUsed),
        heapTotalMb: mb(peak.heapTotal),
        externalMb: mb(peak.external),
        arrayBuffersMb: mb(peak.arrayBuffers),
        ...(wasm ? { wasmMb: mb(peak.wasm) } : {}),
        maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      };
    },
  };
}
