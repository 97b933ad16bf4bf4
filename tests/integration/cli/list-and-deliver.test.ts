/**
 * The list commands and a delivery pass, run in this process through runCommand against the real app on
 * PGlite with the sample campaign and a console subscription: `--json` is one document a script can
 * read (stable fields, ISO dates); the table is aligned; `deliver` shows posts sent of those due per
 * platform on a terminal, and nothing but its report when piped.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { botContext } from "../../../src/cli/context.ts";
import { runDeliver } from "../../../src/cli/deliver.ts";
import { loadConfig } from "../../../src/config.ts";
import { daysBetween } from "../../../src/core/partial-date.ts";
import { parseConsoleLine } from "../../../platforms/console/parse.ts";
import { type CapturedIo, captureIo, runCaptured, settled } from "../../fakes/captured-io.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const SUBSCRIBED_AT = new Date("2026-11-24T08:00:00Z");
const DUE = new Date("2026-11-24T09:00:30Z");

let app: App;
let now = SUBSCRIBED_AT;

beforeAll(async () => {
  app = await createApp(loadConfig({ LOG_LEVEL: "warn" }), {
    logger: createMemoryLogger(),
    clock: { now: () => now },
    database: await openPgliteTestDatabase(),
  });
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  const subscribe = parseConsoleLine("/subscribe 09:00 UTC");
  if (subscribe.kind !== "command") throw new Error("not a command");
  await app.dispatch(subscribe.invocation);
});
afterAll(() => app.close());

const run = (argv: string[], io?: CapturedIo) =>
  runCaptured((captured) => botContext(app, captured, () => []), argv, io);

describe("profiles list --json", () => {
  it("is one JSON array of every profile, with stable fields and machine-readable values", async () => {
    const result = await run(["profiles", "list", "--json"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const profiles = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(profiles).toHaveLength((await app.repositories.catalog.listProfiles()).length);
    const today = new Date().toISOString().slice(0, 10);
    expect(profiles.find((p) => p.id === "ilgar-mammadov")).toEqual({
      id: "ilgar-mammadov",
      name: "Ilgar Mammadov",
      campaign: "free-to-be-home-2016",
      historicalCampaign: true,
      status: "released",
      statusAsOf: "2020-04-23",
      lastVerifiedAt: "2020-04-23",
      verifiedDaysAgo: daysBetween("2020-04-23", today),
      visibility: "public",
      takedown: null,
    });
  });

  it("lists only the stale ones with `profiles stale --json`, and the table says the same", async () => {
    const stale = JSON.parse((await run(["profiles", "stale", "--json"])).stdout) as { id: string }[];
    expect(stale.length).toBeGreaterThan(0);
    const table = (await run(["profiles", "stale"])).stdout.split("\n");
    expect(table[0]).toMatch(/^\d+ profile\(s\) not verified within 90 days/);
    expect(table.slice(3, -1).map((line) => line.split(" ")[0])).toEqual(stale.map((p) => p.id));
  });
});

describe("subscriptions list", () => {
  it("is one JSON array with the post time, zone, state, next post as an ISO instant and the last result", async () => {
    const result = await run(["subscriptions", "list", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        channel: "console:local",
        campaign: "free-to-be-home-2016",
        postTime: "09:00",
        timezone: "UTC",
        state: "active",
        pausedReason: null,
        anniversaries: true,
        updates: true,
        nextPostAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT09:00:00\.000Z$/),
        lastResult: null,
      },
    ]);
  });

  it("is an aligned table: every column starts where its heading does", async () => {
    const [header, rule, row] = (await run(["subscriptions", "list"])).stdout.split("\n") as [
      string,
      string,
      string,
    ];
    expect(header).toMatch(/^channel +campaign +time +state +options +next post +last result$/);
    expect(rule).toMatch(/^-+( +-+){6}$/);
    expect(row).toContain("anniversaries on, updates on");
    for (const heading of ["campaign", "time", "state", "options", "next post", "last result"]) {
      const at = header.indexOf(heading);
      expect(row[at - 1], heading).toBe(" ");
      expect(row[at], heading).not.toBe(" ");
    }
  });
});

describe("deliver", () => {
  // The pass runs on the app's one clock: moved to when the subscription's post is due.
  beforeAll(() => {
    now = DUE;
  });
  it("shows posts sent of those due per platform on a terminal, then prints the report", async () => {
    const io = captureIo("/tmp", true);
    const code = await runDeliver(
      botContext(app, io, () => []),
      {},
    );
    await settled();
    expect(code).toBe(0);
    expect(io.err()).toContain("\rDelivering: console 0 of 1 sent\x1b[K");
    expect(io.err()).toContain("\rDelivering: console 1 of 1 sent\x1b[K");
    expect(io.err().endsWith("\r\x1b[K")).toBe(true); // erased before the report
    expect(io.out()).toContain("[console:local, scheduled post]");
    expect(io.out()).toMatch(/Delivery pass as of 2026-11-24T09:00:30\.\d+Z: 1 sent\.\n/);

    const again = await run(["subscriptions", "list", "--json"]);
    expect(JSON.parse(again.stdout)[0].lastResult).toEqual({
      localDate: "2026-11-24",
      state: "sent",
      detail: null,
      messageId: expect.stringMatching(/^console-\d+$/),
    });
  });

  it("writes nothing but its report when piped", async () => {
    const io = captureIo("/tmp", false);
    expect(
      await runDeliver(
        botContext(app, io, () => []),
        {},
      ),
    ).toBe(0);
    await settled();
    expect(io.err()).toBe("");
    expect(io.out()).toMatch(/^Delivery pass as of 2026-11-24T09:00:30\.\d+Z: /);
  });
});

it("exits 1 for refused input and 2 for a usage mistake", async () => {
  expect((await run(["profiles", "restore", "nobody"])).code).toBe(1);
  expect((await run(["profiles", "restore"])).code).toBe(2);
});
