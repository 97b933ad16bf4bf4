/**
 * Many workspaces: the OAuth install through Bolt and the fake's consent page, each workspace's posts with
 * its own token, and an uninstall that deletes the installation and reports the workspace lost.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { eventBody, formBody, postSigned, slashCommandPayload } from "../../fakes/slack/index.ts";
import { samplePost, waitFor } from "./fixtures.ts";
import { ask, GENERAL, type Harness, SIGNING_SECRET, startHarness, TEAM } from "./harness.ts";

const TEAM2 = "T0TEAM2";
const OTHER = "C0OTHER";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    oauth: true,
    beforeStart(fake) {
      fake.addTeam({ id: TEAM2, name: "second" });
      fake.addChannel({ id: OTHER, teamId: TEAM2, name: "news", botMember: true });
      fake.addUser({ id: "U0SECOND", teamId: TEAM2, name: "second", role: "member" });
    },
  });
  h.fake.oauthRedirectUrl = `${h.base}/slack/oauth_redirect`;
});
afterEach(async () => {
  await h.stop();
});

/** What a person's browser does: our install page, Slack's consent page, back to our redirect. */
async function install(teamId: string, options: { cookie?: string } = {}) {
  const start = await fetch(`${h.base}/slack/install`, { redirect: "manual" });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get("location") ?? "");
  expect(consent.origin + consent.pathname).toBe(`${h.fake.url}/oauth/v2/authorize`);
  expect(consent.searchParams.get("scope")).toBe(
    "commands,chat:write,chat:write.public,users:read,im:write,app_mentions:read",
  );
  consent.searchParams.set("team", teamId);
  const back = await fetch(consent, { redirect: "manual" });
  expect(back.status).toBe(302);
  // The state cookie ties the redirect to the browser that started; a different browser has another.
  const cookie = options.cookie ?? (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return fetch(back.headers.get("location") ?? "", { headers: { cookie }, redirect: "manual" });
}

const at = (team: string, channel: string) => channelRef(`slack:${team}:${channel}`);

describe("slack OAuth install", () => {
  it("stores each workspace's installation, and posts to each with its own token", async () => {
    expect((await install(TEAM)).status).toBe(200);
    expect((await install(TEAM2)).status).toBe(200);
    expect(h.installations.saved.get(`slack:${TEAM}`)).toMatchObject({
      team: { id: TEAM },
      bot: { token: h.fake.team(TEAM).botToken, userId: h.fake.team(TEAM).botUserId },
    });
    expect(h.installations.saved.get(`slack:${TEAM2}`)).toMatchObject({
      bot: { token: h.fake.team(TEAM2).botToken },
    });

    expect((await h.adapter.send(at(TEAM, GENERAL), samplePost())).kind).toBe("sent");
    expect((await h.adapter.send(at(TEAM2, OTHER), samplePost())).kind).toBe("sent");
    // The fake knows the workspace only from the token it was sent with.
    expect(h.fake.messages.map((m) => [m.teamId, m.channel])).toEqual([
      [TEAM, GENERAL],
      [TEAM2, OTHER],
    ]);
    // A channel named under the wrong workspace goes with that workspace's token, which cannot see it.
    expect(await h.adapter.send(at(TEAM, OTHER), samplePost())).toEqual({
      kind: "permanent",
      reason: "channel_not_found",
    });
  });

  it("answers commands from installed workspaces with that workspace's token, and nobody else", async () => {
    await install(TEAM2);
    const { text } = await ask(h, "/subscribe", { teamId: TEAM2, channelId: OTHER, userId: "U0SECOND" });
    // users.info went out with the second workspace's token, which knows this user: a plain member.
    expect(text).toContain("Only this community's moderators");
    expect(h.fake.rejections).toEqual([]);

    const stranger = slashCommandPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0ADMIN",
      command: "/prisoner",
      text: "mammadov",
      responseUrl: h.fake.responseUrl("not-installed"),
    });
    await postSigned(h.endpoint, formBody(stranger), { signingSecret: SIGNING_SECRET });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.invocations.map((i) => i.community)).toEqual([`slack:${TEAM2}`]);
    expect(h.logs.map((l) => [l.level, l.message])).toContainEqual([
      "warn",
      "slack: a request from a workspace where the app is not installed",
    ]);
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it("installs nothing when the redirect comes back to another browser", async () => {
    const answer = await install(TEAM, { cookie: "slack-app-oauth-state=someone-elses" });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(h.installations.saved.size).toBe(0);
    expect(h.fake.calls.get("oauth.v2.access")).toBeUndefined();
  });

  it("deletes the installation and reports the workspace on app_uninstalled", async () => {
    await install(TEAM);
    await install(TEAM2);
    const body = eventBody(TEAM, { type: "app_uninstalled" });
    const answer = await postSigned(h.endpoint, body, {
      signingSecret: SIGNING_SECRET,
      contentType: "application/json",
    });
    expect(answer.status).toBe(200);
    await waitFor(() => h.revoked.length === 1);
    expect(h.revoked).toEqual([{ community: `slack:${TEAM}`, reason: "app_uninstalled" }]);
    expect([...h.installations.saved.keys()]).toEqual([`slack:${TEAM2}`]);
    const calls = h.fake.calls.get("chat.postMessage") ?? 0;
    expect(await h.adapter.send(at(TEAM, GENERAL), samplePost())).toEqual({
      kind: "permanent",
      reason: `the app is not installed in workspace ${TEAM}`,
    });
    expect(h.fake.calls.get("chat.postMessage") ?? 0).toBe(calls);
    expect((await h.adapter.send(at(TEAM2, OTHER), samplePost())).kind).toBe("sent");
  });

  it("acts on tokens_revoked only when the bot token is among them", async () => {
    await install(TEAM);
    const send = (tokens: Record<string, string[]>) =>
      postSigned(h.endpoint, eventBody(TEAM, { type: "tokens_revoked", tokens }), {
        signingSecret: SIGNING_SECRET,
        contentType: "application/json",
      });
    expect((await send({ oauth: ["U0ADMIN"] })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.revoked).toEqual([]);
    expect(h.installations.saved.has(`slack:${TEAM}`)).toBe(true);
    expect((await send({ bot: [h.fake.team(TEAM).botUserId] })).status).toBe(200);
    await waitFor(() => h.revoked.length === 1);
    expect(h.revoked).toEqual([{ community: `slack:${TEAM}`, reason: "tokens_revoked" }]);
    expect(h.installations.saved.has(`slack:${TEAM}`)).toBe(false);
  });

  it("refuses a forged uninstall", async () => {
    await install(TEAM);
    const forged = await postSigned(h.endpoint, eventBody(TEAM, { type: "app_uninstalled" }), {
      signingSecret: "not-the-secret",
      contentType: "application/json",
    });
    expect(forged.status).toBe(401);
    expect(h.revoked).toEqual([]);
    expect(h.installations.saved.has(`slack:${TEAM}`)).toBe(true);
  });
});
