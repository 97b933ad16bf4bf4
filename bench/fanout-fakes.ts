/**
 * The platforms' fakes on a worker thread of their own (fanout-fakes-worker.ts), so they keep their own
 * clock, as a real platform does, while the main thread holds the database and the delivery pass. What
 * crosses the thread boundary is plain data: the worlds (URLs, tokens, ids, targets) once the fakes are
 * up, and their counters after the pass.
 */
import { Worker } from "node:worker_threads";
import type { FanoutPlatform } from "./fanout-args.ts";
import type { FakeCounts, FakeWorld } from "./fanout-rig.ts";

export interface FakesData {
  /** Channels per platform, in the order the worlds come back. */
  plan: [FanoutPlatform, number][];
  scale: number;
}

export type FakesRequest = { type: "stats" } | { type: "close" };

export type FakesReply =
  | { type: "ready"; worlds: FakeWorld[] }
  | { type: "stats"; counts: Partial<Record<FanoutPlatform, FakeCounts>> }
  | { type: "closed" }
  | { type: "failed"; message: string };

export interface FakesThread {
  worlds: FakeWorld[];
  counts(): Promise<Partial<Record<FanoutPlatform, FakeCounts>>>;
  close(): Promise<void>;
}

/**
 * The worker is TypeScript, and tsx's loader (registered with --import) does not reach worker threads on
 * Node 20 (privatenumber/tsx#354), so a small script registers tsx's ESM API in the worker and then imports
 * the entry.
 */
function spawn(data: FakesData): Worker {
  const entry = new URL("./fanout-fakes-worker.ts", import.meta.url).href;
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** The worker's next message, or its error or early exit as a rejection. */
function next(worker: Worker): Promise<FakesReply> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      done();
    };
    const onMessage = (reply: FakesReply) =>
      settle(() => (reply.type === "failed" ? reject(new Error(reply.message)) : resolve(reply)));
    const onError = (err: Error) => settle(() => reject(err));
    const onExit = (code: number) => settle(() => reject(new Error(`the fakes' worker exited (${code})`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

export async function startFakesThread(data: FakesData): Promise<FakesThread> {
  const worker = spawn(data);
  const ready = await next(worker).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  if (ready.type !== "ready") throw new Error(`the fakes' worker answered ${ready.type} to starting`);
  const ask = async <T extends FakesReply["type"]>(request: FakesRequest, expected: T) => {
    const answer = next(worker);
    worker.postMessage(request);
    const reply = await answer;
    if (reply.type !== expected)
      throw new Error(`the fakes' worker answered ${reply.type} to ${request.type}`);
    return reply as Extract<FakesReply, { type: T }>;
  };
  return {
    worlds: ready.worlds,
    counts: async () => (await ask({ type: "stats" }, "stats")).counts,
    async close() {
      try {
        await ask({ type: "close" }, "closed");
      } finally {
        await worker.terminate();
      }
    },
  };
}
