/**
 * The staff panel in Chromium, served over HTTP from the real composition root: signing in with a link,
 * each page (screenshots at desktop and phone width), a viewer refused a change, a change without the
 * CSRF token refused, an editor's takedown reaching /prisoner, and markup in profile text shown inert.
 * One app and one browser for the file.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { MARKUP, MARKUP_ID, type PanelWorld, startPanelWorld } from "../support/panel-world.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

describe.skipIf(noChromium)("the staff panel in a browser", () => {
  let world: PanelWorld;
  let server: PanelServer;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    [world, browser] = await Promise.all([startPanelWorld(), launchChromium()]);
    server = await startPanelServer(world.deps, { host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  /** A new browser profile signed in as a person with a role, through the link's page and its button. */
  async function signedIn(
    name: string,
    role: "viewer" | "editor" | "admin",
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken(name, role)}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);
    return { context, page };
  }

  it("signs in with a link, once, and shows every page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await screenshots(page, "sign-in-required");

    const token = await world.linkToken("Aysel", "admin");
    await page.goto(`${server.url}/sign-in?token=${token}`);
    await screenshots(page, "sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back to the page asked for before signing in.
    await page.waitForURL(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Profiles");
    await page.getByRole("link", { name: "Today" }).click();
    await page.waitForURL(`${server.url}/today`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Today");
    expect(await page.getByText("Spotlight").count()).toBeGreaterThan(0);
    await screenshots(page, "today");

    await page.getByRole("link", { name: "Profiles" }).click();
    await page.getByLabel("Name").fill("Məmmədov");
    await page.getByLabel("Name").press("Enter");
    await page.waitForURL(/q=/);
    expect(await page.getByRole("link", { name: "Ilgar Mammadov" }).count()).toBe(1);
    await page.goto(`${server.url}/profiles`);
    await screenshots(page, "profiles");
    await page.getByRole("link", { name: "Ilgar Mammadov" }).click();
    await page.getByRole("heading", { name: "Family and consent" }).waitFor();
    expect(await page.getByRole("heading", { name: "Family and consent" }).count()).toBe(1);
    for (const platform of ["Discord (embed)", "Slack (blocks)", "Telegram (message)", "Console"]) {
      expect(await page.getByText(platform, { exact: true }).count()).toBe(1);
    }
    // Each preview opens from the keyboard (a <details>, no script).
    await page.getByText("Discord (embed)", { exact: true }).focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("details.preview").first().getAttribute("open")).not.toBeNull();
    await screenshots(page, "profile");

    await page.getByRole("link", { name: "Channels" }).click();
    await page.getByText("the bot was removed from the chat").waitFor();
    expect(await page.getByText("the bot was removed from the chat").count()).toBe(1);
    await screenshots(page, "channels");
    await page.getByRole("button", { name: "Pause discord:111:222" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Paused");
    await page.getByRole("button", { name: "Resume discord:111:222" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Resumed");

    await page.getByRole("link", { name: "People" }).click();
    await screenshots(page, "people");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signed-out/);
    await page.goto(`${server.url}/today`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");

    // The link was used: a second sign-in with it is refused.
    await page.goto(`${server.url}/sign-in?token=${token}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("used already");
    await context.close();
  });

  it("refuses a viewer's change: no form to make it, and a forced request gets 403", async () => {
    const { context, page } = await signedIn("Rashad", "viewer");
    await page.goto(`${server.url}/profiles/ilgar-mammadov`);
    expect(await page.getByRole("button", { name: "Take down now" }).count()).toBe(0);
    expect(await page.getByText("Your role (viewer) reads only.").count()).toBe(1);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const forced = await context.request.post(`${server.url}/profiles/ilgar-mammadov/takedown`, {
      form: { reason: "viewer tries", _csrf: csrf },
      maxRedirects: 0,
    });
    expect(forced.status()).toBe(403);
    expect(await page.goto(`${server.url}/people`).then((r) => r?.status())).toBe(403);
    await screenshots(page, "viewer-refused");
    expect((await world.prisoner("Ilgar Mammadov")).kind).toBe("card");
    await context.close();
  });

  it("refuses a change without a valid CSRF token (403), as a page from another site would send it", async () => {
    const { context } = await signedIn("Leyla", "editor");
    const forged = await context.request.post(`${server.url}/profiles/ilgar-mammadov/takedown`, {
      form: { reason: "forged" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("CSRF");
    expect((await world.prisoner("Ilgar Mammadov")).kind).toBe("card");
    await context.close();
  });

  it("takes a profile down with a reason, and /prisoner no longer shows it; restore brings it back", async () => {
    const { context, page } = await signedIn("Editor Nigar", "editor");
    expect((await world.prisoner("Bekele Gerba")).kind).toBe("card");
    await page.goto(`${server.url}/profiles/bekele-gerba`);
    await page.getByLabel("Reason (kept in the audit log)").fill("family asked us to pause");
    await page.getByRole("button", { name: "Take down now" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Taken down");
    expect(await page.getByText("family asked us to pause").count()).toBeGreaterThan(0);
    expect((await world.prisoner("Bekele Gerba")).kind).not.toBe("card");
    await screenshots(page, "taken-down");
    await page.getByRole("button", { name: "Restore" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Restored");
    expect((await world.prisoner("Bekele Gerba")).kind).toBe("card");
    await context.close();
  });

  it("shows markup in profile text as text: no script runs, no element is made", async () => {
    const { context, page } = await signedIn("Escaper", "viewer");
    await page.goto(`${server.url}/profiles/${MARKUP_ID}`);
    // The name is the title, as text: had the script run, the title would be just "owned".
    expect(await page.title()).toBe(`Test ${MARKUP} · FreeToBeHome staff`);
    expect(await page.locator("main script, main img").count()).toBe(0);
    expect(
      await page.getByText('<script>document.title="owned"</script>', { exact: false }).count(),
    ).toBeGreaterThan(0);
    await page.goto(`${server.url}/profiles?q=Markup`);
    expect(await page.locator("main script, main img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshots(page, "markup-inert");
    await context.close();
  });

  it("works from the keyboard: skip link, then the sections in order", async () => {
    const { context, page } = await signedIn("Keys", "viewer");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Today");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/profiles`);
    await context.close();
  });
});
