/** Ready-made faults for `fake.failNext(method, fault, times)`, worded as Telegram words them. */
import type { Fault } from "./server.ts";

const error = (
  status: number,
  description: string,
  parameters?: Extract<Fault, { kind: "error" }>["parameters"],
): Fault => ({
  kind: "error",
  status,
  description,
  ...(parameters && { parameters }),
});

export const faults = {
  kicked: () => error(403, "Forbidden: bot was kicked from the supergroup chat"),
  blocked: () => error(403, "Forbidden: bot was blocked by the user"),
  chatNotFound: () => error(400, "Bad Request: chat not found"),
  badRequest: (what: string) => error(400, `Bad Request: ${what}`),
  tooManyRequests: (retryAfterS: number) =>
    error(429, `Too Many Requests: retry after ${retryAfterS}`, { retry_after: retryAfterS }),
  serverError: (status = 500) => error(status, "Internal Server Error"),
  migrate: (toChatId: number) =>
    error(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: toChatId }),
  /** Answers normally, but only after `ms`. */
  slow: (ms: number): Fault => ({ kind: "delay", ms }),
  /** Closes the connection without an answer (a network failure). */
  drop: (): Fault => ({ kind: "drop" }),
};
