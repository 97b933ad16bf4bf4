/**
 * The app's metrics as an operator meets them: the real composition root (createApp) on a migrated
 * PGlite, its dispatcher fed whatever users type, a delivery pass, and /metrics read over HTTP.
 */
import { fileURLToPath } from "node:url";
import { createRandom, type Random } from "../../../bench/random.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../../src/config.ts";
import { channelRef, communityRef, PLATFORMS, type Platform } from "../../../src/core/channel.ts";
import { COMMAND_OUTCOMES } from "../../../src/dispatch.ts";
import { startOpsServer } from "../../../src/ops/http-server.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { labelValuesIn } from "../../support/metrics.ts";
import { openPgliteTestDatabase, truncateAll } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const CAMPAIGN = "free-to-be-home-2016";

let app: App;
let now = new Date("2026-11-24T08:00:00Z");
const clock = { now: () => now };

beforeAll(async () => {
  const database = await openPgliteTestDatabase();
  app = await createApp(loadConfig({}), { logger: createMemoryLogger(), clock, database });
});
beforeEach(async () => {
  await truncateAll(app.database.db);
  const read = await readImportFiles([SAMPLE]);
  await app.repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  app.metrics.registry.resetMetrics();
  now = new Date("2026-11-24T08:00:00Z");
});
afterAll(() => app?.close());

function invocation(command: string, platform: Platform = "console") {
  return {
    command,
    text: "",
    platform,
    channel: channelRef("console:room"),
    community: communityRef("console:community"),
    caller: { id: "user-1", isModerator: async () => false },
  };
}

/** UTF-16 code units to draw from: controls, ASCII, accents, Cyrillic, Arabic, CJK, fullwidth, surrogates. */
const UNIT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f],
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x300, 0x36f],
  [0xc0, 0x4ff],
  [0x600, 0x6ff],
  [0x4e00, 0x9fff],
  [0xff01, 0xff5e],
  [0xd800, 0xdfff],
];
/** Names that break code using a plain object as a map, and look-alikes of real commands. */
const NASTY = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  'a"b\\c\nd',
  "ｈｅｌｐ",
  "he\u0301lp",
  "😀",
  "",
];

/** What users might type as a command name: seeded, so a failure replays. */
function randomCommandNames(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    if (random.chance(0.05)) return random.pick(NASTY);
    let name = "";
    for (let i = random.int(17); i > 0; i--) {
      if (random.chance(0.1))
        name += String.fromCodePoint(0x1f300 + random.int(0x800)); // emoji, astral
      else {
        const [low, high] = random.pick(UNIT_RANGES);
        name += String.fromCharCode(low + random.int(high - low + 1));
      }
    }
    return name;
  });
}

describe("command metrics", () => {
  it("labels 1,000 random command names as one value, unknown", async () => {
    const names = randomCommandNames(createRandom(14), 1_000);
    const registryNames = new Set(app.commands.map((c) => c.name));
    const typos = names.filter((n) => !registryNames.has(n.toLowerCase()));
    expect(names).toHaveLength(1_000);
    expect(new Set(typos).size).toBeGreaterThan(500); // mostly distinct names, each a label before

    const before = labelValuesIn(await app.metrics.registry.metrics(), "command");
    for (const name of names) await app.dispatch(invocation(name));
    // A platform name no adapter has (it would come from a bug, never from a user) is not a label either.
    await app.dispatch(invocation("__proto__", "__proto__" as Platform));
    const text = await app.metrics.registry.metrics();

    const added = [...labelValuesIn(text, "command")].filter((v) => !before.has(v) && !registryNames.has(v));
    expect(added).toEqual(["unknown"]);
    const unknownLine =
      /^freetobehome_commands_total\{command="unknown",platform="console",outcome="user_error"\} (\d+)$/m;
    expect(Number(unknownLine.exec(text)?.[1])).toBe(typos.length);
    expect([...labelValuesIn(text, "platform")].filter((v) => !PLATFORMS.includes(v as Platform))).toEqual([
      "unknown",
    ]);
    expect(
      [...labelValuesIn(text, "outcome")].every((v) => (COMMAND_OUTCOMES as readonly string[]).includes(v)),
    ).toBe(true);
  });

  it("labels a command typed in another case with its registry name", async () => {
    await app.dispatch(invocation("HELP"));
    const text = await app.metrics.registry.metrics();
    expect(text).toMatch(
      /^freetobehome_commands_total\{command="help",platform="console",outcome="ok"\} 1$/m,
    );
    expect(labelValuesIn(text, "command")).toEqual(new Set(["help"]));
  });
});

describe("GET /metrics", () => {
  it("serves the delivery series with their help text after a pass", async () => {
    const telegram = createRecordingPlatform();
    const subscribe = (chat: string) =>
      app.repositories.subscriptions.upsert({
        channel: channelRef(chat),
        community: communityRef(chat),
        campaignId: CAMPAIGN,
        postTime: "09:00",
        timezone: "UTC",
        actor: "mod",
        at: now,
      });
    await subscribe("telegram:-1001");
    await subscribe("telegram:-1002");
    telegram.script(channelRef("telegram:-1002"), { kind: "permanent", reason: "bot was kicked" });
    // The app's own metrics reach the delivery service the way `start` builds it: `app.delivery(adapters)`.
    const delivery = app.delivery([telegram.adapter]);
    now = new Date("2026-11-24T09:00:10Z");
    await delivery.runPass();
    await app.dispatch(invocation("subscribee"));

    const ops = await startOpsServer({ port: 0, registry: app.metrics.registry, healthy: async () => true });
    try {
      const answer = await fetch(`http://127.0.0.1:${ops.port}/metrics`);
      expect(answer.status).toBe(200);
      const text = await answer.text();
      for (const [name, type] of [
        ["freetobehome_posts_total", "counter"],
        ["freetobehome_delivery_pass_seconds", "histogram"],
        ["freetobehome_post_lateness_seconds", "histogram"],
        ["freetobehome_paused_subscriptions", "gauge"],
        ["freetobehome_commands_total", "counter"],
      ] as const) {
        expect(text).toMatch(new RegExp(`^# HELP ${name} \\S.{20,}$`, "m"));
        expect(text).toContain(`# TYPE ${name} ${type}\n`);
      }
      expect(text).toMatch(/^# HELP freetobehome_posts_total .*retracted/m);
      expect(text).toContain('freetobehome_posts_total{platform="telegram",outcome="sent"} 1\n');
      expect(text).toContain('freetobehome_posts_total{platform="telegram",outcome="paused"} 1\n');
      expect(text).toContain('freetobehome_post_lateness_seconds_count{platform="telegram"} 1\n');
      expect(text).toContain('freetobehome_post_lateness_seconds_bucket{le="5",platform="telegram"} 0\n');
      expect(text).toContain('freetobehome_post_lateness_seconds_bucket{le="15",platform="telegram"} 1\n');
      expect(text).toContain("freetobehome_delivery_pass_seconds_count 1\n");
      expect(text).toContain("freetobehome_paused_subscriptions 1\n");
      expect(text).toContain(
        'freetobehome_commands_total{command="unknown",platform="console",outcome="user_error"} 1\n',
      );
    } finally {
      await ops.close();
    }
  });
});
