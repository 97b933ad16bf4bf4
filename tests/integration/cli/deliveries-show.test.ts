/**
 * `deliveries show <profile>` through runCommand against the real app on PGlite: a profile's delivered
 * posts with their retraction state after a takedown, as a table and as one JSON document; an unknown
 * profile is refused by name.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { botContext } from "../../../src/cli/context.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef } from "../../../src/core/channel.ts";
import { runCaptured } from "../../fakes/captured-io.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const NOW = new Date("2026-11-24T12:00:00Z");
const SENT = new Date("2026-11-24T09:00:05Z");
const PROFILE = "ilgar-mammadov";

let app: App;

beforeAll(async () => {
  app = await createApp(loadConfig({ LOG_LEVEL: "warn" }), {
    logger: createMemoryLogger(),
    clock: { now: () => NOW },
    database: await openPgliteTestDatabase(),
  });
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  // One post of the profile sent to a Telegram group, through the ledger's own steps.
  const ledger = app.repositories.deliveries;
  const channel = channelRef("telegram:-1001");
  const due = { channel, localDate: "2026-11-24", platform: "telegram", campaignId: "free-to-be-home-2016" };
  await ledger.recordPlan([{ ...due, timezone: "UTC", dueAt: SENT, state: "pending" }], []);
  const [row] = await ledger.claim({
    platform: "telegram",
    now: SENT,
    limit: 1,
    leaseMs: 60_000,
    owner: "t",
  });
  await ledger.markSending(row!.id, "t", { startedAt: SENT, leaseUntil: NOW });
  await ledger.finish(row!.id, "t", {
    state: "sent",
    profileId: PROFILE,
    messageId: "77",
    messageRef: { channelId: "-1001", messageId: "77" },
    sentAt: SENT,
  });
});
afterAll(() => app.close());

const run = (argv: string[]) => runCaptured((captured) => botContext(app, captured, () => []), argv);

describe("deliveries show", () => {
  it("lists the profile's posts; after a takedown each is owed a retraction, and the takedown says so", async () => {
    expect((await run(["deliveries", "show", PROFILE])).stdout).toContain("2026-11-24  telegram:-1001");
    const takedown = await run(["profiles", "takedown", PROFILE, "--reason", "consent withdrawn"]);
    expect(takedown.stdout).toContain("1 post already delivered will be withdrawn by the next delivery pass");
    const table = await run(["deliveries", "show", PROFILE]);
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout).toMatch(
      /telegram:-1001\s+2026-11-24T09:00:05.000Z\s+77\s+-\s+pending \(0 attempts\)/,
    );
    const json = JSON.parse((await run(["deliveries", "show", PROFILE, "--json"])).stdout);
    expect(json).toEqual([
      {
        kind: "post",
        localDate: "2026-11-24",
        channel: "telegram:-1001",
        sentAt: SENT.toISOString(),
        messageId: "77",
        update: null,
        updateAttempts: 0,
        updateDetail: null,
        updatedAt: null,
        retraction: "pending",
        retractionRequestedAt: NOW.toISOString(),
        retractionAttempts: 0,
        retractionDetail: null,
        retractedAt: null,
      },
    ]);
  });

  it("refuses a profile that does not exist", async () => {
    const result = await run(["deliveries", "show", "nobody-here"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('No profile with id "nobody-here"');
  });
});
