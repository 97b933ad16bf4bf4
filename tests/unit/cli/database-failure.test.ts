/**
 * The command line's message when the Postgres server cannot be reached or refuses DATABASE_URL's login:
 * which server and why, never the password, and a configuration error when the URL itself is at fault.
 */
import { describe, expect, it } from "vitest";
import { databaseFailure } from "../../../src/cli/database-failure.ts";
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
      "Could not reach the Postgres server at db.example.org:6543 (DATABASE_URL): connection refused.",
    );
  });

  it("finds the code inside an aggregate of connection attempts, and defaults the port", () => {
    const attempts = new AggregateError([Object.assign(new Error("a"), { code: "ETIMEDOUT" })]);
    const failure = databaseFailure(attempts, "postgres://bot:pw@db.example.org/freetobehome");
    expect(failure?.message).toContain("db.example.org:5432 (DATABASE_URL): the connection timed out");
  });

  it("says no such host for a name that does not resolve", () => {
    expect(databaseFailure(wrapped({ code: "ENOTFOUND" }), URL_WITH_SECRET)?.message).toContain(
      ": no such host",
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
      'DATABASE_URL: the Postgres server at db.example.org:6543 refused the password for user "bot"',
    ]);
    expect(role?.message).toContain('refused user "bot": role "bot" does not exist');
    expect(database?.message).toContain('database "freetobehome" does not exist on the Postgres server');
  });

  it("never puts the password in a message", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "28P01", "28000", "3D000"]) {
      expect(databaseFailure(wrapped({ code }), URL_WITH_SECRET)?.message).not.toContain("s3cret");
    }
  });

  it("leaves other errors, and the embedded database's, as they are", () => {
    expect(databaseFailure(wrapped({ code: "42P01" }), URL_WITH_SECRET)).toBeUndefined();
    expect(databaseFailure(new Error("a bug"), URL_WITH_SECRET)).toBeUndefined();
    expect(databaseFailure(wrapped({ code: "ECONNREFUSED" }), undefined)).toBeUndefined();
  });
});
