/**
 * The command line's message when the Postgres server cannot be reached or refuses DATABASE_URL's login:
 * which server, why and what to check, never the password, and a configuration error when the URL itself
 * is at fault.
 */
import { describe, expect, it } from "vitest";
import { databaseFailure } from "../../../src/cli/database-failure.ts";
import { NO_ANSWER } from "../../../src/core/database-unreachable.ts";
import { BotError, ConfigError } from "../../../src/core/errors.ts";

const URL_WITH_SECRET = "postgres://bot:s3cret-pw@db.example.org:6543/freetobehome";

/** An error as drizzle throws it: its own, with the driver's as the cause. */
function wrapped(driverError: Record<string, unknown>): Error {
  return new Error("Failed query: select 1", { cause: Object.assign(new Error("driver"), driverError) });
}

describe("databaseFailure", () => {
  it("names host and port for a refused connection, found through drizzle's wrapper", () => {
    const failure = databaseFailure(wrapped({ code: "ECONNREFUSED" }), URL_WITH_SECRET);
    expect(failure).toBeInstanceOf(BotError);
    expect(failure).not.toBeInstanceOf(ConfigError);
    expect(failure?.message).toBe(
      "Could not reach the Postgres server at db.example.org:6543 (DATABASE_URL): connection refused. " +
        "Check that the server is running, that DATABASE_URL names its host and port, and that no firewall " +
        "between here and there drops the connection.",
    );
  });

  it("finds the code inside an aggregate of connection attempts, and defaults the port", () => {
    const attempts = new AggregateError([Object.assign(new Error("a"), { code: "ETIMEDOUT" })]);
    const failure = databaseFailure(attempts, "postgres://bot:pw@db.example.org/freetobehome");
    expect(failure?.message).toContain("db.example.org:5432 (DATABASE_URL): the connection timed out");
  });

  it("says no such host for a name that does not resolve, and to check the name", () => {
    expect(databaseFailure(wrapped({ code: "ENOTFOUND" }), URL_WITH_SECRET)?.message).toContain(
      ": no such host. Check the host name in DATABASE_URL",
    );
  });

  it("says the server did not answer in time, for the driver's connect timeout and a stalled first query", () => {
    const timedOut = databaseFailure(wrapped({ code: "CONNECT_TIMEOUT" }), URL_WITH_SECRET);
    expect(timedOut?.message).toContain(
      "db.example.org:6543 (DATABASE_URL): no answer to the connection in time.",
    );
    const stalled = new Error("connected, but no answer to a first query within 8 s");
    const noAnswer = databaseFailure(Object.assign(stalled, { code: NO_ANSWER }), URL_WITH_SECRET);
    expect(noAnswer?.message).toContain(
      "(DATABASE_URL): connected, but no answer to a first query within 8 s.",
    );
    for (const failure of [timedOut, noAnswer]) expect(failure?.message).toContain("no firewall");
  });

  it("tells to wait for a server that is starting up", () => {
    expect(databaseFailure(wrapped({ code: "57P03" }), URL_WITH_SECRET)?.message).toContain(
      "the server is starting up and not accepting connections yet. Wait for the server to finish starting",
    );
  });

  it("makes a refused password, an unknown role and a missing database configuration errors", () => {
    const password = databaseFailure(wrapped({ code: "28P01" }), URL_WITH_SECRET);
    const role = databaseFailure(
      wrapped({ code: "28000", message: 'role "bot" does not exist' }),
      URL_WITH_SECRET,
    );
    const database = databaseFailure(wrapped({ code: "3D000" }), URL_WITH_SECRET);
    for (const failure of [password, role, database]) expect(failure).toBeInstanceOf(ConfigError);
    expect((password as ConfigError).problems).toEqual([
      'DATABASE_URL: the Postgres server at db.example.org:6543 refused the password for user "bot". ' +
        "Check the user name and password in DATABASE_URL (special characters in them must be percent-encoded), " +
        "and that the server's pg_hba.conf lets this user in from here.",
    ]);
    expect(role?.message).toContain('refused user "bot": role "bot" does not exist. Check the user name');
    expect(database?.message).toContain(
      'database "freetobehome" does not exist on the Postgres server at db.example.org:6543. ' +
        'Check the database name at the end of DATABASE_URL, or create it (createdb "freetobehome").',
    );
  });

  it("never puts the password in a message", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "CONNECT_TIMEOUT", "28P01", "28000", "3D000"]) {
      expect(databaseFailure(wrapped({ code }), URL_WITH_SECRET)?.message).not.toContain("s3cret");
    }
  });

  it("leaves other errors, and the embedded database's, as they are", () => {
    expect(databaseFailure(wrapped({ code: "42P01" }), URL_WITH_SECRET)).toBeUndefined();
    expect(databaseFailure(new Error("a bug"), URL_WITH_SECRET)).toBeUndefined();
    expect(databaseFailure(wrapped({ code: "ECONNREFUSED" }), undefined)).toBeUndefined();
  });
});
