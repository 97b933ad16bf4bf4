/**
 * Every page of the panel in the pseudo-language (every English message bracketed and accented): any
 * text a person reads that is not bracketed never went through the catalog. Data (names, channels,
 * summaries, sources, people) stays as it is and is taken out before looking.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPanelApp } from "../../../src/panel/app.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";
import { PANEL_CODES } from "../../support/panel-codes.ts";
import { dataStrings, leftover, visibleTexts, wholeCatalog } from "../../support/visible-text.ts";

const DATA = fileURLToPath(new URL("../../../data/profiles/", import.meta.url));
let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  world = await startPanelWorld({ DEFAULT_LANGUAGE: "qps-ploc" });
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.5" });
});
afterAll(() => world.close());

const request = (path: string, cookie = "", init: RequestInit = {}) =>
  panel.request(path, { ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) } });
const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  body: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await request("/sign-in", "", form({ token: await world.linkToken(name, role) }));
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const today = await (await request("/today", cookie)).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(today)?.[1] ?? "" };
}

/** A bracketed message, whole or cut by markup inside it (a command in `<code>`, a badge). */
const BRACKETED = [/\[[^\][]*(\]|$)/g, /^[^\][]*\]/g];
/** A date outside a message (a list's column): formatted by Intl in the pseudo-language's locale, English. */
const DATE =
  /(\d{1,2} )?\b(January|February|March|April|May|June|July|August|September|October|November|December)\b( \d{4})?/g;

describe("the panel in the pseudo-language", () => {
  it("brackets every text on every page and answer, except data", async () => {
    const admin = await signIn("Admin Ψ", "admin");
    const viewer = await signIn("Viewer Ψ", "viewer");
    const id = "narges-mohammadi";
    const pages: Array<[string, string]> = [];
    const add = async (label: string, res: Response | Promise<Response>) => {
      pages.push([label, await (await res).text()]);
    };
    await add("sign-in", request("/sign-in"));
    await add("signed-out", request("/sign-in?signed-out=1"));
    await add("link page", request("/sign-in?token=abc"));
    await add("spent link", request("/sign-in", "", form({ token: "nope" })));
    await add("401", request("/profiles"));
    await request(
      `/profiles/${id}/takedown`,
      admin.cookie,
      form({ _csrf: admin.csrf, reason: "family request" }),
    );
    for (const path of [
      "/today",
      "/profiles",
      "/profiles?q=Narges",
      "/profiles?q=Nargis%20Mohamadi",
      "/channels",
      "/spotlights",
      "/spotlights?channel=slack:T01:C02",
      "/spotlights?community=discord:111&month=2026-13",
      "/deliveries",
      "/deliveries?from=2026-02-30&state=nope",
      "/people",
    ]) {
      await add(path, request(path, admin.cookie));
    }
    await add("taken down profile", request(`/profiles/${id}?done=taken-down`, admin.cookie));
    await add("profile as viewer", request("/profiles/ilgar-mammadov", viewer.cookie));
    await add("paused notice", request("/channels?done=paused", admin.cookie));
    await add("refused", request(`/profiles/${id}/restore`, viewer.cookie, form({ _csrf: viewer.csrf })));
    await add("people refused", request("/people", viewer.cookie));
    await add("csrf", request(`/profiles/${id}/restore`, admin.cookie, form({ _csrf: "forged" })));
    await add(
      "no reason",
      request(`/profiles/${id}/takedown`, admin.cookie, form({ _csrf: admin.csrf, reason: " " })),
    );
    await add("no such channel", request("/channels/99999/pause", admin.cookie, form({ _csrf: admin.csrf })));
    await add("not found", request("/nowhere", admin.cookie));
    await add("import", request("/import", admin.cookie));
    await add("import as viewer", request("/import", viewer.cookie));
    const upload = new FormData();
    upload.set("_csrf", admin.csrf);
    upload.append("files", new File([readFileSync(`${DATA}khalil-matouk.yaml`)], "khalil-matouk.yaml"));
    const dryRun = await (await request("/import", admin.cookie, { method: "POST", body: upload })).text();
    pages.push(["import dry run", dryRun]);
    const token = /name="token" value="([^"]+)"/.exec(dryRun)?.[1] ?? "";
    expect(token).not.toBe("");
    await add("import applied", request("/import/apply", admin.cookie, form({ _csrf: admin.csrf, token })));
    await add("import spent", request("/import/apply", admin.cookie, form({ _csrf: admin.csrf, token })));
    await add("import refused", request("/import", viewer.cookie, { method: "POST", body: upload }));
    await add(
      "verify refused",
      request(`/profiles/${id}/verify`, admin.cookie, form({ _csrf: admin.csrf, date: "2001-01-01" })),
    );
    await add("verified", request(`/profiles/${id}?done=verified`, admin.cookie));

    const { deps } = world;
    const data = dataStrings(
      PANEL_CODES,
      await wholeCatalog(deps.catalog),
      await deps.subscriptions.list(),
      await deps.staff.people(),
      await deps.audit.list({ limit: 500 }),
      [...(await deps.deliveries.latestBySubscription()).values()],
    );
    for (const [label, page] of pages) {
      expect(page, label).toContain('<html lang="qps-ploc" dir="ltr">');
      expect(leftover(visibleTexts(page), data, [...BRACKETED, DATE]), label).toEqual([]);
    }
  });
});
