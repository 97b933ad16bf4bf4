/**
 * Every request an operation makes counts against the platform's caps, not only its first. The delivery
 * pacer (src/delivery/paced-adapter.ts) takes one place for each adapter call it paces, before the call.
 * An adapter awaits `beforeRequest()` right before each request it sends to the platform: the first of a
 * paced call goes at once on the place already taken; each later one (Discord's crosspost after its post,
 * the private chat opened before a notice is sent in it, a library's retry of a 5xx, Slack's post again
 * without its photo) gives back the place of the one before, answered by then (it keeps counting for a
 * window, pace-windows.ts), and waits until the caps allow the next.
 *
 * It travels with the call (AsyncLocalStorage) rather than as an argument, so no wrapper between the pacer
 * and the adapter (a benchmark's timing, a test's recording) and no library between the adapter and the
 * network (discord.js's request queue) can drop it and let a request go uncounted. A command's answer is
 * paced the same way, through the `AnswerPace` the composition root gives the adapter, ahead of posts.
 * Outside a paced call (the command line, a platform whose answers are not counted) it waits for nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestPace {
  /**
   * A request is about to go: resolves when it may. `channel`: the chat it goes to, when the adapter knows
   * it and it may not be the call's (an answer sent to the asker's private chat); else the call's.
   */
  before(channel?: string): Promise<void>;
}

/**
 * Runs `answer`, the sending of a command's answer in `channel`, with every request it makes (each one
 * behind `beforeRequest`) taking its place in the platform's pace ahead of the scheduled posts, since the
 * platform counts answers and posts against the same caps (src/delivery/paced-adapter.ts). The composition
 * root gives it to an adapter whose platform counts its answers.
 */
export type AnswerPace = <T>(channel: string, answer: () => Promise<T>) => Promise<T>;

/** For an adapter given no pace: its answers go at once. */
export const unpacedAnswers: AnswerPace = (_channel, answer) => answer();

const current = new AsyncLocalStorage<RequestPace>();

/** Runs `call` with `pace` as the pace of every request it makes. */
export function withRequestPace<T>(pace: RequestPace, call: () => Promise<T>): Promise<T> {
  return current.run(pace, call);
}

/** Call (and await) right before each request to the platform; `channel` as in `RequestPace.before`. */
export async function beforeRequest(channel?: string): Promise<void> {
  await current.getStore()?.before(channel);
}
