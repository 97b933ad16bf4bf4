/**
 * Slack's App Home through the whole app (Bolt over HTTP against the fake Slack): what a member and a
 * moderator see when they open it, the name search, and Pause / Resume from it, checked again on the server
 * whatever the view showed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  blockSuggestionPayload,
  type FakeSlack,
  type HomeAction,
  homeActionPayload,
  homeOpenedBody,
  interactionBody,
  postSigned,
} from "../fakes/slack/index.ts";
import type { AppWorld } from "./app-world.ts";
import {
  addChannel,
  refOf,
  SIGNING_SECRET,
  slackBase,
  slash,
  startOneWorkspaceApp,
  waitFor,
  type Workspace,
} from "./slack-side.ts";

describe("Slack's App Home through the app", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;
  let base: string;
  const subscribed: string[] = [];

  beforeAll(async () => {
    ({ fake, ws, world } = await startOneWorkspaceApp("T0HOME", "2026-11-24T04:00:00Z"));
    base = slackBase(world);
    for (let i = 0; i < 2; i++) {
      const channelId = addChannel(fake, ws);
      const as = { teamId: ws.teamId, channelId, userId: ws.admin };
      await slash(fake, { http: base }, "/subscribe 09:00 America/New_York", as);
      subscribed.push(channelId);
    }
  });

  afterAll(async () => {
    await world?.close();
    await fake?.stop();
    expect(fake.rejections).toEqual([]);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
  });

  const sign = { signingSecret: SIGNING_SECRET };
  const dmOf = (userId: string) => `D0${userId.slice(1)}`;

  /** Opens the Home as `userId` and waits for the view the app publishes. */
  async function open(userId: string) {
    const before = fake.views.length;
    const body = homeOpenedBody({ teamId: ws.teamId, userId }, dmOf(userId));
    const answer = await postSigned(`${base}/slack/events`, body, {
      ...sign,
      contentType: "application/json",
    });
    expect(answer.status).toBe(200);
    await waitFor(() => fake.views.length > before, "the Home view");
    return homeText(userId);
  }

  /** Presses something in the Home the app last published for `userId` (or forges one). */
  async function press(userId: string, action: HomeAction) {
    const before = fake.views.length;
    const privateMetadata = String(fake.homeOf(userId)?.view.private_metadata ?? "");
    const payload = homeActionPayload({ teamId: ws.teamId, userId }, action, privateMetadata);
    expect((await postSigned(`${base}/slack/events`, interactionBody(payload), sign)).status).toBe(200);
    await waitFor(() => fake.views.length > before, "the Home published again");
    return homeText(userId);
  }

  const homeText = (userId: string) => JSON.stringify(fake.homeOf(userId)?.view ?? {});
  const subscription = (channel: string) =>
    world.app.repositories.subscriptions.findByChannel(refOf(ws, channel));

  /** The Pause or Resume button the app put beside a channel in a moderator's Home. */
  function buttonFor(userId: string, channel: string): { action_id: string; value: string } {
    const blocks = (fake.homeOf(userId)?.view.blocks ?? []) as Array<{
      text?: { text?: string };
      accessory?: never;
    }>;
    const section = blocks.find((b) => b.text?.text?.startsWith(`<#${channel}>`));
    if (!section?.accessory) throw new Error(`no button for ${channel}`);
    return section.accessory;
  }

  it("shows a member today's family and the search, and no channels", async () => {
    const text = await open(ws.member);
    expect(text).toContain("Today's family");
    expect(text).toContain('"type":"external_select"');
    expect(text).toContain("Status as of");
    expect(text).not.toContain("Channels subscribed");
    // The card's buttons that answer through a message's response_url are left out of the Home.
    expect(text).not.toMatch(/ftbh\.(act|choice)\./);
  });

  it("shows a moderator the workspace's channels with their next post and a Pause button", async () => {
    const text = await open(ws.admin);
    expect(text).toContain("Channels subscribed in this workspace");
    for (const channel of subscribed) {
      expect(text).toContain(`<#${channel}>`);
      expect(buttonFor(ws.admin, channel)).toMatchObject({
        value: refOf(ws, channel),
        text: { text: "Pause" },
      });
    }
    // Escaped as mrkdwn: Slack shows the underscore, not italics (zero-width spaces around it).
    expect(text.replaceAll("\u200b", "")).toContain(
      "Next post: Tuesday 24 November 2026, 09:00 (America/New_York)",
    );
  });

  it("pauses a channel for a moderator, audited, and shows it paused with Resume", async () => {
    const [channel = ""] = subscribed;
    const button = buttonFor(ws.admin, channel);
    const text = await press(ws.admin, { kind: "button", actionId: button.action_id, value: button.value });
    expect(await subscription(channel)).toMatchObject({
      state: "paused",
      pausedReason: `paused by ${ws.teamId.toLowerCase()}-admin (${ws.admin}) from App Home`,
    });
    const audit = await world.app.repositories.audit.list({ entityType: "subscription" });
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: `slack:${ws.admin}`, action: "subscription.paused" }),
    );
    expect(text).toContain(`Paused: <#${channel}>`);
    expect(buttonFor(ws.admin, channel)).toMatchObject({ text: { text: "Resume" } });
  });

  it("refuses a member's forged Pause, and a moderator's for another workspace's channel", async () => {
    const [, channel = ""] = subscribed;
    await open(ws.member);
    const forged = { kind: "button" as const, actionId: "ftbh.home.pause.1", value: refOf(ws, channel) };
    expect(await press(ws.member, forged)).toContain("Only this workspace's admins and bot moderators");
    const elsewhere = { ...forged, value: `slack:T0ELSEWHERE:${channel}` };
    expect(await press(ws.admin, elsewhere)).toContain("Only this workspace's admins and bot moderators");
    expect((await subscription(channel))?.state).toBe("active");
  });

  it("resumes a paused channel for a moderator", async () => {
    const [channel = ""] = subscribed;
    await open(ws.admin);
    const button = buttonFor(ws.admin, channel);
    const text = await press(ws.admin, { kind: "button", actionId: button.action_id, value: button.value });
    expect((await subscription(channel))?.state).toBe("active");
    expect(text).toContain(`Resumed: <#${channel}>`);
  });

  it("offers names as the member types, and shows the one picked", async () => {
    await open(ws.member);
    const payload = blockSuggestionPayload(
      { teamId: ws.teamId, userId: ws.member },
      "ftbh.home.search",
      "Mammad",
    );
    const answer = await postSigned(`${base}/slack/events`, interactionBody(payload), sign);
    const options = (JSON.parse(answer.body) as { options: Array<{ text: { text: string }; value: string }> })
      .options;
    const ilgar = options.find((o) => o.text.text === "Ilgar Mammadov");
    expect(ilgar).toBeDefined();
    const text = await press(ws.member, {
      kind: "external_select",
      actionId: "ftbh.home.search",
      selected: { text: "Ilgar Mammadov", value: ilgar?.value ?? "" },
    });
    expect(text).toContain("Search result");
    expect(text).toContain('"text":"Ilgar Mammadov"');
    expect(await press(ws.member, { kind: "button", actionId: "ftbh.home.today" })).toContain(
      "Today's family",
    );
  });

  it("speaks the member's Slack language where the bot has it", async () => {
    fake.addUser({ id: "U0HOMEES", teamId: ws.teamId, name: "ana", role: "member", locale: "es-ES" });
    expect(await open("U0HOMEES")).toContain("La familia de hoy");
  });
});
