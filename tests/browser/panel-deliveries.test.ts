/**
 * The Deliveries page in Chromium after real delivery passes: the charts drawn by uPlot (canvas with ink
 * on it, a legend naming each platform) under the panel's CSP, the log's filters used from the form, and
 * the CSV link downloading the rows shown. Screenshots at desktop and phone width.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../src/core/channel.ts";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { createRecordingPlatform } from "../fakes/recording-platform.ts";
import { type PanelWorld, startPanelWorld } from "../support/panel-world.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

const GUILD = "123456789012345678";
const DISCORD = channelRef(`discord:${GUILD}:223456789012345678`);
/** The three days before today (UTC): the passes run then; the browser then signs in on today's clock,
 * since its cookie's expiry is the app's clock's. */
const DAYS = [3, 2, 1].map((back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10));

describe.skipIf(noChromium)("the Deliveries page in a browser", () => {
  let world: PanelWorld;
  let server: PanelServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [world, browser] = await Promise.all([
      startPanelWorld({}, { now: `${DAYS[0]}T00:00:00Z` }),
      launchChromium(),
    ]);
    await world.app.repositories.subscriptions.upsert({
      channel: DISCORD,
      community: communityRef(`discord:${GUILD}`),
      campaignId: "free-to-be-home-2016",
      postTime: "10:00",
      timezone: "UTC",
      actor: "test",
      at: new Date(`${DAYS[0]}T00:00:00Z`),
    });
    const discord = createRecordingPlatform({ platform: "discord" });
    const telegram = createRecordingPlatform({ platform: "telegram" });
    const delivery = world.app.delivery([discord.adapter, telegram.adapter]);
    for (const day of DAYS) {
      world.setNow(`${day}T10:03:00Z`);
      await delivery.runPass();
    }
    world.setNow(new Date().toISOString());
    server = await startPanelServer(world.deps, { host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  it("draws the charts after a delivery pass, and filters the log from its form", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // Every script and stylesheet loads (the CSP lets the panel's own through); the browser's own
    // favicon request is the only one the panel does not answer.
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken("Chart reader", "viewer")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);
    await page.getByRole("link", { name: "Deliveries" }).click();
    await page.waitForURL(`${server.url}/deliveries`);

    const chart = page.locator("#chart-platforms");
    await chart.locator("canvas").waitFor();
    expect(await chart.getAttribute("data-drawn")).toBe("true");
    // The canvas has ink on it: some pixel is not blank.
    const inked = await chart.locator("canvas").evaluate((element) => {
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(kind: "2d"): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
      return false;
    });
    expect(inked).toBe(true);
    expect(await chart.locator(".u-legend").textContent()).toContain("Discord");
    expect(await page.locator("#chart-lateness canvas").count()).toBe(1);
    expect(errors).toEqual([]);
    await screenshots(page, "deliveries");

    await page.locator('select[name="platform"]').selectOption("discord");
    await page.locator('select[name="state"]').selectOption("sent");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/platform=discord/);
    const rows = page.locator("tbody tr").filter({ hasText: DISCORD });
    expect(await rows.count()).toBe(3);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download these posts as CSV" }).click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString("utf8").split("\r\n").filter(Boolean);
    expect(lines.slice(1).every((l) => l.includes(",discord,") && l.includes(",sent,"))).toBe(true);
    expect(lines.filter((l) => l.includes(DISCORD))).toHaveLength(3);
    await context.close();
  }, 60_000);
});
