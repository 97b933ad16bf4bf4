/**
 * PGlite on a worker thread (started by pglite-thread.ts): opens the data folder, then answers the main
 * thread's requests. A transaction is PGlite's own `transaction()`, held open until the main thread ends
 * it, so PGlite's lock still orders everything: a statement outside the transaction waits for it to end,
 * as it does when PGlite runs on the main thread (what the "sole writer" caches rely on; see
 * db/repositories/kept-reads.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ParserOptions, PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";
import { openPgliteClient } from "./pglite-open.ts";
import {
  type PgliteReply,
  type PgliteRequest,
  type PgliteWorkerData,
  type PortableQueryOptions,
  portableError,
} from "./pglite-thread-protocol.ts";

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs on a worker thread (see pglite-thread.ts)");

/** Thrown inside PGlite's transaction to roll it back when the main thread asks. */
const ROLL_BACK = Symbol("roll back");

interface OpenTransaction {
  tx: Transaction;
  /** Settles the transaction: commit or roll back; its result answers the request `replyTo`. */
  end(commit: boolean, replyTo: number): void;
}

const keepText = (value: string) => value;
const parsersByTypes = new Map<string, ParserOptions>();

/** PGlite's options for the portable ones: the same few parser sets come again and again, built once. */
function queryOptions(options: PortableQueryOptions): QueryOptions {
  const { textTypes, ...rest } = options;
  if (!textTypes?.length) return rest;
  const key = textTypes.join(",");
  let parsers = parsersByTypes.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(textTypes.map((type) => [type, keepText]));
    parsersByTypes.set(key, parsers);
  }
  return { ...rest, parsers };
}

/** Answers each request from the main thread; a transaction's statements run on its own handle. */
function answerer(pg: PGlite) {
  const transactions = new Map<number, OpenTransaction>();
  const runner = (tx: number | undefined) => {
    if (tx === undefined) return pg;
    const open = transactions.get(tx);
    if (!open) throw new Error(`no open transaction ${tx} on the PGlite thread`);
    return open.tx;
  };

  function begin(id: number) {
    let replyTo = id;
    const done = pg.transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          transactions.set(id, {
            tx,
            end(commit, endId) {
              replyTo = endId;
              transactions.delete(id);
              if (commit) resolve();
              else reject(ROLL_BACK);
            },
          });
          send({ id, ok: true, value: id });
        }),
    );
    done.then(
      () => send({ id: replyTo, ok: true, value: undefined }),
      (err: unknown) =>
        send(
          err === ROLL_BACK
            ? { id: replyTo, ok: true, value: undefined }
            : { id: replyTo, ok: false, error: portableError(err) },
        ),
    );
  }

  async function answer(request: PgliteRequest): Promise<unknown> {
    switch (request.op) {
      case "query":
        return runner(request.tx).query(request.sql, request.params, queryOptions(request.options));
      case "exec":
        return runner(request.tx).exec(request.sql);
      case "dump":
        return pg.dumpDataDir(request.compression);
      case "close":
        return pg.close();
      default:
        throw new Error(`unknown request ${(request as { op: string }).op}`);
    }
  }

  return (request: PgliteRequest) => {
    if (request.op === "begin") return begin(request.id);
    if (request.op === "end") {
      const open = transactions.get(request.tx);
      if (open) return open.end(request.commit, request.id);
      return send({ id: request.id, ok: false, error: portableError(new Error("no such transaction")) });
    }
    answer(request).then(
      (value) => send({ id: request.id, ok: true, value }),
      (err: unknown) => send({ id: request.id, ok: false, error: portableError(err) }),
    );
  };
}

/** Posts a reply; one that cannot be cloned (a value no thread can receive) is answered as a failure. */
function send(reply: PgliteReply) {
  try {
    port?.postMessage(reply);
  } catch (err) {
    port?.postMessage({ id: reply.id, ok: false, error: portableError(err) });
  }
}

try {
  const pg = await openPgliteClient((workerData as PgliteWorkerData).dataDir);
  port.on("message", answerer(pg));
  send({ id: 0, ok: true, value: "ready" });
} catch (err) {
  send({ id: 0, ok: false, error: portableError(err) });
}
