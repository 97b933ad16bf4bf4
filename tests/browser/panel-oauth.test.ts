/**
 * Signing in to the staff panel with Discord in Chromium: the sign-in page offers it (screenshots at
 * desktop and phone width), the fake Discord's consent page is approved with its Authorize button, and
 * the person lands on the page they first asked for.
 */
import { createServer } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { Permission } from "../fakes/discord/index.ts";
import { type OAuthWorld, startOAuthWorld } from "../support/panel-oauth-world.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

/** A free port, so the address the platforms send people back to is known before the panel listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe.skipIf(noChromium)("signing in to the panel with Discord, in a browser", () => {
  let o: OAuthWorld;
  let server: PanelServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    [o, browser] = await Promise.all([
      startOAuthWorld({ publicUrl: `http://127.0.0.1:${port}` }),
      launchChromium(),
    ]);
    server = await startPanelServer(o.world.deps, { host: "127.0.0.1", port });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await o?.close();
  });

  it("offers Discord and Slack on the sign-in page and signs a server manager in through Discord", async () => {
    const guild = o.discord.state.guilds.find((g) => g.id === o.guildId)!;
    o.discord.signInAs(o.discord.addMember(guild, "nigar", Permission.ManageGuild));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    expect(await page.getByRole("link", { name: "Sign in with Slack" }).count()).toBe(1);
    await screenshots(page, "sign-in-oauth");

    await page.getByRole("link", { name: "Sign in with Discord" }).click();
    await page.getByRole("button", { name: "Authorize" }).click();
    await page.waitForURL(`${server.url}/profiles`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Profiles");
    expect(await page.getByText("nigar (Discord").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("says so when the person cancels on Discord", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("link", { name: "Sign in with Discord" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL(/\/sign-in\/discord\/callback/);
    expect(await page.getByRole("alert").textContent()).toContain("You did not allow the sign-in on Discord");
    await screenshots(page, "sign-in-oauth-cancelled");
    await context.close();
  });

  it("shows admins such people with their platform on the People page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?token=${await o.world.linkToken("Aysel", "admin")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto(`${server.url}/people`);
    const row = page.getByRole("row").filter({ hasText: "nigar (Discord" });
    expect(await row.getByRole("cell", { name: "Discord", exact: true }).count()).toBe(1);
    expect(await row.getByRole("button", { name: /Revoke/ }).count()).toBe(1);
    await screenshots(page, "people-oauth");
    await context.close();
  });
});
