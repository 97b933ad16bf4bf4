/**
 * The real commands through real Bolt against the fake Slack: who may do what, and what they get back.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { ask, GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";
import { createRealBot } from "./real-bot.ts";

let h: Harness;
let bot: Awaited<ReturnType<typeof createRealBot>>;
beforeEach(async () => {
  bot = await createRealBot();
  h = await startHarness({ dispatch: bot.dispatch, commands: bot.commands, botModerators: [] });
});
afterEach(async () => {
  await h.stop();
  expect(h.fake.rejections).toEqual([]);
  expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
});

const here = channelRef(`slack:${TEAM}:${GENERAL}`);

describe("slack with the real commands", () => {
  it("answers a member's /prisoner with the profile card, in the channel, mentioning no one", async () => {
    const { ack, response } = await ask(h, "/prisoner Məmmədov", { userId: "U0MEMBER" });
    expect(ack.status).toBe(200);
    expect(response.body).toMatchObject({
      response_type: "in_channel",
      blocks: expect.arrayContaining([
        { type: "header", text: { type: "plain_text", text: "Ilgar Mammadov", emoji: false } },
      ]),
    });
    expect(JSON.stringify(response.body)).toMatch(/Status as of/);
    expect(response.mentions).toEqual([]);
  });

  it("refuses a member's /subscribe and changes nothing", async () => {
    const { response, text } = await ask(h, "/subscribe 09:00 America/New_York", { userId: "U0MEMBER" });
    expect(response.body.response_type).toBe("ephemeral");
    expect(text).toContain("Only this community's moderators can use /subscribe");
    expect(await bot.repositories.subscriptions.findByChannel(here)).toBeUndefined();
  });

  it("subscribes the channel for an admin", async () => {
    const { response, text } = await ask(h, "/subscribe 09:00 America/New_York", { userId: "U0ADMIN" });
    expect(response.body.response_type).toBe("in_channel");
    expect(text).toContain("Subscribed");
    expect(await bot.repositories.subscriptions.findByChannel(here)).toMatchObject({
      community: `slack:${TEAM}`,
      postTime: "09:00",
      timezone: "America/New_York",
      state: "active",
      createdBy: "slack:U0ADMIN",
    });
  });

  it("lets an admin make a member a bot moderator, who may then subscribe, until removed", async () => {
    const refused = await ask(h, "/moderators add <@U0MEMBER|u0member>", { userId: "U0MEMBER2" });
    expect(refused.text).toContain("Only workspace admins and owners can add bot moderators");
    expect(h.botModerators.history).toEqual([]);

    const added = await ask(h, "/moderators add <@U0MEMBER|u0member>", { userId: "U0OWNER" });
    expect(added.response.body.response_type).toBe("ephemeral");
    expect(added.text).toContain(
      "u0member is now a bot moderator here and can use /subscribe, /unsubscribe, /schedule",
    );
    expect(h.botModerators.history).toEqual([
      { action: "grant", community: `slack:${TEAM}`, userId: "U0MEMBER", actor: "slack:U0OWNER" },
    ]);
    expect((await ask(h, "/subscribe", { userId: "U0MEMBER" })).text).toContain("Subscribed");

    // A bot moderator sees the list, but cannot make more of themselves.
    expect((await ask(h, "/moderators list", { userId: "U0MEMBER" })).text).toContain("u0member");
    const escalation = await ask(h, "/moderators add <@U0MEMBER2>", { userId: "U0MEMBER" });
    expect(escalation.text).toContain("Only workspace admins and owners");
    expect((await ask(h, "/moderators list", { userId: "U0MEMBER2" })).text).toContain(
      "Only this workspace's moderators",
    );

    expect((await ask(h, "/moderators remove <@U0MEMBER>", { userId: "U0ADMIN" })).text).toContain(
      "no longer a bot moderator",
    );
    expect((await ask(h, "/unsubscribe", { userId: "U0MEMBER" })).text).toContain(
      "Only this community's moderators can use /unsubscribe",
    );
    expect(await bot.repositories.subscriptions.findByChannel(here)).toMatchObject({ state: "active" });
  });

  it("never makes a guest or someone from another workspace a moderator, and says how to use it", async () => {
    h.fake.addUser({ id: "U0OTHER", teamId: "T0ELSEWHERE", name: "other", role: "admin" });
    for (const who of ["U0GUEST", "U0SCGUEST", "U0OTHER"]) {
      const { text } = await ask(h, `/moderators add <@${who}>`, { userId: "U0ADMIN" });
      expect(text).toContain("is not a full member of this workspace");
    }
    expect(h.botModerators.history).toEqual([]);
    // Slack does not know the other workspace's user here; that refusal was expected.
    expect(h.fake.rejections.splice(0)).toEqual([
      { method: "users.info", error: "user_not_found", status: 200 },
    ]);
    const already = await ask(h, "/moderators add <@U0OWNER>", { userId: "U0ADMIN" });
    expect(already.text).toContain("moderates already");
    const usage = await ask(h, "/moderators make <@U0MEMBER> boss", { userId: "U0ADMIN" });
    expect(usage.text).toContain("Usage: /moderators add @user");
    expect((await ask(h, "/moderators list", { userId: "U0ADMIN" })).text).toContain(
      "No bot moderators here",
    );
  });
});
