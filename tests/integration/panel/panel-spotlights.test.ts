/**
 * The Spotlights page over HTTP: a month calendar per channel and per community (bookmarkable, with the
 * month in the query), adding and cancelling through the core path /schedule takes (same refusals, same
 * audit, with the staff member's name), and conflicts shown: a community-wide spotlight outranking a
 * channel's own, a profile the daily post would not show on its date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { createPanelApp } from "../../../src/panel/app.ts";
import { MARKUP_ID, type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;

// 14:00 in Baku on Monday 7 December 2026.
beforeAll(async () => {
  // The sample's profiles were verified years ago: a long STALE_AFTER_DAYS keeps the sentenced ones postable.
  world = await startPanelWorld({ STALE_AFTER_DAYS: "36500" }, { now: "2026-12-07T10:00:00Z" });
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.30" });
});
afterAll(() => world.close());

const CHANNEL = "discord:111:222";
const COMMUNITY = "discord:111";

const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  panel.request(path, {
    ...init,
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers ?? {}) },
  });

const form = (fields: Record<string, string>, cookie: string) => ({
  method: "POST",
  body: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
  cookie,
});

async function signIn(name: string, role: "viewer" | "editor" | "admin") {
  const res = await request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({ token: await world.linkToken(name, role) }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const page = await (await request("/today", { cookie })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "" };
}

const calendar = (cookie: string, query = `channel=${CHANNEL}&month=2026-12`) =>
  Promise.resolve(request(`/spotlights?${query}`, { cookie })).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));

async function add(who: { cookie: string; csrf: string }, fields: Record<string, string>) {
  return request("/spotlights", form({ _csrf: who.csrf, channel: CHANNEL, ...fields }, who.cookie));
}

describe("the Spotlights page", () => {
  it("lists the channels to choose from, and shows a channel's month as a table a reader can follow", async () => {
    const { cookie } = await signIn("Viewer Vugar", "viewer");
    const list = await (await request("/spotlights?q=discord", { cookie })).text();
    expect(list).toContain(`href="/spotlights?channel=${encodeURIComponent(CHANNEL)}"`);
    expect(list).not.toContain("slack:T01:C02");
    const { status, text } = await calendar(cookie);
    expect(status).toBe(200);
    expect(text).toMatch(/<caption>December 2026: spotlights in discord:111:222\./);
    expect(text.match(/<th scope="col">/g)).toHaveLength(7);
    expect(text).toContain('aria-current="date"');
    expect(text).toContain(`month=2026-11" rel="prev"`);
    expect(text).toContain(`month=2027-01" rel="next"`);
    expect(text).toContain("No spotlight is scheduled in this month");
    // A viewer reads only: no form, and a forced change is refused.
    expect(text).not.toContain('action="/spotlights"');
    const forced = await add(await signIn("Viewer Two", "viewer"), {
      profile: "Ilham Tohti",
      date: "2026-12-20",
    });
    expect(forced.status).toBe(403);
  });

  it("adds a spotlight with the staff member's name in the audit log, and cancels it", async () => {
    const editor = await signIn("Editor Emil", "editor");
    const res = await add(editor, { profile: "Ilham Tohti", date: "2026-12-20", time: "10:30" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/spotlights?channel=${encodeURIComponent(CHANNEL)}&month=2026-12&done=spotlight-scheduled`,
    );
    const { text } = await calendar(editor.cookie, res.headers.get("location")!.split("?")[1]);
    expect(text).toContain("Spotlight scheduled.");
    expect(text).toMatch(/Ilham Tohti<\/a>\s*<span class="badge">This channel<\/span>/);
    expect(text).toContain("posts at 10:30 (Asia/Baku)");
    const [stored] = await world.app.repositories.spotlights.listInCommunity(
      communityRef(COMMUNITY),
      "2026-12-20",
      "2026-12-20",
    );
    expect(stored).toMatchObject({
      profileId: "ilham-tohti",
      createdBy: "panel:Editor Emil",
      scope: "channel",
    });
    const entries = await world.app.repositories.audit.list({
      entityType: "spotlight",
      entityId: String(stored!.id),
    });
    expect(entries.map((e) => [e.action, e.actor])).toContainEqual([
      "spotlight.scheduled",
      "panel:Editor Emil",
    ]);

    const back = `/spotlights?channel=${encodeURIComponent(CHANNEL)}&month=2026-12`;
    const cancelled = await request(
      `/spotlights/${stored!.id}/cancel`,
      form({ _csrf: editor.csrf, back }, editor.cookie),
    );
    expect(cancelled.headers.get("location")).toBe(`${back}&done=spotlight-cancelled`);
    expect((await world.app.repositories.spotlights.get(stored!.id))?.state).toBe("cancelled");
    const after = await world.app.repositories.audit.list({
      entityType: "spotlight",
      entityId: String(stored!.id),
    });
    expect(after.map((e) => e.actor)).toContain("panel:Editor Emil");
    // Cancelled already: said plainly, nothing changes.
    const again = await request(
      `/spotlights/${stored!.id}/cancel`,
      form({ _csrf: editor.csrf, back }, editor.cookie),
    );
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("No scheduled spotlight has that number");
  });

  it("refuses what /schedule refuses, in the same words, and a taken date until told to replace", async () => {
    const editor = await signIn("Editor Farid", "editor");
    const past = await add(editor, { profile: "Ilham Tohti", date: "2026-12-06" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain(
      "6 December 2026 has passed in Asia/Baku (today there is 7 December 2026)",
    );
    const released = await add(editor, { profile: "Ilgar Mammadov", date: "2026-12-21" });
    expect(await released.text()).toContain("Cannot spotlight Ilgar Mammadov on 21 December 2026");
    const nobody = await add(editor, { profile: "<b>Nobody</b>", date: "2026-12-21" });
    expect(await nobody.text()).toContain("No public profile matches “&lt;b&gt;Nobody&lt;/b&gt;”");
    const badDate = await add(editor, { profile: "Ilham Tohti", date: "21.12.2026" });
    expect(await badDate.text()).toContain("The field “date” is missing or not in the form YYYY-MM-DD");

    expect((await add(editor, { profile: "Ilham Tohti", date: "2026-12-22" })).status).toBe(303);
    const taken = await add(editor, { profile: "Omar Mohamed Ali", date: "2026-12-22" });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(
      "22 December 2026 already has a spotlight there: Ilham Tohti at 09:00 (Asia/Baku)",
    );
    expect(
      (await add(editor, { profile: "Omar Mohamed Ali", date: "2026-12-22", replace: "yes" })).status,
    ).toBe(303);
    const { text } = await calendar(editor.cookie);
    expect(text).toContain("Omar Mohamed Ali</a>");
    expect(text).not.toContain("Ilham Tohti</a>");

    // The chat's /schedule sees the panel's spotlight, and refuses the same past date in the same words.
    const here = {
      platform: "console" as const,
      channel: channelRef("console:local"),
      community: communityRef("console:local"),
    };
    const caller = { id: "local", isModerator: async () => true };
    const chat = await world.app.dispatch({
      command: "schedule",
      text: "Ilham Tohti 2026-12-06",
      ...here,
      caller,
    });
    expect(JSON.stringify(chat)).toContain("6 December 2026 has passed in UTC");
  });

  it("shows a community-wide spotlight outranking a channel's own, and a profile not postable on its date", async () => {
    const editor = await signIn("Editor Gunel", "editor");
    expect((await add(editor, { profile: "Ilham Tohti", date: "2026-12-28" })).status).toBe(303);
    const wide = await add(editor, { profile: "Narges Mohammadi", date: "2026-12-28", scope: "community" });
    expect(wide.status).toBe(303);
    // Set before its status changed (the repository takes it as it is): the calendar says it will not post.
    await world.app.repositories.spotlights.add({
      scope: "channel",
      channel: channelRef(CHANNEL),
      community: communityRef(COMMUNITY),
      campaignId: "free-to-be-home-2016",
      profileId: "ilgar-mammadov",
      localDate: "2026-12-30",
      timezone: "Asia/Baku",
      createdBy: "discord:1",
    });
    const { text } = await calendar(editor.cookie);
    expect(text).toContain(
      "Not posted here: the community-wide spotlight of Narges Mohammadi outranks it on this date.",
    );
    expect(text).toContain("It outranks 1 channel&#39;s own spotlight on this date.");
    expect(text).toContain("Not postable on this date (its status is not featured)");

    const community = await calendar(editor.cookie, `community=${COMMUNITY}&month=2026-12`);
    expect(community.text).toContain("<caption>December 2026: spotlights in discord:111.");
    expect(community.text).toContain("Whole community</span>");
    expect(community.text).toContain("posts at each channel&#39;s own time");
  });

  it("escapes a profile's text on the calendar, and says what a bad month or an unknown channel is", async () => {
    const editor = await signIn("Editor Hasan", "editor");
    await world.app.repositories.spotlights.add({
      scope: "channel",
      channel: channelRef(CHANNEL),
      community: communityRef(COMMUNITY),
      campaignId: "free-to-be-home-2016",
      profileId: MARKUP_ID,
      localDate: "2027-01-05",
      timezone: "Asia/Baku",
      createdBy: "discord:1",
    });
    const { text } = await calendar(editor.cookie, `channel=${CHANNEL}&month=2027-01`);
    expect(text).toContain("Test &lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;");
    expect(text).not.toContain("<script>");
    const month = await calendar(editor.cookie, `channel=${CHANNEL}&month=2026-13`);
    expect(month.status).toBe(400);
    expect(month.text).toContain("The month “2026-13” is not a month: write it as YYYY-MM");
    const unknown = await calendar(editor.cookie, "channel=<x>");
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain("No subscription has the channel “&lt;x&gt;”.");
  });
});
