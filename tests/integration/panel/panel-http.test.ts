/**
 * The staff panel over HTTP (its fetch handler, no socket): who may enter, CSRF, roles, escaping, the
 * security headers, and a takedown reaching the console's /prisoner at once. The browser tests
 * (tests/browser/) drive the same flows in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPanelApp } from "../../../src/panel/app.ts";
import { MARKUP, MARKUP_ID, type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  world = await startPanelWorld();
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.1" });
});
afterAll(() => world.close());

const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  panel.request(path, {
    ...init,
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers ?? {}) },
  });

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await request("/sign-in", form({ token: await world.linkToken(name, role) }));
  expect(res.status).toBe(303);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  const page = await (await request("/today", { cookie })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { cookie, csrf, setCookie };
}

describe("the staff panel over HTTP", () => {
  it("answers a page with the sign-in page (401) and data with 401 JSON when nobody is signed in", async () => {
    const page = await request("/profiles");
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("freetobehome panel link");
    const data = await request("/api/me");
    expect(data.status).toBe(401);
    expect(await data.json()).toEqual({ error: "sign in first" });
    expect((await request("/profiles/ilgar-mammadov/takedown", form({ reason: "x" }))).status).toBe(401);
  });

  it("signs in once with a link, into an HttpOnly SameSite=Lax session; the link is then spent", async () => {
    const token = await world.linkToken("Once", "viewer");
    const landing = await request(`/sign-in?token=${token}`);
    expect(await landing.text()).toContain('action="/sign-in"');
    const first = await request("/sign-in", form({ token }));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/today");
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(first.headers.get("set-cookie")).toMatch(/SameSite=Lax/);
    expect(first.headers.get("set-cookie")).not.toMatch(/Secure/);
    // Its lifetime as seconds left (12 hours on the panel's clock), never a date the browser's clock reads.
    const maxAge = Number(/ftbh_session=[^;]*; Max-Age=(\d+)/.exec(first.headers.get("set-cookie")!)?.[1]);
    expect(maxAge).toBeGreaterThan(12 * 3600 - 60);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    expect(first.headers.get("set-cookie")).not.toMatch(/Expires=/);
    expect((await request("/sign-in", form({ token }))).status).toBe(401);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    expect(await (await request("/api/me", { cookie })).json()).toEqual({ name: "Once", role: "viewer" });
  });

  it("comes back to the page asked for before signing in, and only to a page of the panel", async () => {
    // Its own address: these sign-ins must not use up the others' rate limit.
    const own = createPanelApp(world.deps, { clientAddress: () => "192.0.2.77" });
    const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
      own.request(path, {
        ...init,
        headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers ?? {}) },
      });
    const asked = await request("/profiles/ilgar-mammadov?tab=sources");
    expect(asked.status).toBe(401);
    const next = (asked.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(next).toMatch(/^ftbh_next=/);
    const back = await request("/sign-in", {
      ...form({ token: await world.linkToken("Returner", "viewer") }),
      cookie: next,
    });
    expect(back.headers.get("location")).toBe("/profiles/ilgar-mammadov?tab=sources");
    expect(back.headers.get("set-cookie")).toMatch(/ftbh_next=;/);
    for (const evil of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "/sign-out"]) {
      const res = await request("/sign-in", {
        ...form({ token: await world.linkToken("Returner", "viewer") }),
        cookie: `ftbh_next=${encodeURIComponent(evil)}`,
      });
      expect(res.headers.get("location"), evil).toBe("/today");
    }
  });

  it("marks the session cookie Secure when the panel is reached over https", async () => {
    const secure = createPanelApp(
      { ...world.deps, secureCookies: true },
      { clientAddress: () => "192.0.2.9" },
    );
    const res = await secure.request(
      "/sign-in",
      form({ token: await world.linkToken("Behind proxy", "viewer") }),
    );
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/);
  });

  it("sends the security headers, with a CSP that allows no inline script, and no inline script at all", async () => {
    const { cookie } = await signIn("Headers", "viewer");
    for (const path of ["/today", "/profiles", `/profiles/${MARKUP_ID}`, "/channels", "/sign-in"]) {
      const res = await request(path, { cookie });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(await res.text()).not.toMatch(/<script|<style|<[^>]+\s(on\w+|style)=/i);
    }
  });

  it("shows profile text that holds markup as text", async () => {
    const { cookie } = await signIn("Escapes", "viewer");
    const page = await (await request(`/profiles/${MARKUP_ID}`, { cookie })).text();
    expect(page).toContain("&lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;");
    expect(page).not.toContain(MARKUP);
    const list = await (await request("/profiles?q=Markup+Tester", { cookie })).text();
    expect(list).toContain("Test &lt;script&gt;");
  });

  it("filters profiles by status and campaign", async () => {
    const { cookie } = await signIn("Filters", "viewer");
    const sentenced = await (await request("/profiles?status=sentenced", { cookie })).text();
    expect(sentenced).toContain('href="/profiles/narges-mohammadi"');
    expect(sentenced).not.toContain('href="/profiles/ilgar-mammadov"');
    const none = await (await request("/profiles?campaign=no-such-campaign", { cookie })).text();
    expect(none).toContain("No profile matches.");
  });

  it("refuses a change without a valid CSRF token (403) and changes nothing", async () => {
    const { cookie } = await signIn("Forger", "editor");
    for (const csrf of [undefined, "wrong"]) {
      const res = await request("/profiles/ilgar-mammadov/takedown", {
        ...form({ reason: "forged", ...(csrf ? { _csrf: csrf } : {}) }),
        cookie,
      });
      expect(res.status).toBe(403);
    }
    expect((await world.prisoner("Ilgar Mammadov")).kind).toBe("card");
  });

  it("refuses a viewer's change (403) and changes nothing", async () => {
    const { cookie, csrf } = await signIn("Reader", "viewer");
    const res = await request("/profiles/ilgar-mammadov/takedown", {
      ...form({ reason: "no", _csrf: csrf }),
      cookie,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Your role (viewer) may not take a profile down");
    expect((await request("/people", { cookie })).status).toBe(403);
    expect((await world.prisoner("Ilgar Mammadov")).kind).toBe("card");
  });

  it("takes a profile down for an editor, at once for /prisoner, logged with who did it; restore brings it back", async () => {
    const { cookie, csrf } = await signIn("Editor Aysel", "editor");
    const res = await request("/profiles/oleg-sentsov/takedown", {
      ...form({ reason: "family request", _csrf: csrf }),
      cookie,
    });
    expect(res.status).toBe(303);
    expect((await world.prisoner("Oleg Sentsov")).kind).not.toBe("card");
    const [entry] = await world.app.repositories.audit.list({
      entityType: "profile",
      entityId: "oleg-sentsov",
      limit: 1,
    });
    expect(entry).toMatchObject({ actor: "panel:Editor Aysel", action: "profile.takedown" });
    const page = await (await request("/profiles/oleg-sentsov?done=taken-down", { cookie })).text();
    expect(page).toContain("family request");
    // Staff still find it, by any spelling, and by the "taken down" filter.
    const found = await (await request("/profiles?q=Oleh+Sentsov", { cookie })).text();
    expect(found).toContain('href="/profiles/oleg-sentsov"');
    const down = await (await request("/profiles?takenDown=1", { cookie })).text();
    expect(down).toContain('href="/profiles/oleg-sentsov"');
    expect(down).not.toContain('href="/profiles/ilgar-mammadov"');
    expect(down).toContain("· 1 profile<");
    expect(
      (await request("/profiles/oleg-sentsov/restore", { ...form({ _csrf: csrf }), cookie })).status,
    ).toBe(303);
    expect((await world.prisoner("Oleg Sentsov")).kind).toBe("card");
  });

  it("lets an admin see people and revoke one, which ends that person's session", async () => {
    const admin = await signIn("Admin", "admin");
    const other = await signIn("Leaver", "viewer");
    const people = await (await request("/people", { cookie: admin.cookie })).text();
    expect(people).toContain("Leaver");
    const id = (await world.deps.staff.people()).find((p) => p.name === "Leaver")?.id;
    expect(people).toContain(`action="/people/${id}/revoke"`);
    const res = await request(`/people/${id}/revoke`, {
      ...form({ _csrf: admin.csrf }),
      cookie: admin.cookie,
    });
    expect(res.status).toBe(303);
    expect((await request("/today", { cookie: other.cookie })).status).toBe(401);
    const [entry] = await world.app.repositories.audit.list({
      entityType: "staff",
      entityId: "Leaver",
      limit: 1,
    });
    expect(entry).toMatchObject({ actor: "panel:Admin", action: "staff.revoked" });
  });

  it("rate-limits sign-in attempts per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await request("/sign-in", form({ token: `guess-${i}` }))).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
