/**
 * An org-wide (Enterprise Grid) install with token rotation, through the whole app: one install for the
 * organisation serves the commands and posts of each of its workspaces; its expiring token is refreshed
 * (oauth.v2.access, grant_type=refresh_token) before it expires, the new one stored, and posts keep going
 * with every subscription in place; a refresh that fails is logged and marked, and the post waits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countByKind } from "../../src/delivery/report.ts";
import {
  type FakeSlack,
  formBody,
  postSigned,
  slashCommandPayload,
  startFakeSlack,
} from "../fakes/slack/index.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";
import {
  addChannel,
  addWorkspace,
  refOf,
  SIGNING_SECRET,
  slackBase,
  waitFor,
  type Workspace,
} from "./slack-side.ts";

const ORG = "E0GRID";

describe("Slack org-wide install with token rotation", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let base: string;
  let north: Workspace;
  let south: Workspace;
  const channels = new Map<string, string>();

  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.addEnterprise({ id: ORG, name: "grid" });
    north = addWorkspace(fake, "T0NORTH");
    south = addWorkspace(fake, "T0SOUTH");
    for (const ws of [north, south]) fake.team(ws.teamId).enterpriseId = ORG;
    // Rotation on; the first token lasts an hour, within the app's three hours of refreshing ahead.
    fake.enableTokenRotation(3600);
    world = await startAppWorld(
      {
        SLACK_CLIENT_ID: fake.oauth.clientId,
        SLACK_CLIENT_SECRET: fake.oauth.clientSecret,
        SLACK_STATE_SECRET: "e2e-state-secret",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: "0",
        SLACK_API_URL: fake.apiUrl,
      },
      "2026-11-24T04:00:00Z",
    );
    base = slackBase(world);
    fake.oauthRedirectUrl = `${base}/slack/oauth_redirect`;
  });

  afterAll(async () => {
    await world?.close();
    await fake?.stop();
  });

  const stored = () => world.app.repositories.installations.find("slack", ORG);
  const botOf = async () =>
    ((await stored())?.bot ?? {}) as { token: string; refreshToken: string; expiresAt: number };

  /** `/subscribe` typed by a workspace's admin, as Slack sends it for an org-wide install. */
  async function subscribe(ws: Workspace) {
    const channelId = addChannel(fake, ws);
    const id = `org-${ws.teamId}`;
    const payload = slashCommandPayload({
      teamId: ws.teamId,
      channelId,
      userId: ws.admin,
      command: "/subscribe",
      text: "09:00 America/New_York",
      responseUrl: fake.responseUrl(id),
      enterpriseId: ORG,
      orgInstall: true,
    });
    await postSigned(`${base}/slack/events`, formBody(payload), { signingSecret: SIGNING_SECRET });
    await waitFor(() => fake.responses.some((r) => r.id === id), "the answer to /subscribe");
    expect(JSON.stringify(fake.responses.find((r) => r.id === id)?.body)).toContain("Subscribed");
    channels.set(ws.teamId, channelId);
  }

  it("stores one install for the organisation, with its expiring token and refresh token", async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const consent = new URL(start.headers.get("location") ?? "");
    consent.searchParams.set("team", ORG);
    const back = await fetch(consent, { redirect: "manual" });
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const done = await fetch(back.headers.get("location") ?? "", { headers: { cookie }, redirect: "manual" });
    expect(done.status).toBe(200);
    expect(await stored()).toMatchObject({ isEnterpriseInstall: true, enterprise: { id: ORG } });
    expect((await botOf()).refreshToken).toMatch(/^xoxe-1-/);
  });

  it("takes each workspace's commands with the organisation's token, refreshed once ahead of expiry", async () => {
    const first = await botOf();
    fake.enableTokenRotation(43_200); // refreshed tokens last Slack's 12 hours
    await subscribe(north);
    await subscribe(south);
    const now = await botOf();
    expect(now.token).not.toBe(first.token);
    expect(fake.refreshTokenLive(first.refreshToken)).toBe(false);
    expect(fake.calls.get("oauth.v2.access")).toBe(2); // the install, then one refresh
    for (const ws of [north, south]) {
      expect(await world.app.repositories.installations.find("slack", ws.teamId)).toEqual({
        orgInstall: ORG,
      });
    }
  });

  it("posts to every workspace of the organisation, refreshing a token about to expire first", async () => {
    const before = await botOf();
    // Eleven hours on: the stored token has one hour left.
    await world.app.repositories.installations.save("slack", ORG, {
      ...(await stored()),
      bot: { ...before, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
    });
    const report = await world.delivery.runPass({ at: new Date("2026-11-24T14:00:00Z") });
    expect(countByKind(report)).toEqual({ sent: 2 });
    for (const ws of [north, south]) {
      expect(fake.messagesIn(channels.get(ws.teamId) ?? "").map((m) => m.teamId)).toEqual([ws.teamId]);
      expect(
        (await world.app.repositories.subscriptions.findByChannel(refOf(ws, channels.get(ws.teamId) ?? "")))
          ?.state,
      ).toBe("active");
    }
    expect((await botOf()).token).not.toBe(before.token);
    expect(fake.calls.get("oauth.v2.access")).toBe(3);
  });

  it("logs and marks a refresh that fails, keeps the subscriptions, and tries the post again later", async () => {
    const bot = await botOf();
    fake.expireToken(bot.token);
    await world.app.repositories.installations.save("slack", ORG, {
      ...(await stored()),
      bot: { ...bot, expiresAt: Math.floor(Date.now() / 1000) - 60 },
    });
    // Slack refuses every refresh until the test says otherwise (the posts may share one attempt or not).
    fake.failNext("oauth.v2.access", { error: "invalid_refresh_token" }, 100);
    world.setNow("2026-11-25T13:00:00Z");
    const report = await world.delivery.runPass({ at: new Date("2026-11-25T14:00:00Z") });
    expect(countByKind(report)).toEqual({ retrying: 2 });
    expect(await stored()).toMatchObject({ refreshFailure: { error: "invalid_refresh_token" } });
    expect(
      world.logger.records.some(
        (r) => r.level === "warn" && /could not refresh a bot token/.test(r.message ?? ""),
      ),
    ).toBe(true);
    for (const ws of [north, south]) {
      const subscription = await world.app.repositories.subscriptions.findByChannel(
        refOf(ws, channels.get(ws.teamId) ?? ""),
      );
      expect(subscription?.state).toBe("active");
    }
    // Once Slack refreshes again, the waiting posts go out and the mark is cleared.
    fake.clearFaults("oauth.v2.access");
    const later = await world.delivery.runPass({ at: new Date("2026-11-25T15:00:00Z") });
    expect(countByKind(later)).toEqual({ sent: 2 });
    expect(await stored()).not.toHaveProperty("refreshFailure");
  });
});
