/**
 * The panel in the staff member's language: the browser's Accept-Language (in q order), the picker's
 * `lang` cookie before it, DEFAULT_LANGUAGE last; `<html lang dir>` follows. A bogus cookie falls back
 * safely. In the pseudo-language every text a person reads on every page is bracketed, except data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPanelApp } from "../../../src/panel/app.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";
import { PANEL_CODES } from "../../support/panel-codes.ts";
import { dataStrings, leftover, visibleTexts, wholeCatalog } from "../../support/visible-text.ts";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  world = await startPanelWorld();
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.7" });
});
afterAll(() => world.close());

const get = (path: string, headers: Record<string, string> = {}) => panel.request(path, { headers });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  panel.request(path, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
  });

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await post("/sign-in", "", { token: await world.linkToken(name, role) });
  const session = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const today = await (await get("/today", { cookie: session })).text();
  return { session, csrf: /name="_csrf" value="([^"]+)"/.exec(today)?.[1] ?? "" };
}

const htmlTag = (page: string) => /<html[^>]*>/.exec(page)?.[0];

/** Everything the pages show that came from the world: names, channels, summaries, sources, people. */
async function worldData(): Promise<string[]> {
  const { deps } = world;
  return dataStrings(
    PANEL_CODES,
    await wholeCatalog(deps.catalog),
    await deps.subscriptions.list(),
    await deps.staff.people(),
    await deps.audit.list({ limit: 500 }),
    [...(await deps.deliveries.latestBySubscription()).values()],
    ["UTC"],
  );
}

describe("the panel's language", () => {
  it("answers Accept-Language fa-IR,fa;q=0.9 with a Persian page, right to left, with no English label", async () => {
    const { session } = await signIn("Parisa", "admin");
    const headers = { cookie: session, "accept-language": "fa-IR,fa;q=0.9" };
    const data = await worldData();
    for (const path of [
      "/today",
      "/profiles",
      "/channels",
      "/spotlights",
      "/spotlights?channel=slack:T01:C02",
      "/people",
      "/profiles/narges-mohammadi",
    ]) {
      const page = await (await get(path, headers)).text();
      expect(htmlTag(page), path).toBe('<html lang="fa" dir="rtl">');
      expect(leftover(visibleTexts(page), data, [/FreeToBeHome|CSRF|Discord|Slack|Telegram/g]), path).toEqual(
        [],
      );
    }
    const today = await (await get("/today", headers)).text();
    expect(today).toContain("<h1>امروز</h1>");
    expect(today).toContain("خروج");
    const signInPage = await (await get("/sign-in", { "accept-language": "fa-IR,fa;q=0.9" })).text();
    expect(htmlTag(signInPage)).toBe('<html lang="fa" dir="rtl">');
    expect(signInPage).toContain("<h1>ورود</h1>");
  });

  it("takes the browser's languages in q order, skipping those it does not speak", async () => {
    const lang = async (accept: string) =>
      /<html lang="([^"]+)"/.exec(await (await get("/sign-in", { "accept-language": accept })).text())?.[1];
    expect(await lang("en;q=0.5, ar")).toBe("ar");
    expect(await lang("de-DE, ru;q=0.8, fr;q=0.9")).toBe("fr");
    expect(await lang("zh-CN,zh;q=0.9")).toBe("zh-Hans");
    expect(await lang("de, *;q=0.1")).toBe("en");
    expect(await lang("qps-ploc")).toBe("en");
  });

  it("sets the lang cookie from the picker and shows the same page in that language, before Accept-Language", async () => {
    const { session } = await signIn("Picker", "viewer");
    const res = await get("/profiles?q=narges&lang=fa", { cookie: session });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/profiles?q=narges");
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^lang=fa;/);
    expect(setCookie).toMatch(/HttpOnly/);
    const cookie = `${session}; ${setCookie.split(";")[0]}`;
    const page = await (await get("/profiles?q=narges", { cookie, "accept-language": "fr" })).text();
    expect(htmlTag(page)).toBe('<html lang="fa" dir="rtl">');
    expect(page).toContain('href="/profiles?q=narges&amp;lang=ar"');
    expect(page).toMatch(
      /<a href="\/profiles\?q=narges&amp;lang=fa"[^>]*aria-current="true"[^>]*>فارسی<\/a>/,
    );
    // The sign-in page has the picker too (no session needed to choose a language).
    const picked = await get("/sign-in?lang=uk");
    expect(picked.status).toBe(303);
    expect(picked.headers.get("set-cookie")).toMatch(/^lang=uk;/);
  });

  it.each(["constructor", "__proto__", "xx", "toString", "../../etc", ""])(
    "falls back safely on a bogus lang cookie %j (Accept-Language, else the default)",
    async (bogus) => {
      const { session } = await signIn("Bogus", "viewer");
      const cookie = `${session}; lang=${encodeURIComponent(bogus)}`;
      const english = await get("/today", { cookie });
      expect(english.status).toBe(200);
      const page = await english.text();
      expect(htmlTag(page)).toBe('<html lang="en" dir="ltr">');
      expect(page).toContain("<h1>Today</h1>");
      const persian = await (await get("/today", { cookie, "accept-language": "fa" })).text();
      expect(htmlTag(persian)).toBe('<html lang="fa" dir="rtl">');
      const picked = await get(`/today?lang=${encodeURIComponent(bogus)}`, { cookie });
      expect(picked.status).toBe(303);
      expect(picked.headers.get("set-cookie")).toBeNull();
    },
  );

  it("uses DEFAULT_LANGUAGE when neither the cookie nor the browser names a language it speaks", async () => {
    const arabic = createPanelApp(
      { ...world.deps, defaults: { ...world.deps.defaults, language: "ar" } },
      { clientAddress: () => "192.0.2.8" },
    );
    const page = await (await arabic.request("/sign-in", { headers: { "accept-language": "de" } })).text();
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
  });
});
