/**
 * `deliveries show <profile>` after a status change, through runCommand against the real app on PGlite:
 * an import records the release, the ledger's own steps edit the post and try to announce it (the chat
 * refused: the bot was removed), and the table and JSON say so, with the platform's reason.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { botContext } from "../../../src/cli/context.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { currentDetention } from "../../../src/core/profile.ts";
import { runCaptured } from "../../fakes/captured-io.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const NOW = new Date("2026-11-30T12:00:00Z");
const SENT = new Date("2026-11-24T09:00:05Z");
const PROFILE = "ilham-tohti";
const channel = channelRef("telegram:-1002");

let app: App;

beforeAll(async () => {
  app = await createApp(loadConfig({ LOG_LEVEL: "warn" }), {
    logger: createMemoryLogger(),
    clock: { now: () => NOW },
    database: await openPgliteTestDatabase(),
  });
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  await app.repositories.subscriptions.upsert({
    channel,
    community: communityRef("telegram:-1002"),
    campaignId: "free-to-be-home-2016",
    postTime: "09:00",
    timezone: "UTC",
    actor: "telegram:42",
    at: new Date("2026-11-23T00:00:00Z"),
  });
  const ledger = app.repositories.deliveries;
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
    messageId: "78",
    messageRef: { channelId: "-1002", messageId: "78" },
    sentAt: SENT,
  });
  // The curator imports the release; a pass's steps then edit the post and try to announce it.
  const stored = (await app.repositories.catalog.getProfile(PROFILE))!.profile;
  const current = currentDetention(stored);
  const detentions = stored.detentions.map((d) =>
    d === current
      ? {
          ...d,
          status: "released" as const,
          statusAsOf: "2026-11-29",
          release: { date: "2026-11-28", type: "pardon" as const },
        }
      : d,
  );
  await app.repositories.catalog.importBundle(
    { campaigns: [], profiles: [{ ...stored, detentions }] },
    "cli:curator",
  );
  const updates = app.repositories.statusUpdates;
  const since = new Date("2026-01-01T00:00:00Z");
  expect(await updates.enqueue({ now: NOW, editSince: since, announceSince: since })).toEqual({
    edits: 1,
    announcements: 1,
  });
  const claim = { platform: "telegram", now: NOW, limit: 10, leaseMs: 60_000, owner: "t" };
  const [edit] = await updates.claimEdits(claim);
  await updates.finishEdit(
    edit!.deliveryId,
    "t",
    { state: "edited", detail: "edited with the update line" },
    NOW,
  );
  const [announcement] = await updates.claimAnnouncements(claim);
  const detail = "403: Forbidden: bot was kicked from the supergroup chat";
  await updates.finishAnnouncement(announcement!.id, "t", { state: "failed", detail }, NOW);
});
afterAll(() => app.close());

const run = (argv: string[]) => runCaptured((captured) => botContext(app, captured, () => []), argv);

describe("deliveries show after a release", () => {
  it("shows the post as edited and the announcement as failed, with why", async () => {
    const table = await run(["deliveries", "show", PROFILE]);
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout).toMatch(
      /telegram:-1002\s+2026-11-24T09:00:05.000Z\s+78\s+edited 2026-11-30T12:00:00.000Z\s+-/,
    );
    expect(table.stdout).toContain("Release announcements, newest first:");
    expect(table.stdout).toMatch(
      /2026-11-28\s+telegram:-1002\s+failed 2026-11-30T12:00:00.000Z: 403: Forbidden: bot was kicked/,
    );
    const json = JSON.parse((await run(["deliveries", "show", PROFILE, "--json"])).stdout);
    expect(json).toMatchObject([
      { kind: "post", channel: "telegram:-1002", update: "edited", updateAttempts: 1 },
      {
        kind: "announcement",
        channel: "telegram:-1002",
        releaseDate: "2026-11-28",
        state: "failed",
        attempts: 1,
      },
    ]);
  });
});
