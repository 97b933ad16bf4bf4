/**
 * The panel's Deliveries page over HTTP, after real delivery passes on the app's own clock: the log with
 * each post's outcome, a link to the message where the platform has one, filters (and a clear sentence for a
 * bad one), paging, the CSV of the same rows, and the figures the charts draw.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { createPanelApp } from "../../../src/panel/app.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

const GUILD = "123456789012345678";
const DISCORD = channelRef(`discord:${GUILD}:223456789012345678`);
const TELEGRAM = channelRef("telegram:-1009876543210");
const CAMPAIGN = "free-to-be-home-2016";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;
let cookie = "";

beforeAll(async () => {
  world = await startPanelWorld({}, { now: "2026-12-05T00:00:00Z" });
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.40" });
  const { subscriptions } = world.app.repositories;
  for (const [channel, community] of [
    [DISCORD, `discord:${GUILD}`],
    [TELEGRAM, "telegram:-1009876543210"],
  ] as const) {
    await subscriptions.upsert({
      channel,
      community: communityRef(community),
      campaignId: CAMPAIGN,
      postTime: "10:00",
      timezone: "UTC",
      actor: "test",
      at: new Date("2026-12-05T00:00:00Z"),
    });
  }
  const discord = createRecordingPlatform({ platform: "discord" });
  const telegram = createRecordingPlatform({ platform: "telegram" });
  // The seeded channels (tests/support/panel-world.ts) post too; only these two answer with a message ref.
  discord.script(DISCORD, {
    kind: "sent",
    messageId: "323456789012345678",
    messageRef: { channelId: "223456789012345678", messageId: "323456789012345678" },
  });
  telegram.script(TELEGRAM, { kind: "permanent", reason: "Forbidden: bot was kicked from the chat" });
  const delivery = world.app.delivery([discord.adapter, telegram.adapter]);
  world.setNow("2026-12-05T10:00:05Z");
  const first = countByKind(await delivery.runPass());
  expect(first.sent).toBeGreaterThanOrEqual(1);
  world.setNow("2026-12-06T10:00:05Z");
  await delivery.runPass();

  const token = await world.linkToken("Viewer of deliveries", "viewer");
  const res = await panel.request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({ token }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
});
afterAll(() => world.close());

/** The table's rows, each as its HTML. */
const rowsOf = (page: string) =>
  [...page.matchAll(/<tr>\s*<td data-label="Date">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
const get = (path: string) => panel.request(path, { headers: { cookie } });
const text = async (path: string) => (await get(path)).text();

describe("the Deliveries page", () => {
  it("lists each post with its outcome, newest day first, linking a Discord message where it landed", async () => {
    const page = await text("/deliveries?platform=discord");
    expect(page).toContain('aria-current="page">Deliveries');
    const mine = rowsOf(page).filter((r) => r.includes(DISCORD));
    expect(mine.map((r) => /data-label="Date">(\d{4}-\d{2}-\d{2})/.exec(r)?.[1])).toEqual([
      "2026-12-06",
      "2026-12-05",
    ]);
    expect(mine.every((r) => r.includes('class="badge sent">sent'))).toBe(true);
    expect(page).toContain(`https://discord.com/channels/${GUILD}/223456789012345678/323456789012345678`);
    expect(page).not.toContain("telegram:-1009876543210");
  });

  it("shows a refused post with the platform's reason, and filters by outcome", async () => {
    const failed = await text("/deliveries?state=paused");
    expect(failed).toContain("telegram:-1009876543210");
    expect(failed).toContain("Forbidden: bot was kicked from the chat");
    expect(failed).not.toContain(DISCORD);
    const sent = await text("/deliveries?state=sent&platform=telegram");
    expect(sent).toContain("No post matches.");
  });

  it("says which filter it left out and why, and still shows the page", async () => {
    const res = await get("/deliveries?from=2026-02-30&platform=myspace&to=2026-12-05");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("“2026-02-30” is not a date: use YYYY-MM-DD");
    expect(page).toContain("“myspace” is not one of the choices");
    // The good filter still applies: only the 5th's posts.
    const dates = new Set(rowsOf(page).map((r) => /data-label="Date">(\d{4}-\d{2}-\d{2})/.exec(r)?.[1]));
    expect([...dates]).toEqual(["2026-12-05"]);
    const reversed = await text("/deliveries?from=2026-12-06&to=2026-12-05");
    expect(reversed).toContain("The start date (2026-12-06) is after the end date (2026-12-05)");
  });

  it("exports the same rows as CSV, quoted where a field needs it", async () => {
    const res = await get("/deliveries.csv?state=paused");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="deliveries-2026-12-06\.csv"/,
    );
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^local_date,due_at_utc,sent_at_utc,channel,platform,/);
    const telegramRows = lines.filter((l) => l.includes("telegram:-1009876543210"));
    expect(telegramRows).toHaveLength(1);
    expect(telegramRows[0]).toContain(",paused,Forbidden: bot was kicked from the chat,");
    const missed = (await text("/deliveries.csv?state=missed")).split("\r\n").filter(Boolean).slice(1);
    // "…; more than CATCH_UP_HOURS (6) ago" holds no comma or quote, but its row's detail is quoted when it does.
    expect(missed.length).toBeGreaterThan(0);
    const all = (await text("/deliveries.csv")).split("\r\n").filter(Boolean);
    const shown = await text("/deliveries");
    const total = /Page 1 of 1 · (\d+) posts/.exec(shown)?.[1];
    expect(all.length - 1).toBe(Number(total));
  });

  it("draws the last 30 days from the ledger's own counts", async () => {
    const page = await text("/deliveries");
    const json = /<script type="application\/json" id="delivery-figures">([^<]*)<\/script>/.exec(page)?.[1];
    const figures = JSON.parse(json ?? "{}") as {
      days: string[];
      platforms: Array<{ label: string; values: number[] }>;
      outcomes: Array<{ label: string; values: number[] }>;
    };
    expect(figures.days).toHaveLength(30);
    expect(figures.days.at(-1)).toBe("2026-12-06");
    const ledger = await world.app.repositories.deliveries.list();
    const discordOn5th = ledger.filter(
      (r) => r.platform === "discord" && r.localDate === "2026-12-05",
    ).length;
    const discord = figures.platforms.find((s) => s.label === "Discord")!;
    expect(discord.values.at(-2)).toBe(discordOn5th);
    for (const state of ["sent", "paused", "missed"]) {
      const series = figures.outcomes.find((s) => s.label === state)!;
      expect(
        series.values.reduce((a, b) => a + b, 0),
        state,
      ).toBe(ledger.filter((r) => r.state === state).length);
    }
    expect(page).toContain('<script src="/assets/uplot.js"></script>');
    const script = await get("/assets/uplot.js");
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.text()).length).toBeGreaterThan(10_000);
  });

  it("shows each subscription's options on the Channels page", async () => {
    await world.app.repositories.subscriptions.upsert({
      channel: TELEGRAM,
      community: communityRef("telegram:-1009876543210"),
      campaignId: CAMPAIGN,
      postTime: "10:00",
      timezone: "UTC",
      actor: "test",
      anniversaries: false,
      updates: false,
    });
    const page = await text("/channels");
    const rowOf = (channel: string) =>
      [...page.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((r) => r.includes(channel)) ?? "";
    expect(rowOf(TELEGRAM)).toContain("anniversaries off · release announcements off");
    expect(rowOf(DISCORD)).toContain("anniversaries on · release announcements on");
  });

  it("asks for a session like every page", async () => {
    expect((await panel.request("/deliveries")).status).toBe(401);
    expect((await panel.request("/deliveries.csv")).status).toBe(401);
  });
});
