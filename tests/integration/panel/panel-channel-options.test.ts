/**
 * Post options in the panel's Channels page: the options a platform honours, changed by admins only,
 * through the repository, without touching the subscription's state; a bad role changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { createPanelApp } from "../../../src/panel/app.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

beforeAll(async () => {
  world = await startPanelWorld();
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.41" });
});
afterAll(() => world.close());

const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  panel.request(path, { ...init, headers: { ...(init.cookie ? { cookie: init.cookie } : {}) } });

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  panel.request(path, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  });

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await post("/sign-in", "", { token: await world.linkToken(name, role) });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const page = await (await request("/today", { cookie })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "" };
}

const idOf = async (channel: string) =>
  (await world.app.repositories.subscriptions.findByChannel(channelRef(channel)))!.id;

describe("post options in the panel", () => {
  it("lets an admin set a Discord channel's role, silent posts and crossposting", async () => {
    const admin = await signIn("Ada", "admin");
    const id = await idOf("discord:111:222");
    const form = await (await request(`/channels/${id}/options`, admin)).text();
    expect(form).toContain('name="mentionRole"');
    expect(form).toContain('name="crosspost"');
    expect(form).not.toContain('name="linkPreviews"');
    const saved = await post(`/channels/${id}/options`, admin.cookie, {
      _csrf: admin.csrf,
      mentionRole: "<@&4242>",
      silent: "on",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/channels?done=options-saved");
    const sub = await world.app.repositories.subscriptions.findByChannel(channelRef("discord:111:222"));
    expect(sub?.postOptions).toEqual({
      mentionRole: "4242",
      silent: true,
      crosspost: false,
      linkPreviews: false,
    });
    const list = await (await request("/channels?done=options-saved", admin)).text();
    expect(list).toContain("Post options saved.");
    expect(list).toContain("role 4242 · silent on · crosspost off");
    const [entry] = await world.app.repositories.audit.list({ entityType: "subscription", limit: 1 });
    expect(entry?.actor).toMatch(/Ada/);
  });

  it("keeps a paused channel paused when its options change", async () => {
    const admin = await signIn("Ade", "admin");
    const id = await idOf("telegram:-1001234");
    await post(`/channels/${id}/options`, admin.cookie, { _csrf: admin.csrf, linkPreviews: "on" });
    const sub = await world.app.repositories.subscriptions.findByChannel(channelRef("telegram:-1001234"));
    expect(sub).toMatchObject({ state: "paused", postOptions: { linkPreviews: true, silent: false } });
  });

  it("refuses a role that is not an id, and a viewer, changing nothing", async () => {
    const admin = await signIn("Ava", "admin");
    const id = await idOf("discord:111:222");
    const before = await world.app.repositories.subscriptions.findByChannel(channelRef("discord:111:222"));
    const bad = await post(`/channels/${id}/options`, admin.cookie, {
      _csrf: admin.csrf,
      mentionRole: "@everyone",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("“@everyone” is not a role id");
    const viewer = await signIn("Vic", "viewer");
    expect((await request(`/channels/${id}/options`, viewer)).status).toBe(403);
    const refused = await post(`/channels/${id}/options`, viewer.cookie, {
      _csrf: viewer.csrf,
      silent: "on",
    });
    expect(refused.status).toBe(403);
    expect(await (await request("/channels", viewer)).text()).not.toContain(`/channels/${id}/options`);
    const after = await world.app.repositories.subscriptions.findByChannel(channelRef("discord:111:222"));
    expect(after?.postOptions).toEqual(before?.postOptions);
  });

  it("says a platform without post options has none", async () => {
    const admin = await signIn("Abe", "admin");
    const page = await (await request(`/channels/${await idOf("slack:T01:C02")}/options`, admin)).text();
    expect(page).toContain("This platform has no post options.");
  });
});
