/**
 * Whether a failed database call failed because the Postgres server could not be reached or stopped
 * answering, rather than because of the call itself: one list for the command line's start-up message
 * (src/cli/database-failure.ts) and for delivery's outage log (src/delivery/outage.ts). Read by code from
 * the error or anything it wraps (drizzle wraps the driver's error as `cause`; Node may aggregate attempts).
 */

/** What the code says happened, in the operator's words. */
const UNREACHABLE: ReadonlyMap<string, string> = new Map([
  ["ECONNREFUSED", "connection refused"],
  ["ENOTFOUND", "no such host"],
  ["EAI_AGAIN", "the host name could not be looked up (temporary DNS failure)"],
  ["ETIMEDOUT", "the connection timed out"],
  // postgres.js: connecting, the protocol handshake and logging in took longer than its connect_timeout.
  ["CONNECT_TIMEOUT", "no answer to the connection in time"],
  ["EHOSTUNREACH", "the host is unreachable"],
  ["ENETUNREACH", "the network is unreachable"],
  ["ECONNRESET", "the connection was reset"],
  ["EPIPE", "the connection was broken"],
  ["CONNECTION_CLOSED", "the server closed the connection"],
  // SQLSTATEs the server ends or refuses a session with while it shuts down, crashed or starts up.
  ["57P01", "the server is shutting down"],
  ["57P02", "the server crashed"],
  ["57P03", "the server is starting up and not accepting connections yet"],
]);

/** db/postgres-client.ts's code for a server that completed the handshake and then did not answer a first query. */
export const NO_ANSWER = "DATABASE_NO_ANSWER";

export interface Unreachable {
  code: string;
  reason: string;
}

/** Every error in the chain: the error, what it aggregates, and its causes. */
export function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || typeof error !== "object" || error === null) return;
  const record = error as Record<string, unknown>;
  yield record;
  if (Array.isArray(record.errors)) for (const inner of record.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(record.cause, depth + 1);
}

/** The code and reason when `error` is the database being out of reach, else undefined. */
export function databaseUnreachable(error: unknown): Unreachable | undefined {
  for (const link of errorChain(error)) {
    const code = typeof link.code === "string" ? link.code : undefined;
    if (code === undefined) continue;
    if (code === NO_ANSWER) {
      return { code, reason: typeof link.message === "string" ? link.message : "no answer" };
    }
    const reason = UNREACHABLE.get(code);
    if (reason) return { code, reason };
    // Class 08: connection exceptions, whatever the detail.
    if (/^08[0-9A-Z]{3}$/.test(code)) return { code, reason: "the connection failed" };
  }
  return undefined;
}
