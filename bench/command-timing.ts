/**
 * Times `/prisoner` commands through a fake Telegram as a person waiting for the answer would: each from
 * the moment its update is queued to the moment the fake receives the bot's first message quoting it,
 * both read on the fake's thread, which the bot's main thread cannot stall. The commands come from groups
 * of their own (a member each), so their answers are never counted as anything else. Used by the burst
 * benchmark (burst-fake-worker.ts) and by the fan-out's commands during a pass (fanout-fakes-child.ts).
 */
import type { CallRecord, FakeTelegram } from "../tests/fakes/telegram/index.ts";

export interface CommandTimes {
  /** Queued → the bot's first answer quoting it arrived, per answered command, in ms. */
  latencies: number[];
  unanswered: number;
  /** From the first command queued to the last answer received. */
  spanMs: number;
  /** Messages the bot sent into the commands' groups (all parts of all answers). */
  answerMessages: number;
  /** Of those, how many the fake refused with 429 (flood control). */
  answersRateLimited: number;
}

const ANSWERS = new Set(["sendMessage", "sendPhoto"]);
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CommandTiming = ReturnType<typeof commandTiming>;

/** `chats` supergroups from `firstChat` down, each with one member from `firstUser` up, who sends the commands. */
export function commandTiming(fake: FakeTelegram, chats: number, firstChat: number, firstUser: number) {
  const ids = Array.from({ length: chats }, (_, i) => firstChat - i);
  ids.forEach((id, i) => {
    fake.addUser({ id: firstUser + i });
    fake.addChat({ id, type: "supergroup", title: `Commands group ${i}` });
    fake.setMember(id, firstUser + i, "member");
  });
  const ours = new Set(ids.map(String));
  /** The bot's first answer quoting a command: "chat:message id" → when the fake received it. */
  const answers = new Map<string, number>();
  let sent: { key: string; at: number }[] = [];
  let queued = 0;
  let seen = 0;
  let answerMessages = 0;
  let answersRateLimited = 0;

  function collect(calls: readonly CallRecord[]): void {
    for (; seen < calls.length; seen++) {
      const call = calls[seen]!;
      if (!ANSWERS.has(call.method) || !ours.has(String(call.params.chat_id))) continue;
      answerMessages += 1;
      if (call.status === 429) answersRateLimited += 1;
      const quoted = (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
      if (call.status !== 200 || quoted === undefined) continue;
      const key = `${String(call.params.chat_id)}:${quoted}`;
      if (!answers.has(key)) answers.set(key, call.at);
    }
  }

  return {
    /** Queues one command from the next group in turn. */
    queue(text: string): void {
      const i = queued++ % ids.length;
      const update = fake.updates.message(ids[i]!, firstUser + i, text);
      const { message_id } = update.message as { message_id: number };
      sent.push({ key: `${ids[i]}:${message_id}`, at: performance.now() });
      fake.queueUpdate(update);
    },
    /**
     * Waits until every command queued since the last settle has its answer, or `timeoutMs` passes, and
     * returns their times; the next settle times only what is queued after this one.
     */
    async settle(timeoutMs: number): Promise<CommandTimes> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        collect(fake.calls);
        if (sent.every((s) => answers.has(s.key)) || performance.now() > deadline) break;
        await tick(5);
      }
      const latencies = sent.flatMap((s) => {
        const at = answers.get(s.key);
        return at === undefined ? [] : [at - s.at];
      });
      const lastAnswer = Math.max(...sent.map((s) => answers.get(s.key) ?? Number.NEGATIVE_INFINITY));
      const times: CommandTimes = {
        latencies,
        unanswered: sent.length - latencies.length,
        spanMs: sent.length > 0 && latencies.length > 0 ? lastAnswer - sent[0]!.at : 0,
        answerMessages,
        answersRateLimited,
      };
      sent = [];
      answerMessages = 0;
      answersRateLimited = 0;
      return times;
    },
  };
}

/**
 * Queues commands (`queue(i)`) at `perSecond` (Infinity: all at once), each tick queueing every command
 * whose moment has come, until `count` are queued or `stopped` says to stop (the fan-out's pass is over).
 * Returns how many it queued.
 */
export async function queueSteadily(input: {
  count: number;
  perSecond: number;
  queue: (i: number) => void;
  stopped?: () => boolean;
}): Promise<number> {
  const { count, perSecond, queue } = input;
  const start = performance.now();
  let i = 0;
  while (i < count && !input.stopped?.()) {
    const elapsedS = (performance.now() - start) / 1000;
    const due = perSecond === Number.POSITIVE_INFINITY ? count : Math.floor(elapsedS * perSecond) + 1;
    for (; i < count && i < due; i++) queue(i);
    if (i < count) await tick(1);
  }
  return i;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** p50/p95/p99/max of answered commands' latencies, to a tenth of a millisecond. */
export function summarizeLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    count: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}
