/**
 * Turns a failure to connect to the Postgres server into a message an operator can act on: which server
 * (host and port from DATABASE_URL, never the password), what went wrong, and what to check. The driver's
 * own error ("connect ECONNREFUSED …" with a stack trace) reads like a bug in the bot, and a stack trace
 * is no help when the server is down or the URL is wrong.
 */
import { BotError, ConfigError } from "../core/errors.ts";
import { databaseUnreachable, errorChain } from "../core/database-unreachable.ts";

/** SQLSTATEs the server answers a connection with when DATABASE_URL names a login or database it refuses. */
const INVALID_PASSWORD = "28P01";
const INVALID_AUTHORIZATION = "28000";
const NO_SUCH_DATABASE = "3D000";

/** What to look at, by what went wrong. */
const CHECK_SERVER =
  "Check that the server is running, that DATABASE_URL names its host and port, and that no firewall " +
  "between here and there drops the connection.";
const CHECK_HOST_NAME = "Check the host name in DATABASE_URL, and that this machine can resolve it (DNS).";
const CHECK_STARTING = "Wait for the server to finish starting or restarting, then try again.";
const CHECK_LOGIN =
  "Check the user name and password in DATABASE_URL (special characters in them must be percent-encoded), " +
  "and that the server's pg_hba.conf lets this user in from here.";
const CHECK_ROLE =
  "Check the user name in DATABASE_URL, and that the server's pg_hba.conf lets this user in from here.";

const CHECK_BY_CODE: ReadonlyMap<string, string> = new Map([
  ["ENOTFOUND", CHECK_HOST_NAME],
  ["EAI_AGAIN", CHECK_HOST_NAME],
  ["57P01", CHECK_STARTING],
  ["57P02", CHECK_STARTING],
  ["57P03", CHECK_STARTING],
]);

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

/** Where the error says it tried, when the URL could not be read. */
function endpointOf(error: unknown): string {
  for (const link of errorChain(error)) {
    if (typeof link.address === "string" && link.port !== undefined)
      return `${link.address}:${String(link.port)}`;
  }
  return "the configured address";
}

/**
 * The operator's error for a failure to reach or log in to the Postgres server, or undefined when `error`
 * is something else (it is then reported as it is). Unreachable is an outage (exit 1); a refused login or
 * missing database is DATABASE_URL's fault (a configuration error, exit 2).
 */
export function databaseFailure(error: unknown, databaseUrl: string | undefined): BotError | undefined {
  if (!databaseUrl) return undefined; // The embedded database has no server to reach.
  const address = serverAddress(databaseUrl);
  const server = `the Postgres server at ${address?.endpoint ?? endpointOf(error)}`;
  const unreachable = databaseUnreachable(error);
  if (unreachable) {
    const check = CHECK_BY_CODE.get(unreachable.code) ?? CHECK_SERVER;
    const message = `Could not reach ${server} (DATABASE_URL): ${unreachable.reason}. ${check}`;
    return new BotError(message, "INTERNAL", { cause: error });
  }
  const user = address?.user ? `user "${address.user}"` : "the user";
  for (const link of errorChain(error)) {
    if (link.code === INVALID_PASSWORD) {
      return new ConfigError([`DATABASE_URL: ${server} refused the password for ${user}. ${CHECK_LOGIN}`]);
    }
    if (link.code === INVALID_AUTHORIZATION) {
      // The server's text says why (no such role, no pg_hba.conf entry) and never holds the password.
      const why = typeof link.message === "string" ? `: ${link.message}` : "";
      return new ConfigError([`DATABASE_URL: ${server} refused ${user}${why}. ${CHECK_ROLE}`]);
    }
    if (link.code === NO_SUCH_DATABASE) {
      const name = address?.database || undefined;
      const check = name
        ? `Check the database name at the end of DATABASE_URL, or create it (createdb "${name}").`
        : "Check the database name at the end of DATABASE_URL.";
      const what = name ? `database "${name}"` : "the database";
      return new ConfigError([`DATABASE_URL: ${what} does not exist on ${server}. ${check}`]);
    }
  }
  return undefined;
}
