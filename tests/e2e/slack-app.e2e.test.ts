/**
 * Slack through the whole app, one workspace (SLACK_BOT_TOKEN): the real commands, database and delivery
 * core, Bolt against the fake Slack, over HTTP (signed requests) and Socket Mode. What members and admins
 * see, who may subscribe, and what a daily pass posts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityRef } from "../../src/core/channel.ts";
import { countByKind } from "../../src/delivery/report.ts";
import {
  type FakeSlack,
  formBody,
  postSigned,
  sign,
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
  startOneWorkspaceApp,
  slash,
  useUpChannelBudget,
  waitFor,
  type Via,
  type Workspace,
} from "./slack-side.ts";

// 09:00 in New York on 24 November 2026 (EST, UTC-5).
const DUE = "2026-11-24T14:00:00Z";

describe("Slack through the app over HTTP, one workspace", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;
  let http: Via;
  let slackTime: Awaited<ReturnType<typeof startOneWorkspaceApp>>["slackTime"];

  beforeAll(async () => {
    ({ fake, ws, world, slackTime } = await startOneWorkspaceApp("T0SOLO", "2026-11-24T04:00:00Z"));
    http = { http: slackBase(world) };
  });

  afterAll(async () => {
    await world?.close();
    await fake?.stop();
    // Each test takes out the refusals it caused on purpose; anything left is a call Slack refused.
    expect(fake.rejections).toEqual([]);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
  });

  const subscribe = (channel: string, userId = ws.admin) =>
    slash(fake, http, "/subscribe 09:00 America/New_York", { teamId: ws.teamId, channelId: channel, userId });

  it("answers a member's signed /prisoner Məmmədov with the card, in the channel", async () => {
    const channelId = addChannel(fake, ws);
    const { ack, response, text } = await slash(fake, http, "/prisoner Məmmədov", {
      teamId: ws.teamId,
      channelId,
      userId: ws.member,
    });
    expect(ack).toEqual({ status: 200 });
    expect(response.body).toMatchObject({
      response_type: "in_channel",
      blocks: expect.arrayContaining([
        { type: "header", text: { type: "plain_text", text: "Ilgar Mammadov", emoji: false } },
      ]),
    });
    expect(text).toMatch(/Status as of/);
    expect(response.mentions).toEqual([]);
  });

  it("refuses a forged signature and a ten-minute-old timestamp with 401, and does nothing", async () => {
    const channelId = addChannel(fake, ws);
    const lookups = fake.calls.get("users.info") ?? 0;
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      { id: "forged", timestamp: now, secret: "not-the-signing-secret" },
      { id: "stale", timestamp: now - 600, secret: SIGNING_SECRET },
    ];
    for (const { id, timestamp, secret } of attempts) {
      const body = formBody(
        slashCommandPayload({
          teamId: ws.teamId,
          channelId,
          userId: ws.admin,
          command: "/subscribe",
          text: "09:00 America/New_York",
          responseUrl: fake.responseUrl(id),
        }),
      );
      const answer = await postSigned(`${slackBase(world)}/slack/events`, body, {
        signingSecret: SIGNING_SECRET,
        timestamp,
        signature: sign(secret, timestamp, body),
      });
      expect(answer.status).toBe(401);
    }
    // Time for an answer that should never come.
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.responses.filter((r) => r.id === "forged" || r.id === "stale")).toEqual([]);
    expect(fake.calls.get("users.info") ?? 0).toBe(lookups);
    expect(await world.app.repositories.subscriptions.findByChannel(refOf(ws, channelId))).toBeUndefined();
  });

  it("refuses a member's /subscribe and stores nothing; an admin's subscribes the channel", async () => {
    const channelId = addChannel(fake, ws);
    const refused = await subscribe(channelId, ws.member);
    expect(refused.response.body.response_type).toBe("ephemeral");
    expect(refused.text).toContain("Only this community's moderators can use /subscribe");
    const ref = refOf(ws, channelId);
    expect(ref).toBe(`slack:${ws.teamId}:${channelId}`);
    expect(await world.app.repositories.subscriptions.findByChannel(ref)).toBeUndefined();

    const done = await subscribe(channelId);
    expect(done.text).toContain("Subscribed");
    expect(await world.app.repositories.subscriptions.findByChannel(ref)).toMatchObject({
      community: `slack:${ws.teamId}`,
      postTime: "09:00",
      timezone: "America/New_York",
      state: "active",
      createdBy: `slack:${ws.admin}`,
    });
  });

  it("lets a member an admin made a bot moderator subscribe", async () => {
    const channelId = addChannel(fake, ws);
    expect((await subscribe(channelId, ws.member)).text).toContain("Only this community's moderators");
    const added = await slash(fake, http, `/moderators add <@${ws.member}|member>`, {
      teamId: ws.teamId,
      channelId,
      userId: ws.admin,
    });
    expect(added.text).toContain("is now a bot moderator here");
    const community = communityRef(`slack:${ws.teamId}`);
    expect(await world.app.repositories.botModerators.list(community)).toEqual([ws.member]);

    expect((await subscribe(channelId, ws.member)).text).toContain("Subscribed");
    expect(await world.app.repositories.subscriptions.findByChannel(refOf(ws, channelId))).toMatchObject({
      state: "active",
      createdBy: `slack:${ws.member}`,
    });
  });

  // Before the delivery test on purpose: both pass the same day, so no channel is posted to twice in a
  // second of real time, which the fake would (rightly) answer with a 429.
  it("pauses the subscription of an archived channel and of one the bot was removed from", async () => {
    const archived = addChannel(fake, ws);
    const left = addChannel(fake, ws);
    for (const channel of [archived, left]) await subscribe(channel);
    fake.channel(archived).archived = true;
    Object.assign(fake.channel(left), { isPrivate: true, botMember: false });

    const report = await world.delivery.runPass({ at: new Date(DUE) });
    expect(countByKind(report).sent).toBe(2); // the channels subscribed in the tests above
    const paused = async (channel: string) =>
      world.app.repositories.subscriptions.findByChannel(refOf(ws, channel));
    expect(await paused(archived)).toMatchObject({ state: "paused", pausedReason: "is_archived" });
    expect(await paused(left)).toMatchObject({ state: "paused", pausedReason: "not_in_channel" });
    // One post to each, refused; the admin who subscribed them is told in a direct message, not there.
    const refused = fake.rejections.splice(0).map((r) => `${r.method} ${r.error} ${r.status}`);
    expect(refused.sort()).toEqual([
      "chat.postMessage is_archived 200",
      "chat.postMessage not_in_channel 200",
    ]);
    for (const channel of [archived, left]) expect(fake.callsTo(channel)).toHaveLength(1);
    const dm = fake.directMessageWith(ws.admin);
    const notices = fake.messagesIn(dm!.id).map((m) => m.text);
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`<#${archived}>`),
        expect.stringContaining(`<#${left}>`),
      ]),
    );
  });

  it("posts once per channel at the due instant, waits out a 429, and posts none on a second pass", async () => {
    const quiet = addChannel(fake, ws);
    const limited = addChannel(fake, ws);
    for (const channel of [quiet, limited]) await subscribe(channel);
    // Slack's clock stands still from the burst used up to the post it refuses, however long that takes.
    slackTime.holdUntilRefused(fake);
    await useUpChannelBudget(fake, ws.teamId, limited, 3);
    const posts = () => fake.calls.get("chat.postMessage") ?? 0;

    const early = await world.delivery.runPass({ at: new Date("2026-11-24T13:59:30Z") });
    expect(early.lines).toEqual([]);

    const before = posts();
    const report = await world.delivery.runPass({ at: new Date(DUE), settleWithinMs: 5_000 });
    expect(countByKind(report)).toMatchObject({ sent: 2 });
    expect(fake.messagesIn(quiet)).toHaveLength(1);
    expect(fake.messagesIn(limited)).toHaveLength(3 + 1);
    const [post] = fake.messagesIn(quiet);
    expect(post).toMatchObject({ teamId: ws.teamId, mentions: [] });
    expect(post?.text).toMatch(/Today's featured family/);
    // The post to the limited channel was refused once with Retry-After, and sent again within the pass.
    expect(posts() - before).toBe(3);
    expect(fake.rejections.splice(0)).toEqual([
      { method: "chat.postMessage", error: "ratelimited", status: 429 },
    ]);

    const again = await world.delivery.runPass({
      at: new Date("2026-11-24T14:01:00Z"),
      settleWithinMs: 5_000,
    });
    expect(countByKind(again).sent ?? 0).toBe(0);
    expect(posts() - before).toBe(3);
  });
});

describe("Slack through the app over Socket Mode, one workspace", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;

  beforeAll(async () => {
    fake = await startFakeSlack();
    ws = addWorkspace(fake, "T0SOCKET");
    world = await startAppWorld(
      {
        SLACK_BOT_TOKEN: fake.team(ws.teamId).botToken,
        SLACK_APP_TOKEN: fake.appToken,
        SLACK_PORT: "0",
        SLACK_API_URL: fake.apiUrl,
      },
      "2026-11-24T04:00:00Z",
    );
    await fake.socket.connected();
  });

  afterAll(async () => {
    await world?.close();
    // Bolt's Socket Mode stop() sends the close frame without waiting for the handshake; stopping the fake
    // before it completes would make the client log a WebSocket error.
    await waitFor(() => fake.socket.connections === 0, "the Socket Mode connection to close");
    await fake?.stop();
    expect(fake.rejections).toEqual([]);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
  });

  it("answers /prisoner Məmmədov with the card, and subscribes for an admin only", async () => {
    const channelId = addChannel(fake, ws);
    const as = { teamId: ws.teamId, channelId };
    const card = await slash(fake, "socket", "/prisoner Məmmədov", { ...as, userId: ws.member });
    expect(card.ack).toEqual({ envelopeId: expect.stringMatching(/^env-/) });
    expect(card.response.body.response_type).toBe("in_channel");
    expect(card.text).toContain("Ilgar Mammadov");

    const line = "/subscribe 09:00 America/New_York";
    expect((await slash(fake, "socket", line, { ...as, userId: ws.member })).text).toContain(
      "Only this community's moderators",
    );
    expect((await slash(fake, "socket", line, { ...as, userId: ws.admin })).text).toContain("Subscribed");
    expect(await world.app.repositories.subscriptions.findByChannel(refOf(ws, channelId))).toMatchObject({
      state: "active",
      timezone: "America/New_York",
    });
  });
});
