/**
 * `import` when the database refuses a row half-way (a trigger added to this test database only), through
 * the command line on the real app on PGlite: nothing is written, and stderr gets one line naming the
 * statement, table, the database's message and SQLSTATE, never the statement's parameters (profile data).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type App, createApp } from "../../../src/app.ts";
import { botContext } from "../../../src/cli/context.ts";
import { loadConfig } from "../../../src/config.ts";
import { captureIo, runCaptured } from "../../fakes/captured-io.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { openPgliteTestDatabase, queryRows } from "../../support/test-database.ts";
import { tempFolder, validCampaign, validProfile } from "../../unit/catalog/fixtures.ts";

let app: App;
beforeAll(async () => {
  app = await createApp(loadConfig({}), {
    logger: createMemoryLogger(),
    database: await openPgliteTestDatabase(),
  });
  await app.database.db.execute(
    sql.raw(`
      create function refuse_two() returns trigger language plpgsql as $$
      begin
        if new.profile_id = 'two' then raise exception 'test refuses profile two''s sources'; end if;
        return new;
      end $$`),
  );
  await app.database.db.execute(
    sql.raw(
      "create trigger refuse_two before insert on profile_sources for each row execute function refuse_two()",
    ),
  );
});
afterAll(() => app.close());

describe("an import the database refuses half-way", () => {
  it("writes nothing and says what failed in one line, with no SQL parameters", async () => {
    const dir = await tempFolder({
      "a-campaign.yaml": stringify(validCampaign()),
      "b-one.yaml": stringify(validProfile({ id: "one" })),
      "c-two.yaml": stringify(validProfile({ id: "two" })),
      "d-three.yaml": stringify(validProfile({ id: "three" })),
    });
    const result = await runCaptured((io) => botContext(app, io, () => []), ["import", dir], captureIo(dir));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "freetobehome: the database refused a statement (insert on table profile_sources): test refuses " +
        "profile two's sources (SQLSTATE P0001)",
    ]);
    const [row] = await queryRows<{ profiles: number; sources: number; audit: number }>(
      app.database.db,
      sql`select (select count(*)::int from profiles) as profiles,
        (select count(*)::int from profile_sources) as sources, (select count(*)::int from audit_log) as audit`,
    );
    expect(row).toEqual({ profiles: 0, sources: 0, audit: 0 });
  });
});
