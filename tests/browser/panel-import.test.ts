/**
 * The Import page and "mark verified" in Chromium, served over HTTP from the real composition root: an
 * upload with an error shown with its file and line, a dry run then Apply (the new profile reaching the
 * console's /prisoner), and a profile marked verified from its page, all from labelled controls.
 * Screenshots at desktop and phone width.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PanelServer, startPanelServer } from "../../src/panel/server.ts";
import { type PanelWorld, startPanelWorld } from "../support/panel-world.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

const matouk = readFileSync(
  fileURLToPath(new URL("../../data/profiles/khalil-matouk.yaml", import.meta.url)),
  "utf8",
);
const yamlFile = (name: string, text: string) => ({
  name,
  mimeType: "application/yaml",
  buffer: Buffer.from(text),
});

describe.skipIf(noChromium)("the Import page in a browser", () => {
  let world: PanelWorld;
  let server: PanelServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startPanelWorld(), launchChromium()]);
    server = await startPanelServer(world.deps, { host: "127.0.0.1", port: 0 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(`${server.url}/sign-in?token=${await world.linkToken("Curator Leyla", "editor")}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/today`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await world?.close();
  });

  const heading = () => page.getByRole("heading", { level: 1 }).textContent();
  // A form's answer is a new page: wait for its heading to appear, not for the old page's load state
  // (which is already "load" when the submit has not yet navigated).
  const arrivedAt = async (title: string) => {
    await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    expect(await heading()).toBe(title);
  };

  it("shows an upload's problems with file, line and field, and writes nothing", async () => {
    await page.getByRole("link", { name: "Import" }).click();
    await page.waitForURL(`${server.url}/import`);
    expect(await heading()).toBe("Import");
    await screenshots(page, "import");

    const broken = matouk.replace("status: disappeared", "status: vanished");
    await page
      .getByLabel("Files (.yaml, .yml, .json or .zip)")
      .setInputFiles([yamlFile("khalil-matouk.yaml", broken), yamlFile("extra.json", '{"id": "x",}')]);
    await page.getByRole("button", { name: "Check (dry run)" }).click();
    await arrivedAt("Import refused: nothing was written");
    const row = page.getByRole("row").filter({ hasText: "khalil-matouk.yaml" });
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "khalil-matouk.yaml",
      "27",
      "detentions[0].status",
      expect.stringContaining("vanished"),
    ]);
    expect(await page.getByRole("row").filter({ hasText: "extra.json" }).count()).toBe(1);
    await screenshots(page, "import-problems");
    expect(
      (await world.app.repositories.catalog.getProfile("khalil-matouk"))?.profile.detentions[0]?.status,
    ).toBe("disappeared");
  });

  it("dry-runs an upload, then applies it: the new profile answers /prisoner", async () => {
    const newcomer = matouk
      .replace("id: khalil-matouk", "id: new-person")
      .replace("displayName: Khalil Matouk", "displayName: Nadia Newcomer")
      .replace("{ value: Khalil Matouk, kind: primary", "{ value: Nadia Newcomer, kind: primary");
    const edited = matouk.replace("a human-rights lawyer and director", "a lawyer and the director");
    await page.goto(`${server.url}/import`);
    await page
      .getByLabel("Files (.yaml, .yml, .json or .zip)")
      .setInputFiles([yamlFile("khalil-matouk.yaml", edited), yamlFile("new-person.yaml", newcomer)]);
    // From the keyboard: the button is reached with Tab and pressed with Enter.
    await page.getByLabel("Files (.yaml, .yml, .json or .zip)").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await arrivedAt("Dry run: nothing is written yet");
    expect(await page.getByText("Profiles: 1 new, 1 changed, 0 unchanged.").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "New profiles" }).count()).toBe(1);
    await screenshots(page, "import-dry-run");
    expect((await world.prisoner("Nadia Newcomer")).kind).not.toBe("card");

    await page.getByRole("button", { name: "Apply this import" }).click();
    await arrivedAt("Imported");
    expect(await page.getByRole("status").textContent()).toBe("Imported: the changes are live now.");
    await screenshots(page, "import-applied");
    expect((await world.prisoner("Nadia Newcomer")).kind).toBe("card");
  });

  it("marks a profile verified as of a date from its page", async () => {
    await page.goto(`${server.url}/profiles/ilgar-mammadov`);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("Verified as of").fill(today);
    await page.getByRole("button", { name: "Mark verified" }).click();
    await page.waitForURL(/done=verified/);
    expect(await page.getByRole("status").textContent()).toBe("Marked verified.");
    await page.getByRole("heading", { name: "Mark verified" }).scrollIntoViewIfNeeded();
    await screenshots(page, "profile-verified");
    expect((await world.app.repositories.catalog.getProfile("ilgar-mammadov"))?.profile).toMatchObject({
      lastVerifiedAt: today,
      verifiedBy: "Curator Leyla",
    });
  });
});
