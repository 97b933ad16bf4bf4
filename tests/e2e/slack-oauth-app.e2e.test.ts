/**
 * Slack through the whole app for many workspaces (OAuth install): installations kept in the database,
 * each workspace's daily posts sent with its own bot token, and an uninstall that pauses that workspace's
 * subscriptions and no one else's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countByKind } from "../../src/delivery/report.ts";
import { eventBody, type FakeSlack, postSigned, startFakeSlack } from "../fakes/slack/index.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";
import {
  addChannel,
  addWorkspace,
  refOf,
  SIGNING_SECRET,
  slackBase,
  slash,
  waitFor,
  type Workspace,
} from "./slack-side.ts";

describe("Slack through the app, many workspaces (OAuth)", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let http: { http: string };
  let alpha: Workspace;
  let beta: Workspace;
  /** Each workspace's subscribed channels, in the order the tests made them. */
  const subscribed = new Map<string, string[]>();

  beforeAll(async () => {
    fake = await startFakeSlack();
    alpha = addWorkspace(fake, "T0ALPHA");
    beta = addWorkspace(fake, "T0BETA");
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
    http = { http: slackBase(world) };
    // As in the app's Slack configuration: where the consent page sends the browser back to.
    fake.oauthRedirectUrl = `${http.http}/slack/oauth_redirect`;
  });

  afterAll(async () => {
    await world?.close();
    await fake?.stop();
    expect(fake.rejections).toEqual([]);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
  });

  /** What a person's browser does: our install page, Slack's consent page (Allow), back to our redirect. */
  async function install(ws: Workspace) {
    const start = await fetch(`${http.http}/slack/install`, { redirect: "manual" });
    const consent = new URL(start.headers.get("location") ?? "");
    expect(consent.origin).toBe(fake.url);
    consent.searchParams.set("team", ws.teamId);
    const back = await fetch(consent, { redirect: "manual" });
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return fetch(back.headers.get("location") ?? "", { headers: { cookie }, redirect: "manual" });
  }

  async function subscribeNewChannel(ws: Workspace): Promise<string> {
    const channelId = addChannel(fake, ws);
    const line = "/subscribe 09:00 America/New_York";
    const { text } = await slash(fake, http, line, { teamId: ws.teamId, channelId, userId: ws.admin });
    expect(text).toContain("Subscribed");
    subscribed.set(ws.teamId, [...(subscribed.get(ws.teamId) ?? []), channelId]);
    return channelId;
  }

  const subscription = (ws: Workspace, channel: string) =>
    world.app.repositories.subscriptions.findByChannel(refOf(ws, channel));

  it("keeps each workspace's installation, with its own bot token, in the database", async () => {
    for (const ws of [alpha, beta]) {
      expect((await install(ws)).status).toBe(200);
      expect(await world.app.repositories.installations.find("slack", ws.teamId)).toMatchObject({
        team: { id: ws.teamId },
        bot: { token: fake.team(ws.teamId).botToken, userId: fake.team(ws.teamId).botUserId },
      });
    }
  });

  it("takes commands from each installed workspace, checking roles with that workspace's token", async () => {
    const channelId = addChannel(fake, beta);
    const { text } = await slash(fake, http, "/subscribe 09:00 America/New_York", {
      teamId: beta.teamId,
      channelId,
      userId: beta.member,
    });
    // users.info went out with beta's token: with alpha's, Slack would not know beta's member at all.
    expect(text).toContain("Only this community's moderators");
    expect(await subscription(beta, channelId)).toBeUndefined();
    await subscribeNewChannel(alpha);
    await subscribeNewChannel(alpha);
    await subscribeNewChannel(beta);
  });

  it("posts once to the channels of both workspaces in one pass, each with its own token", async () => {
    const report = await world.delivery.runPass({ at: new Date("2026-11-24T14:00:00Z") });
    expect(countByKind(report)).toEqual({ sent: 3 });
    // The fake knows a post's workspace only from the bot token it came with.
    for (const ws of [alpha, beta]) {
      for (const channel of subscribed.get(ws.teamId) ?? []) {
        expect(fake.messagesIn(channel).map((m) => m.teamId)).toEqual([ws.teamId]);
      }
    }
    expect(fake.messages).toHaveLength(3);
  });

  it("pauses only the uninstalling workspace's subscriptions, and posts to the other's next day", async () => {
    const answer = await postSigned(
      `${http.http}/slack/events`,
      eventBody(alpha.teamId, { type: "app_uninstalled" }),
      {
        signingSecret: SIGNING_SECRET,
        contentType: "application/json",
      },
    );
    expect(answer.status).toBe(200);
    const alphaChannels = subscribed.get(alpha.teamId) ?? [];
    await waitFor(
      async () => (await subscription(alpha, alphaChannels[0]!))?.state === "paused",
      "the pause",
    );
    for (const channel of alphaChannels) {
      expect(await subscription(alpha, channel)).toMatchObject({
        state: "paused",
        pausedReason: "Slack: app_uninstalled",
      });
    }
    const [betaChannel = ""] = subscribed.get(beta.teamId) ?? [];
    expect(await subscription(beta, betaChannel)).toMatchObject({ state: "active" });
    expect(await world.app.repositories.installations.find("slack", alpha.teamId)).toBeUndefined();
    expect(await world.app.repositories.installations.find("slack", beta.teamId)).toBeDefined();

    const posts = fake.calls.get("chat.postMessage") ?? 0;
    const report = await world.delivery.runPass({ at: new Date("2026-11-25T14:00:00Z") });
    expect(report.lines.map((l) => [l.kind, l.channel])).toEqual([["sent", refOf(beta, betaChannel)]]);
    expect(fake.calls.get("chat.postMessage")).toBe(posts + 1);
    expect(fake.messagesIn(betaChannel).map((m) => m.teamId)).toEqual([beta.teamId, beta.teamId]);
  });
});
