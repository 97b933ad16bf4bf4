/**
 * Turns a failure to connect to the Postgres server into a message an operator can act on: which server
 * (host and port from DATABASE_URL, never the password) and what went wrong. The driver's own error
 * ("connect ECONNREFUSED …" with a stack trace) reads like a bug in the bot, and a stack trace is no help
 * when the server is down or the URL is wrong.
 */
import { BotError, ConfigError } from "../core/errors.ts";

/** Network failures, by the code Node gives them; postgres.js reports its own timeout as CONNECT_TIMEOUT. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be looked up (temporary DNS failure)",
  ETIMEDOUT: "the connection timed out",
  CONNECT_TIMEOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
};

/** SQLSTATEs the server answers a connection with when DATABASE_URL names a login or database it refuses. */
const INVALID_PASSWORD = "28P01";
const INVALID_AUTHORIZATION = "28000";
const NO_SUCH_DATABASE = "3D000";

interface ServerAddress {
  endpoint: string;
  user: string;
  database: string;
}

/** Host, port, user and database from the URL; the password is never read out of it. */
function serverAddress(databaseUrl: string): ServerAddress | undefined {
  try {
    const url = new URL(databaseUrl);
    return {
      endpoint: `${url.hostname}:${url.port || "5432"}`,
      user: decodeURIComponent(url.username),
      database: decodeURIComponent(url.pathname.replace(/^\//, "")),
    };
  } catch {
    return undefined; // postgres.js also takes forms URL does not parse (several hosts): fall back below.
  }
}

/** Every error in the chain: drizzle wraps the driver's error as `cause`, and Node may aggregate attempts. */
function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || typeof error !== "object" || error === null) return;
  const record = error as Record<string, unknown>;
  yield record;
  if (Array.isArray(record.errors)) for (const inner of record.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(record.cause, depth + 1);
}

/**
 * The operator's error for a failure to reach or log in to the Postgres server, or undefined when `error`
 * is something else (it is then reported as it is). Unreachable is an outage (exit 1); a refused login or
 * missing database is DATABASE_URL's fault (a configuration error, exit 2).
 */
export function databaseFailure(error: unknown, databaseUrl: string | undefined): BotError | undefined {
  if (!databaseUrl) return undefined; // The embedded database has no server to reach.
  for (const link of errorChain(error)) {
    const code = typeof link.code === "string" ? link.code : undefined;
    if (code === undefined) continue;
    const address = serverAddress(databaseUrl);
    const fallback =
      typeof link.address === "string" && link.port !== undefined
        ? `${link.address}:${String(link.port)}`
        : "the configured address";
    const endpoint = address?.endpoint ?? fallback;
    const server = `the Postgres server at ${endpoint}`;
    const unreachable = UNREACHABLE[code];
    if (unreachable) {
      const message = `Could not reach ${server} (DATABASE_URL): ${unreachable}.`;
      return new BotError(message, "INTERNAL", { cause: error });
    }
    const user = address?.user ? `user "${address.user}"` : "the user";
    if (code === INVALID_PASSWORD) {
      return new ConfigError([`DATABASE_URL: ${server} refused the password for ${user}`]);
    }
    if (code === INVALID_AUTHORIZATION) {
      // The server's text says why (no such role, no pg_hba.conf entry) and never holds the password.
      const why = typeof link.message === "string" ? `: ${link.message}` : "";
      return new ConfigError([`DATABASE_URL: ${server} refused ${user}${why}`]);
    }
    if (code === NO_SUCH_DATABASE) {
      const name = address?.database ? `database "${address.database}"` : "the database";
      return new ConfigError([`DATABASE_URL: ${name} does not exist on ${server}`]);
    }
  }
  return undefined;
}
