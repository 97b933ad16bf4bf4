/**
 * Starts the burst benchmark's fake Telegram on its worker thread (burst-fake-worker.ts) and talks to it in
 * plain data: where it listens, then a burst of commands and what it timed.
 */
import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../db/module-worker.ts";

export interface BurstFakeData {
  /** Chats the commands come from, in turn. */
  chats: number;
}

export type BurstRequest =
  | { type: "burst"; commands: string[]; overMs: number; timeoutMs: number }
  | { type: "close" };

export type BurstReply =
  | { type: "ready"; token: string; apiRoot: string }
  | {
      type: "done";
      /** Queued → the bot's first answer quoting it arrived, per answered command, in ms. */
      latencies: number[];
      unanswered: number;
      /** From the first command queued to the last answer received. */
      spanMs: number;
      /** Calls the fake refused by its own rules (should be none). */
      refused: number;
    }
  | { type: "closed" }
  | { type: "failed"; message: string };

export interface BurstFake {
  token: string;
  apiRoot: string;
  /** Queues `commands` at once (`overMs` 0) or evenly over `overMs`, and times each one's answer. */
  burst(
    commands: string[],
    overMs: number,
    timeoutMs: number,
  ): Promise<Extract<BurstReply, { type: "done" }>>;
  close(): Promise<void>;
}

/** The worker module, booted through tsx as the database's worker is (db/module-worker.ts). */
const spawn = (data: BurstFakeData): Worker =>
  startModuleWorker(import.meta.url, "burst-fake-worker", { workerData: data });

function next(worker: Worker): Promise<BurstReply> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      done();
    };
    const onMessage = (reply: BurstReply) =>
      settle(() => (reply.type === "failed" ? reject(new Error(reply.message)) : resolve(reply)));
    const onError = (err: Error) => settle(() => reject(err));
    const onExit = (code: number) => settle(() => reject(new Error(`the fake's worker exited (${code})`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

export async function startBurstFake(data: BurstFakeData): Promise<BurstFake> {
  const worker = spawn(data);
  const ready = await next(worker).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  if (ready.type !== "ready") throw new Error(`the fake's worker answered ${ready.type} to starting`);
  const ask = async <T extends BurstReply["type"]>(request: BurstRequest, expected: T) => {
    const answer = next(worker);
    worker.postMessage(request);
    const reply = await answer;
    if (reply.type !== expected)
      throw new Error(`the fake's worker answered ${reply.type} to ${request.type}`);
    return reply as Extract<BurstReply, { type: T }>;
  };
  return {
    token: ready.token,
    apiRoot: ready.apiRoot,
    burst: (commands, overMs, timeoutMs) => ask({ type: "burst", commands, overMs, timeoutMs }, "done"),
    async close() {
      try {
        await ask({ type: "close" }, "closed");
      } finally {
        await worker.terminate();
      }
    },
  };
}
