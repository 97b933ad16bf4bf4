/**
 * PGlite on a worker thread of its own (pglite-worker.ts), behind a proxy that drizzle's PGlite driver
 * takes for PGlite: Postgres's WebAssembly runs off the main thread, so a delivery pass's queries no
 * longer hold up command replies and the HTTP clients' timers. Requests and answers are plain data
 * (pglite-thread-protocol.ts); a transaction is opened on the worker and held until this side ends it.
 */
import type { QueryOptions, Results } from "@electric-sql/pglite";
import type { Worker } from "node:worker_threads";
import type { PgliteClient, PgliteTransaction } from "./client.ts";
import { startModuleWorker } from "./module-worker.ts";
import {
  errorFrom,
  type PgliteReply,
  type PgliteRequest,
  type PgliteWorkerData,
  type PortableQueryOptions,
} from "./pglite-thread-protocol.ts";

/** Request without its id: the proxy numbers them. */
type Ask = PgliteRequest extends infer R ? (R extends PgliteRequest ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  params?: unknown[];
}

/** Text that a parser keeping Postgres's text returns unchanged. */
const PROBE = "2000-01-01 00:00:00+00";

/**
 * The options as data. drizzle's parsers keep the text of dates, timestamps and intervals; a parser that
 * does anything else cannot run on the other thread, and neither can serializers, notices or blobs.
 */
function portableOptions(options: QueryOptions | undefined): PortableQueryOptions {
  if (!options) return {};
  const { rowMode, parsers, paramTypes, ...rest } = options;
  const other = Object.entries(rest).filter(([, value]) => value !== undefined);
  if (other.length > 0)
    throw new Error(`PGlite on a worker thread takes no ${other.map(([key]) => key).join(", ")} option`);
  const textTypes = Object.entries(parsers ?? {}).map(([type, parse]) => {
    if (parse(PROBE, Number(type)) !== PROBE)
      throw new Error(
        `PGlite on a worker thread keeps type ${type}'s text or parses it itself, nothing else`,
      );
    return Number(type);
  });
  return {
    ...(rowMode ? { rowMode } : {}),
    ...(textTypes.length ? { textTypes } : {}),
    ...(paramTypes ? { paramTypes } : {}),
  };
}

/** The worker's first message: ready, or why it could not open the database. */
function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off("message", onMessage).off("error", reject).off("exit", onExit);
      done();
    };
    const onMessage = (reply: PgliteReply) =>
      settle(() => (reply.ok ? resolve() : reject(errorFrom(reply.error))));
    const onExit = (code: number) => settle(() => reject(new Error(`the PGlite thread exited (${code})`)));
    worker.on("message", onMessage).on("error", reject).on("exit", onExit);
  });
}

/** Opens (or creates) the embedded database in `dataDir` on a worker thread. */
export async function openPgliteThread(dataDir: string): Promise<PgliteClient> {
  const data: PgliteWorkerData = { dataDir };
  const worker = startModuleWorker(import.meta.url, "pglite-worker", { workerData: data });
  await ready(worker).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  return pgliteProxy(worker);
}

function pgliteProxy(worker: Worker): PgliteClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | undefined;
  // The worker keeps the process alive only while an answer is awaited, as PGlite on this thread would.
  worker.unref();

  const stop = (err: Error) => {
    stopped ??= err;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  worker.on("message", (reply: PgliteReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorFrom(reply.error, waiting.params));
  });
  worker.on("error", stop);
  worker.on("exit", (code) => stop(new Error(`the PGlite thread exited (${code})`)));

  const ask = <T>(request: Ask): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const params = request.op === "query" ? request.params : undefined;
      pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(params ? { params } : {}),
      });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ ...request, id });
    });
  };

  const runner = (tx?: number): PgliteTransaction => ({
    query: <T>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
      ask<Results<T>>({ op: "query", sql, params, options: portableOptions(options), ...(tx ? { tx } : {}) }),
    exec: (sql: string) => ask<Results[]>({ op: "exec", sql, ...(tx ? { tx } : {}) }),
  });

  return {
    ...runner(),
    async transaction<T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
      const tx = await ask<number>({ op: "begin" });
      let result: T;
      try {
        result = await callback(runner(tx));
      } catch (err) {
        await ask({ op: "end", tx, commit: false });
        throw err;
      }
      await ask({ op: "end", tx, commit: true });
      return result;
    },
    dumpDataDir: (compression) => ask<Blob>({ op: "dump", ...(compression ? { compression } : {}) }),
    get closed() {
      return stopped !== undefined;
    },
    async close() {
      if (stopped) return;
      await ask({ op: "close" });
      stop(new Error("the PGlite thread is closed"));
      await worker.terminate();
    },
  };
}
