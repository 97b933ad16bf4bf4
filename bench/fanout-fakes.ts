/**
 * The platforms' fakes in a child process of their own (fanout-fakes-child.ts), so they keep their own
 * clock, as a real platform does, while this process holds the database and the delivery pass, and so this
 * process's memory is the bot's alone. What crosses the process boundary is plain data: the worlds (URLs,
 * tokens, ids, targets) once the fakes are up, the commands to send during the pass and their times, and
 * the fakes' counters and memory after it.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CommandTimes } from "./command-timing.ts";
import type { FanoutPlatform } from "./fanout-args.ts";
import type { FakeCounts, FakeWorld } from "./fanout-rig.ts";

export interface FakesData {
  /** Channels per platform, in the order the worlds come back. */
  plan: [FanoutPlatform, number][];
  scale: number;
  /** Telegram groups of their own that send the commands (0: no commands). */
  commandChats: number;
}

export type FakesRequest =
  | { type: "stats" }
  | { type: "close" }
  /** Queue `texts` in turn at `perSecond` until "commands-stop", or until `limit` are queued. */
  | { type: "commands-start"; texts: string[]; perSecond: number; limit?: number }
  /** Stop queueing, wait up to `timeoutMs` for the answers, and send back their times. */
  | { type: "commands-stop"; timeoutMs: number };

/** The fakes' process, as it measured itself. */
export interface FakesMemory {
  maxRssMb: number;
}

export type FakesReply =
  | { type: "ready"; worlds: FakeWorld[] }
  | { type: "stats"; counts: Partial<Record<FanoutPlatform, FakeCounts>>; memory: FakesMemory }
  | { type: "commands-started" }
  | { type: "commands"; times: CommandTimes; queued: number }
  | { type: "closed" }
  | { type: "failed"; message: string };

export interface FakesThread {
  worlds: FakeWorld[];
  stats(): Promise<Extract<FakesReply, { type: "stats" }>>;
  startCommands(texts: string[], perSecond: number, limit?: number): Promise<void>;
  stopCommands(timeoutMs: number): Promise<Extract<FakesReply, { type: "commands" }>>;
  close(): Promise<void>;
}

/**
 * The child is TypeScript: it inherits this process's tsx loader flags (process.execArgv). Maps (the
 * counts per channel) cross by the structured clone ("advanced" serialization).
 */
function spawn(data: FakesData): ChildProcess {
  const entry = fileURLToPath(new URL("./fanout-fakes-child.ts", import.meta.url));
  return fork(entry, [JSON.stringify(data)], { serialization: "advanced", stdio: "inherit" });
}

/** The child's next message, or its error or early exit as a rejection. */
function next(child: ChildProcess): Promise<FakesReply> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      child.off("message", onMessage).off("error", onError).off("exit", onExit);
      done();
    };
    const onMessage = (reply: FakesReply) =>
      settle(() => (reply.type === "failed" ? reject(new Error(reply.message)) : resolve(reply)));
    const onError = (err: Error) => settle(() => reject(err));
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`the fakes' process exited (${code})`)));
    child.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

export async function startFakesThread(data: FakesData): Promise<FakesThread> {
  const child = spawn(data);
  // If the benchmark dies without closing it, the fakes must not outlive it.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const ready = await next(child).catch((err: unknown) => {
    kill();
    throw err;
  });
  if (ready.type !== "ready") throw new Error(`the fakes' process answered ${ready.type} to starting`);
  const ask = async <T extends FakesReply["type"]>(request: FakesRequest, expected: T) => {
    const answer = next(child);
    child.send(request);
    const reply = await answer;
    if (reply.type !== expected)
      throw new Error(`the fakes' process answered ${reply.type} to ${request.type}`);
    return reply as Extract<FakesReply, { type: T }>;
  };
  return {
    worlds: ready.worlds,
    stats: () => ask({ type: "stats" }, "stats"),
    startCommands: async (texts, perSecond, limit) => {
      const request = { type: "commands-start" as const, texts, perSecond, ...(limit ? { limit } : {}) };
      await ask(request, "commands-started");
    },
    stopCommands: (timeoutMs) => ask({ type: "commands-stop", timeoutMs }, "commands"),
    async close() {
      try {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        await ask({ type: "close" }, "closed");
        await exited;
      } finally {
        process.removeListener("exit", kill);
        if (child.exitCode === null && child.signalCode === null) kill();
      }
    },
  };
}
