/**
 * Scheduling a spotlight from the calendar in Chromium: an editor finds the channel, opens its month,
 * schedules a spotlight with the form, sees it on its day, sees a community-wide one outrank it, and
 * cancels it; then a profile's previews drawn as each platform looks. Screenshots of the calendar and the
 * previews at desktop and phone width.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { type PanelWorld, startPanelWorld } from "../support/panel-world.ts";
import { launchChromium, noChromium, SCREENSHOTS, screenshots } from "./browser.ts";

describe.skipIf(noChromium)("spotlights in a browser", () => {
  let world: PanelWorld;
  let server: PanelServer;
  let browser: Browser;

  beforeAll(async () => {
    // Monday 7 December 2026; the sample's profiles verified long ago stay postable.
    [world, browser] = await Promise.all([
      startPanelWorld({ STALE_AFTER_DAYS: "36500" }, { now: "2026-12-07T10:00:00Z" }),
      launchChromium(),
    ]);
    server = await startPanelServer(world.deps, { host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  it("schedules a spotlight from the calendar, shows a conflict, and cancels it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("dialog", (d) => {
      scripts.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken("Editor Sevda", "editor")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);

    await page.getByRole("link", { name: "Spotlights" }).click();
    await page.getByLabel("Channel or community").fill("discord");
    await page.getByLabel("Channel or community").press("Enter");
    await page.getByRole("link", { name: "Calendar of this channel: discord:111:222" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Spotlights in discord:111:222");
    expect(await page.locator("table.calendar caption").textContent()).toContain("December 2026");

    await page.getByLabel("Profile (name or id)").fill("Narges Mohammadi");
    await page.getByLabel("Date", { exact: true }).fill("2026-12-18");
    await page.getByLabel("Time (optional: the channel's post time)").fill("10:30");
    await page.getByRole("button", { name: "Schedule" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Spotlight scheduled.");
    const day = page.locator("td", { hasText: "Friday, 18 December 2026" });
    expect(await day.getByRole("link", { name: "Narges Mohammadi" }).count()).toBe(1);
    expect(await day.textContent()).toContain("posts at 10:30 (Asia/Baku)");

    // The whole community's spotlight on the same date outranks the channel's own.
    await page.getByLabel("Profile (name or id)").fill("Ilham Tohti");
    await page.getByLabel("Date", { exact: true }).fill("2026-12-18");
    await page.getByLabel("Whole community").check();
    await page.getByRole("button", { name: "Schedule" }).click();
    expect(await day.textContent()).toContain(
      "Not posted here: the community-wide spotlight of Ilham Tohti outranks it on this date.",
    );
    await page.getByLabel("Profile (name or id)").fill("Omar Mohamed Ali");
    await page.getByLabel("Date", { exact: true }).fill("2026-12-24");
    await page.getByRole("button", { name: "Schedule" }).click();
    await screenshots(page, "spotlights-calendar");

    // A date already taken: said plainly, with the way back.
    await page.getByLabel("Profile (name or id)").fill("Khalil Matouk");
    await page.getByLabel("Date", { exact: true }).fill("2026-12-24");
    await page.getByRole("button", { name: "Schedule" }).click();
    expect(await page.getByRole("alert").textContent()).toContain(
      "already has a spotlight there: Omar Mohamed Ali",
    );
    await screenshots(page, "spotlights-taken");
    await page.getByRole("link", { name: "Back to the calendar" }).click();

    await page
      .getByRole("button", { name: "Cancel the spotlight of Narges Mohammadi on 18 December 2026" })
      .click();
    expect(await page.getByRole("status").textContent()).toContain("Spotlight cancelled.");
    expect(await day.getByRole("link", { name: "Narges Mohammadi" }).count()).toBe(0);

    await page.getByRole("link", { name: "Next month" }).click();
    await page.waitForURL(/month=2027-01/);
    expect(await page.getByText("No spotlight is scheduled in this month").count()).toBe(1);
    expect(scripts).toEqual([]);
    await context.close();
  });

  it("draws a profile's card as Discord, Slack and Telegram show it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken("Viewer Rauf", "viewer")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);
    await page.goto(`${server.url}/profiles/narges-mohammadi`);
    for (const summary of await page.locator("details.preview summary").all()) await summary.click();
    expect(await page.locator(".pv.discord .dc-embed .dc-field.inline").count()).toBeGreaterThan(0);
    expect(await page.locator(".pv.slack .sl-header").textContent()).toBe("Narges Mohammadi");
    expect(await page.locator(".pv.telegram .tg-bubble strong").first().textContent()).toBe(
      "Narges Mohammadi",
    );
    expect(await page.locator(".pv.telegram .tg-keyboard .tg-button").count()).toBeGreaterThan(0);
    await page.locator("h2", { hasText: "As each platform shows the daily post" }).scrollIntoViewIfNeeded();
    await screenshots(page, "profile-previews");
    // Each preview alone too, at desktop width, to look at closely.
    for (const platform of ["discord", "slack", "telegram"]) {
      await page.locator(`.pv.${platform}`).screenshot({ path: `${SCREENSHOTS}preview-${platform}.png` });
    }
    await context.close();
  });
});
