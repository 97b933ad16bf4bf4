/**
 * The whole path as staff meet it, through the real binary: a console bot serving the panel (PANEL_PORT),
 * `freetobehome panel link` from a second terminal (carried out by the bot over its control socket), the
 * link opened in Chromium, a takedown in the panel, and the console's next /prisoner no longer showing
 * the profile.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../e2e/cli.ts";
import { startConsoleBot } from "../e2e/console-bot.ts";
import { launchChromium, noChromium, screenshots } from "./browser.ts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

describe.skipIf(noChromium)("a takedown in the panel, seen from the console", () => {
  let dataDir: string;
  let env: Record<string, string>;
  let browser: Browser;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ftbh-panel-console-"));
    env = { DATA_DIR: dataDir, PANEL_PORT: String(await freePort()) };
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("takes a profile down in the panel and the console's /prisoner no longer shows it", async () => {
    const bot = await startConsoleBot({ ...env, DATA_DIR: dataDir });
    const { ask } = bot;
    try {
      expect(await ask("/prisoner Ilgar Mammadov", /Status as of/)).toContain("Ilgar Mammadov");
      expect(bot.result.stderr).toContain(`staff panel at http://127.0.0.1:${env.PANEL_PORT}`);

      // From a terminal without the panel's settings: the bot that serves the panel names its address.
      const link = await runCli(["panel", "link", "--name", "Aysel", "--role", "editor"], {
        env: { DATA_DIR: dataDir },
      });
      expect(link).toMatchObject({ code: 0, stderr: "" });
      const url = /http:\/\/127\.0\.0\.1:\d+\/sign-in\?token=\S+/.exec(link.stdout)?.[0];
      expect(link.stdout).toMatch(/^Sign-in link for Aysel \(editor, new\), valid once until .* UTC:\n/);
      expect(url).toBeDefined();

      const page = await browser.newPage();
      await page.goto(url!);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/today$/);
      await page.getByRole("link", { name: "Profiles" }).click();
      await page.getByRole("link", { name: "Ilgar Mammadov" }).click();
      await page.getByLabel("Reason (kept in the audit log)").fill("family request");
      await page.getByRole("button", { name: "Take down now" }).click();
      expect(await page.getByRole("status").textContent()).toContain("Taken down");
      await screenshots(page, "console-takedown");

      expect(await ask("/prisoner Ilgar Mammadov", /No profile matches/)).not.toContain("Status as of");
      await page.close();
    } finally {
      bot.child.stdin.end();
      await bot.exited;
    }
  }, 90_000);
});
