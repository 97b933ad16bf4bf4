/**
 * Every request an operation makes counts against the platform's caps, not only its first. The delivery
 * pacer (src/delivery/paced-adapter.ts) takes one place for each adapter call it paces, before the call;
 * an operation that makes more requests than one (Discord's crosspost after its post, a private chat
 * opened before the notice is sent in it, Slack's post again without its photo) awaits `nextRequest()`
 * before each further request. By then the request before it has been answered, so it gives back that
 * place (which keeps counting for a window, pace-windows.ts) and waits for the caps to allow the next.
 *
 * It travels with the call (AsyncLocalStorage) rather than as an argument, so no wrapper between the pacer
 * and the adapter (a benchmark's timing, a test's recording) can drop it and let a request go uncounted.
 * Outside a paced call (a command's reply, the command line) it waits for nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestPace {
  /** The request before has been answered; resolves when the next one may go. */
  next(): Promise<void>;
}

const current = new AsyncLocalStorage<RequestPace>();

/** Runs `call` with `pace` as the pace of every further request it makes. */
export function withRequestPace<T>(pace: RequestPace, call: () => Promise<T>): Promise<T> {
  return current.run(pace, call);
}

/** Call (and await) right before each request an operation makes after its first. */
export async function nextRequest(): Promise<void> {
  await current.getStore()?.next();
}
