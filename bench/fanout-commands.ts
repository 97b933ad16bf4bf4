/**
 * `--commands R`: `/prisoner <name>` from Telegram groups of their own, R a second, while the pass runs,
 * through telegraf and the bot's own dispatch (the app's Telegram adapter, long-polling the fake), each
 * timed by the fake from queued to answered (command-timing.ts). The answers go through the same Bot API
 * as the posts and count against the same caps, so the app paces them with the posts, ahead of them, with
 * TELEGRAM_MESSAGES_PER_SECOND at the cap and nothing set aside. One warm-up command before the pass
 * loads the catalog and says how many messages an answer takes.
 */
import { type LatencySummary, summarizeLatencies } from "./command-timing.ts";
import type { FakesThread } from "./fanout-fakes.ts";
import { sampleNames } from "./fanout-seed.ts";

/** Answers still owed when the pass ends are waited for this long; later, they count as unanswered. */
const ANSWER_TIMEOUT_MS = 60_000;

export interface CommandsResult extends LatencySummary {
  perSecond: number;
  chats: number;
  /** Commands queued while the pass ran. */
  queued: number;
  unanswered: number;
  /** Messages one answer took at the warm-up. */
  messagesPerAnswer: number;
  /** Answer messages the bot sent into the commands' groups during the pass (refused ones included). */
  answerMessages: number;
  /** Of those, how many the fake refused with 429. */
  answersRateLimited: number;
}

export interface PassCommands {
  /** Starts queueing, as the pass starts. */
  start(): Promise<void>;
  /** Stops queueing, as the pass ends, and waits for the answers still owed. */
  stop(): Promise<CommandsResult>;
}

/** One command answered before anything is measured (it also loads the catalog), then the pass's commands. */
export async function passCommands(
  fakes: FakesThread,
  perSecond: number,
  chats: number,
  progress: (text: string) => void,
): Promise<PassCommands> {
  const texts = (await sampleNames()).map((name) => `/prisoner ${name}`);
  await fakes.startCommands(texts.slice(0, 1), 1, 1);
  const warm = (await fakes.stopCommands(ANSWER_TIMEOUT_MS)).times;
  if (warm.latencies.length !== 1) throw new Error("the warm-up /prisoner got no answer");
  const messagesPerAnswer = warm.answerMessages;
  progress(
    `warm-up: one /prisoner answered in ${Math.round(warm.latencies[0]!)} ms with ${messagesPerAnswer} message(s)`,
  );
  return {
    start: () => fakes.startCommands(texts, perSecond),
    async stop() {
      const { times, queued } = await fakes.stopCommands(ANSWER_TIMEOUT_MS);
      return {
        perSecond,
        chats,
        queued,
        unanswered: times.unanswered,
        messagesPerAnswer,
        answerMessages: times.answerMessages,
        answersRateLimited: times.answersRateLimited,
        ...summarizeLatencies(times.latencies),
      };
    },
  };
}
