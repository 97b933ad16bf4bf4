/**
 * The panel's language picker in Chromium: a signed-in person picks فارسی, gets the same page in Persian,
 * right to left, and keeps it on the next page (the `lang` cookie); English brings the English page back.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { type PanelWorld, startPanelWorld } from "../support/panel-world.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

describe.skipIf(noChromium)("the staff panel's language picker in a browser", () => {
  let world: PanelWorld;
  let server: PanelServer;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startPanelWorld(), launchChromium()]);
    server = await startPanelServer(world.deps, { host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  it("switches to Persian with the picker, right to left, and back to English", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken("Shirin", "editor")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Today");

    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "فارسی" }).click();
    await page.waitForURL(`${server.url}/today`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("امروز");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("fa");
    expect(await page.getByRole("button", { name: "خروج" }).count()).toBe(1);
    await screenshots(page, "today-persian");

    // The choice is kept: the next page is Persian too.
    await page.getByRole("link", { name: "پرونده‌ها" }).click();
    await page.waitForURL(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("پرونده‌ها");

    await page.getByRole("navigation", { name: "زبان" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Profiles");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    await context.close();
  });
});
