/**
 * The burst benchmark's fake Telegram, on a worker thread of its own (started by burst-fake.ts), so the
 * moment an update is queued and the moment the bot's answer arrives are both read on a clock the bot's
 * main thread cannot stall, as on a real Bot API. Flood control is off: the benchmark measures the bot, and
 * ten answers a second in one chat would otherwise wait for Telegram's per-chat cap, not for us.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createFakeTelegram } from "../tests/fakes/telegram/index.ts";
import type { CallRecord } from "../tests/fakes/telegram/index.ts";
import type { BurstFakeData, BurstReply, BurstRequest } from "./burst-fake.ts";

const port = parentPort;
if (!port) throw new Error("burst-fake-worker.ts runs as a worker thread (see burst-fake.ts)");
const data = workerData as BurstFakeData;
const reply = (message: BurstReply) => port.postMessage(message);

/** Supergroup ids look like -100xxxxxxxxxx; members' ids start above the fake's reserved ones. */
const FIRST_CHAT = -1_001_100_000_000;
const FIRST_USER = 5_000;

const fake = await createFakeTelegram({ caps: false });
const chats = Array.from({ length: data.chats }, (_, i) => FIRST_CHAT - i);
chats.forEach((id, i) => {
  fake.addUser({ id: FIRST_USER + i });
  fake.addChat({ id, type: "supergroup", title: `Burst group ${i}` });
  fake.setMember(id, FIRST_USER + i, "member");
});

/** The bot's first answer quoting a command: "chat:message id" → when the fake received it. */
const answers = new Map<string, number>();
const answered = new Set(["sendMessage", "sendPhoto"]);
let seen = 0;
function collect(calls: readonly CallRecord[]): void {
  for (; seen < calls.length; seen++) {
    const call = calls[seen]!;
    const quoted = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
    if (!answered.has(call.method) || call.status !== 200 || quoted === undefined) continue;
    const key = `${String(call.params.chat_id)}:${quoted}`;
    if (!answers.has(key)) answers.set(key, call.at);
  }
}

/**
 * Queues `commands` (`/prisoner <name>`, chats taken in turn) at once or evenly over `overMs`, then waits until every one
 * has its answer or `timeoutMs` passes (after the last is queued). Latency: queued → answer received, on this thread's clock.
 */
async function burst(commands: readonly string[], overMs: number, timeoutMs: number): Promise<BurstReply> {
  const sent: { key: string; at: number }[] = [];
  const queue = (i: number) => {
    const chat = chats[i % chats.length]!;
    const update = fake.updates.message(chat, FIRST_USER + (i % chats.length), commands[i]!);
    const { message_id } = update.message as { message_id: number };
    sent.push({ key: `${chat}:${message_id}`, at: performance.now() });
    fake.queueUpdate(update);
  };
  // Spread evenly over `overMs` (0: all at once): each tick queues every command whose moment has come.
  const start = performance.now();
  for (let i = 0; i < commands.length; ) {
    const due =
      overMs > 0 ? Math.floor(((performance.now() - start) / overMs) * commands.length) + 1 : Infinity;
    for (; i < commands.length && i < due; i++) queue(i);
    if (i < commands.length) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    collect(fake.calls);
    if (sent.every((s) => answers.has(s.key)) || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const latencies = sent.flatMap((s) => {
    const at = answers.get(s.key);
    return at === undefined ? [] : [at - s.at];
  });
  const lastAnswer = Math.max(...sent.map((s) => answers.get(s.key) ?? Number.NEGATIVE_INFINITY));
  return {
    type: "done",
    latencies,
    unanswered: sent.length - latencies.length,
    spanMs: lastAnswer - (sent[0]?.at ?? lastAnswer),
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
