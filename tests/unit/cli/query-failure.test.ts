/**
 * What a command says when the database refuses a statement: one line (statement kind, table, the
 * database's message and SQLSTATE), never the SQL parameters; the rest goes to the debug log, redacted.
 */
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import type { CliContext, CliIo } from "../../../src/cli/context.ts";
import { queryFailure, statementOf } from "../../../src/cli/query-failure.ts";
import { captureIo, contextWithoutApp, runCaptured } from "../../fakes/captured-io.ts";

const PROFILE_DATA = "https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/";

/** A failed insert as drizzle throws it: its own error, the SQL and parameters, the driver's as cause. */
function failedInsert(): DrizzleQueryError {
  const driver = Object.assign(new Error("value too long for type character varying(200)"), {
    code: "22001",
    detail: `Failing row contains (ilgar-mammadov, 0, ${PROFILE_DATA}).`,
    where: "SQL statement in trigger",
  });
  const query =
    'insert into "profile_sources" ("profile_id", "position", "url") values ($1, $2, $3), ($4, $5, $6)';
  return new DrizzleQueryError(query, ["ilgar-mammadov", 0, PROFILE_DATA, "other", 1, PROFILE_DATA], driver);
}

describe("statementOf", () => {
  it("reads the kind of statement and its table from drizzle's SQL", () => {
    expect(statementOf('insert into "profile_sources" ("a") values ($1)')).toEqual({
      kind: "insert",
      table: "profile_sources",
    });
    expect(statementOf('update "profiles" set "a" = $1')).toEqual({ kind: "update", table: "profiles" });
    expect(statementOf('delete from "profile_names" where "profile_id" in ($1)')).toEqual({
      kind: "delete",
      table: "profile_names",
    });
    expect(statementOf('select "id", "seq" from "profiles" where "id" in ($1)')).toEqual({
      kind: "select",
      table: "profiles",
    });
    expect(statementOf("with v as (select 1) select * from v")).toEqual({ kind: "with" });
  });
});

describe("queryFailure", () => {
  it("is one line with the statement, table, the database's message and SQLSTATE, and no parameter", () => {
    const failure = queryFailure(failedInsert());
    expect(failure?.line).toBe(
      "the database refused a statement (insert on table profile_sources): value too long for type " +
        "character varying(200) (SQLSTATE 22001)",
    );
  });

  it("keeps the SQL for the debug log, counts the parameters instead of writing them", () => {
    const detail = queryFailure(failedInsert())?.detail;
    expect(detail).toMatchObject({
      statement: "insert",
      table: "profile_sources",
      code: "22001",
      params: "[redacted: 6 parameters]",
      where: "SQL statement in trigger",
    });
    expect(JSON.stringify(detail)).not.toContain(PROFILE_DATA);
    expect(JSON.stringify(detail)).not.toContain("ilgar-mammadov");
  });

  it("is undefined for an error that is not a failed statement", () => {
    expect(queryFailure(new Error("something else"))).toBeUndefined();
  });
});

describe("a command whose statement the database refuses", () => {
  it("prints one line, exit 1, with no SQL parameters or profile data", async () => {
    const io = captureIo("/tmp");
    const context = (captured: CliIo): CliContext => ({
      ...contextWithoutApp(captured),
      withApp: () => Promise.reject(failedInsert()),
    });
    const result = await runCaptured(context, ["profiles", "list"], io);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("insert on table profile_sources");
    expect(result.stderr).toContain("(SQLSTATE 22001)");
    expect(result.stderr).not.toContain(PROFILE_DATA);
    expect(result.stderr).not.toContain("$1");
  });
});
