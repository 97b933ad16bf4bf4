/**
 * `freetobehome report` as an operator runs it while the bot owns the embedded database (the command goes
 * over the control socket): posts delivered by the real delivery pass on recording platforms, presses on
 * buttons through the dispatcher, and the report's figures checked against the ledger itself; CSV that
 * reads back field for field; bad dates refused before anything is opened.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef, communityRef, platformOf } from "../../../src/core/channel.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { holdFolderAsBot, runCliHere } from "../../support/cli-io.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const CAMPAIGN = "free-to-be-home-2016";
const CHANNELS = ["telegram:-1001", "telegram:-1002", "discord:11:21", "discord:11:22", "discord:12:31"];

let now = new Date("2026-11-23T12:00:00Z");
let app: App;
let dataDir: string;
let bot: Awaited<ReturnType<typeof holdFolderAsBot>>;
const telegram = createRecordingPlatform({ platform: "telegram" });
const discord = createRecordingPlatform({ platform: "discord", afterUncertainSend: "resend" });

/** An RFC 4180 reader, as a spreadsheet has: CRLF ends a record, quoted fields double their quotes. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  const fields = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/gy;
  let record: string[] = [];
  for (let match = fields.exec(text); match; match = fields.exec(text)) {
    const [, raw = "", end] = match;
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (end === "\r\n") {
      records.push(record);
      record = [];
    }
    if (fields.lastIndex === text.length) break;
  }
  expect(fields.lastIndex).toBe(text.length); // all of it read, the last record ended with CRLF
  return records;
}

const report = (...args: string[]) => runCliHere(["report", ...args], { env: { DATA_DIR: dataDir } });

/** `typed`: the same command typed, not a press. */
async function press(command: string, profileId: string, channel: string, typed = false) {
  const ref = channelRef(channel);
  return app.dispatch({
    command,
    text: profileId,
    platform: platformOf(ref),
    channel: ref,
    community: communityRef(channel.split(":").slice(0, 2).join(":")),
    caller: { id: "u1", isModerator: async () => false },
    ...(typed ? {} : { via: "button" as const }),
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "ftbh-report-"));
  const config = loadConfig({ LOG_LEVEL: "warn", DATA_DIR: dataDir });
  app = await createApp(config, {
    logger: createMemoryLogger(),
    clock: { now: () => now },
    database: await openPgliteTestDatabase(),
  });
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  for (const channel of CHANNELS) {
    await app.repositories.subscriptions.upsert({
      channel: channelRef(channel),
      community: communityRef(channel.split(":").slice(0, 2).join(":")),
      campaignId: CAMPAIGN,
      postTime: "09:00",
      timezone: "UTC",
      actor: "test",
      at: now,
    });
  }
  const delivery = app.delivery([telegram.adapter, discord.adapter]);
  for (const day of ["2026-11-24", "2026-11-25"]) {
    now = new Date(`${day}T09:00:30Z`);
    await delivery.runPass({ settleWithinMs: 5_000 });
  }
  bot = await holdFolderAsBot(app, dataDir);
});
afterAll(() => bot?.close());

describe("freetobehome report", () => {
  it("gives the ledger's posts and channels per profile, platform and day, and the presses per button", async () => {
    const sent = (await app.repositories.deliveries.list()).filter((r) => r.state === "sent");
    expect(sent).toHaveLength(CHANNELS.length * 2);
    expect(telegram.adapter && telegram.messages.length + discord.messages.length).toBe(sent.length);
    const featured = sent.find((r) => r.localDate === "2026-11-25")!.profileId!;
    for (const [command, channel] of [
      ["share", "telegram:-1001"],
      ["share", "telegram:-1002"],
      ["prisoner", "discord:11:21"],
    ] as const)
      expect((await press(command, featured, channel)).kind).not.toBe("text");
    // Not presses: a typed command, and a press on a name that is no one.
    expect((await press("share", featured, "telegram:-1001", true)).kind).toBe("share");
    await press("share", "nobody-at-all", "telegram:-1001");

    const result = await report("--from", "2026-11-24", "--to", "2026-11-25", "--csv");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [header, ...records] = readCsv(result.stdout);
    expect(header).toEqual([
      "day",
      "platform",
      "profile",
      "posts",
      "channels",
      "presses:prisoner",
      "presses:share",
    ]);

    // What the ledger says, counted here independently: posts and distinct channels per day, platform, profile.
    const expected = new Map<string, { posts: number; channels: Set<string> }>();
    for (const row of sent) {
      const key = [row.localDate, row.platform, row.profileId].join(",");
      const entry = expected.get(key) ?? { posts: 0, channels: new Set() };
      entry.posts++;
      entry.channels.add(row.channel);
      expected.set(key, entry);
    }
    const pressed = (day: string, platform: string, profile: string) =>
      day === "2026-11-25" && profile === featured
        ? platform === "telegram"
          ? ["0", "2"]
          : ["1", "0"]
        : ["0", "0"];
    expect(records).toEqual(
      [...expected.entries()]
        .map(([key, { posts, channels }]) => {
          const [day, platform, profile] = key.split(",") as [string, string, string];
          return [
            day,
            platform,
            profile,
            String(posts),
            String(channels.size),
            ...pressed(day, platform, profile),
          ];
        })
        .sort((a, b) => (a.join("|") < b.join("|") ? -1 : 1)),
    );
    // The sample's post of the 24th differs from the 25th's only by chance; the rows are by day, then profile.
    expect(records.map((r) => r[0])).toEqual([...records.map((r) => r[0]!)].sort());

    const table = await report("--from", "2026-11-24", "--to", "2026-11-25");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      "Posts delivered, channels reached and button presses, 2026-11-24 to 2026-11-25",
    );
    expect(table.stdout).toMatch(/\ntotal\s+10\s+5\s+1\s+2\n/);
  });

  it("writes a profile id with a comma or a quote so that it reads back the same", async () => {
    const odd = 'odd, "quoted"\r\nid';
    await app.repositories.presses.record({
      day: "2026-11-20",
      platform: "slack",
      profileId: odd,
      button: "share",
    });
    const result = await report("--from", "2026-11-20", "--to", "2026-11-20", "--csv");
    expect(result.code).toBe(0);
    expect(readCsv(result.stdout)).toEqual([
      ["day", "platform", "profile", "posts", "channels", "presses:share"],
      ["2026-11-20", "slack", odd, "0", "0", "1"],
    ]);
  });

  it("refuses a day that is not a date, does not exist, or comes after the last, saying which", async () => {
    const cases: Array<[string[], string]> = [
      [
        ["--from", "24/11/2026"],
        '--from must be a date written YYYY-MM-DD, such as 2026-11-24 (got "24/11/2026")',
      ],
      [["--to", "2026-02-30"], "--to names a day that does not exist: 2026-02-30"],
      [["--from", "2026-13-01"], "--from names a day that does not exist: 2026-13-01"],
      [["--from", "2026-11-25", "--to", "2026-11-24"], "--from 2026-11-25 is after --to 2026-11-24"],
    ];
    for (const [args, message] of cases) {
      const result = await report(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
  });

  it("refuses a profile or campaign it knows nothing of, and says so when a range is empty", async () => {
    expect((await report("--profile", "nobody-here")).stderr).toContain('No profile with id "nobody-here"');
    expect((await report("--campaign", "no-such-campaign")).stderr).toContain(
      'No campaign with id "no-such-campaign"',
    );
    const empty = await report("--from", "2026-01-01", "--to", "2026-01-31", "--profile", "ilgar-mammadov");
    expect(empty).toMatchObject({
      code: 0,
      stdout: "No post delivered and no button pressed, 2026-01-01 to 2026-01-31 (UTC days).\n",
    });
  });
});
