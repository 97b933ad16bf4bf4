/**
 * Chromium for the browser tests, through playwright-core and the system's browser (Debian's `chromium`
 * package; Playwright's own download cannot work without network). Without one, the tests are skipped
 * with the reason said once. Screenshots go to tests/browser/screenshots/ (git-ignored), at a desktop and
 * a phone width, to be looked at.
 */
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
export const chromiumPath = CANDIDATES.find((p): p is string => p !== undefined && existsSync(p));
export const noChromium = chromiumPath === undefined;
if (noChromium) {
  console.warn(
    "browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)",
  );
}

export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium");
  return chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
}

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** The current page, full length, at desktop and phone width; the viewport is left at desktop width. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}
