/**
 * The burst benchmark's fake Telegram, on a worker thread of its own (started by burst-fake.ts), so the
 * moment an update is queued and the moment the bot's answer arrives are both read on a clock the bot's
 * main thread cannot stall, as on a real Bot API. Flood control is on, at Telegram's caps (~30 messages
 * a second, 1 a second in a chat, 20 a minute in a group): the bot paces its answers to them
 * (delivery/paced-adapter.ts), so a burst beyond them is answered at the cap, and "refused" counts each
 * answer the fake had to refuse with a 429.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createFakeTelegram } from "../tests/fakes/telegram/index.ts";
import type { BurstFakeData, BurstReply, BurstRequest } from "./burst-fake.ts";
import { commandTiming, queueSteadily } from "./command-timing.ts";

const port = parentPort;
if (!port) throw new Error("burst-fake-worker.ts runs as a worker thread (see burst-fake.ts)");
const data = workerData as BurstFakeData;
const reply = (message: BurstReply) => port.postMessage(message);

/** Supergroup ids look like -100xxxxxxxxxx; members' ids start above the fake's reserved ones. */
const FIRST_CHAT = -1_001_100_000_000;
const FIRST_USER = 5_000;

const fake = await createFakeTelegram({});
const timing = commandTiming(fake, data.chats, FIRST_CHAT, FIRST_USER);

/**
 * Queues `commands` (`/prisoner <name>`, chats taken in turn) at once or evenly over `overMs`, then waits until every one
 * has its answer or `timeoutMs` passes (after the last is queued). Latency: queued → answer received, on this thread's clock.
 */
async function burst(commands: readonly string[], overMs: number, timeoutMs: number): Promise<BurstReply> {
  await queueSteadily({
    count: commands.length,
    perSecond: overMs > 0 ? (commands.length * 1000) / overMs : Number.POSITIVE_INFINITY,
    queue: (i) => timing.queue(commands[i]!),
  });
  const times = await timing.settle(timeoutMs);
  return {
    type: "done",
    latencies: times.latencies,
    unanswered: times.unanswered,
    spanMs: times.spanMs,
    refused: fake.rejections().length,
  };
}

port.on("message", (request: BurstRequest) => {
  if (request.type === "close") {
    void fake.close().finally(() => {
      reply({ type: "closed" });
      port.close();
    });
    return;
  }
  burst(request.commands, request.overMs, request.timeoutMs).then(reply, (err: unknown) =>
    reply({ type: "failed", message: err instanceof Error ? err.message : String(err) }),
  );
});

reply({ type: "ready", token: fake.token, apiRoot: fake.apiRoot });
