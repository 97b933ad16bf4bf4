/**
 * Dead channels through the whole app, on each platform's real library against its fake: a channel the
 * platform answers with a permanent error (deleted, archived, bot removed, no access) is tried once on its
 * first day, its subscription pauses, and the moderator who subscribed is told once in a direct message,
 * never in the dead channel. Over the following days nothing more is sent: not to the channel, not to the
 * moderator. Where the moderator cannot be messaged, that is recorded on the pass's line and not retried.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../src/core/channel.ts";
import type { PassReport } from "../../src/delivery/report.ts";
import { Permission } from "../fakes/discord/index.ts";
import type { FakeSlack } from "../fakes/slack/index.ts";
import { createFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../fakes/telegram/updates.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";
import { type DiscordSide, refOf as discordRef, startDiscordApp, subscribedChannel } from "./discord-side.ts";
import { addChannel, refOf, slackBase, slash, startOneWorkspaceApp, type Workspace } from "./slack-side.ts";

const DAYS = ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"];
const START = "2026-11-24T04:00:00Z";

/** One pass a day, a little after the post time (`HH:MM` in UTC), each waiting out what falls due soon. */
async function passesOver(world: AppWorld, utcTime: string): Promise<PassReport[]> {
  const reports: PassReport[] = [];
  for (const day of DAYS) {
    reports.push(
      await world.delivery.runPass({ at: new Date(`${day}T${utcTime}:20Z`), settleWithinMs: 5_000 }),
    );
  }
  return reports;
}

/** The report lines about one channel, over all the days. */
const linesAbout = (reports: PassReport[], channel: string) =>
  reports.flatMap((r, day) => r.lines.filter((l) => l.channel === channel).map((l) => ({ day, ...l })));

describe("Slack", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;
  const subscribe = (channelId: string, userId: string) =>
    slash(fake, { http: slackBase(world) }, "/subscribe 09:00 America/New_York", {
      teamId: ws.teamId,
      channelId,
      userId,
    });

  beforeAll(async () => {
    ({ fake, ws, world } = await startOneWorkspaceApp("T0DEAD", START));
  });
  afterAll(async () => {
    await world?.close();
    await fake?.stop();
  });

  it("posts once to a deleted, an archived and a left channel, DMs the subscriber once each, then nothing", async () => {
    const [deleted, archived, left] = [addChannel(fake, ws), addChannel(fake, ws), addChannel(fake, ws)];
    for (const channel of [deleted, archived, left]) await subscribe(channel, ws.admin);
    fake.deleteChannel(deleted);
    fake.channel(archived).archived = true;
    Object.assign(fake.channel(left), { isPrivate: true, botMember: false });
    const before = fake.log.length;

    const reports = await passesOver(world, "14:00");

    const dead = { [deleted]: "channel_not_found", [archived]: "is_archived", [left]: "not_in_channel" };
    for (const [channel, error] of Object.entries(dead)) {
      expect(fake.callsTo(channel)).toEqual([{ method: "chat.postMessage", channel, ok: false, error }]);
      expect(await world.app.repositories.subscriptions.findByChannel(refOf(ws, channel))).toMatchObject({
        state: "paused",
        pausedReason: error,
      });
      expect(linesAbout(reports, refOf(ws, channel))).toEqual([
        expect.objectContaining({
          day: 0,
          kind: "paused",
          detail: `${error}; told slack:${ws.admin} in private`,
        }),
      ]);
    }
    const dm = fake.directMessageWith(ws.admin);
    expect(dm?.id).toMatch(/^D/);
    const notices = fake.messagesIn(dm!.id).map((m) => JSON.stringify(m.blocks));
    expect(notices).toHaveLength(3);
    for (const [channel, error] of Object.entries(dead)) {
      expect(notices.filter((n) => n.includes(`<#${channel}>`) && n.includes(error))).toHaveLength(1);
    }
    // Every call of the four days: one post per dead channel, and one DM (open + post) per pause.
    const calls = fake.log.slice(before);
    expect(calls.filter((c) => c.method === "conversations.open")).toEqual(
      Array(3).fill({ method: "conversations.open", users: ws.admin, ok: true }),
    );
    expect(calls.filter((c) => c.method === "chat.postMessage" && c.channel === dm!.id)).toHaveLength(3);
    expect(calls).toHaveLength(3 + 3 * 2);
    for (const later of reports.slice(1)) expect(later.lines).toEqual([]);
  });

  it("records a subscriber Slack will not let the bot message, and tries neither again", async () => {
    const gone = fake.addUser({
      id: `U${ws.teamId.slice(1)}GONE`,
      teamId: ws.teamId,
      name: "gone",
      role: "admin",
    });
    const channel = addChannel(fake, ws);
    await subscribe(channel, gone.id);
    fake.channel(channel).archived = true;
    gone.deleted = true; // deactivated since
    const before = fake.log.length;

    const reports = await passesOver(world, "14:00");

    expect(fake.log.slice(before)).toEqual([
      { method: "chat.postMessage", channel, ok: false, error: "is_archived" },
      { method: "conversations.open", users: gone.id, ok: false, error: "user_disabled" },
    ]);
    expect(linesAbout(reports, refOf(ws, channel))).toEqual([
      expect.objectContaining({
        kind: "paused",
        detail: `is_archived; no moderator told: a private message to slack:${gone.id} failed: user_disabled`,
      }),
    ]);
    expect(world.logger.records).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "a subscription was paused and no moderator could be told",
        fields: expect.objectContaining({ channel: refOf(ws, channel), subscriber: `slack:${gone.id}` }),
      }),
    );
  });
});

describe("Discord", () => {
  let side: DiscordSide;
  const requestsTo = (channelId: string) => side.fake.state.requests.filter((r) => r.major === channelId);

  beforeAll(async () => {
    side = await startDiscordApp(START);
  });
  afterAll(async () => {
    await side?.close();
  });

  it("posts once to a deleted channel (10003) and a hidden one (50001), DMs the subscriber once each", async () => {
    const deleted = await subscribedChannel(side, "deleted");
    const hidden = await subscribedChannel(side, "hidden");
    // Deleted while the bot was offline: no CHANNEL_DELETE, so only the post finds out.
    side.fake.deleteChannel(deleted, { event: false });
    side.fake.denyBot(hidden, Permission.ViewChannel);
    const before = side.fake.state.requests.length;

    const reports = await passesOver(side.world, "05:00");

    expect(requestsTo(deleted.id).map((r) => `${r.route} ${r.status}`)).toEqual([
      "POST /channels/:id/messages 404",
    ]);
    expect(requestsTo(hidden.id).map((r) => `${r.route} ${r.status}`)).toEqual([
      "POST /channels/:id/messages 403",
    ]);
    for (const [channel, code] of [
      [deleted, "10003"],
      [hidden, "50001"],
    ] as const) {
      expect(linesAbout(reports, discordRef(channel))).toEqual([
        expect.objectContaining({
          day: 0,
          kind: "paused",
          detail: expect.stringMatching(`^\\d+ ${code}: .*; told discord:${side.moderator.id} in private$`),
        }),
      ]);
    }
    const dm = side.fake.dmChannelWith(side.moderator);
    const notices = side.fake.messagesIn(dm!).map((m) => String(m.json.content));
    expect(notices).toHaveLength(2);
    expect(notices.some((n) => n.startsWith(`About <#${deleted.id}>:`) && n.includes("10003"))).toBe(true);
    expect(notices.some((n) => n.startsWith(`About <#${hidden.id}>:`) && n.includes("50001"))).toBe(true);
    const calls = side.fake.state.requests.slice(before).map((r) => `${r.route} ${r.status}`);
    expect(calls.sort()).toEqual([
      "POST /channels/:id/messages 200",
      "POST /channels/:id/messages 200",
      "POST /channels/:id/messages 403",
      "POST /channels/:id/messages 404",
      "POST /users/@me/channels 200",
      "POST /users/@me/channels 200",
    ]);
    for (const later of reports.slice(1)) expect(later.lines).toEqual([]);
  });

  it("records a subscriber who takes no DMs (50007), and tries neither again", async () => {
    const moderator = side.fake.addMember(side.guild, "private-mod", Permission.ManageChannels);
    const channel = await subscribedChannel(side, "read-only", { guild: side.guild, moderator });
    side.fake.denyBot(channel, Permission.SendMessages);
    side.fake.closeDms(moderator);
    const before = side.fake.state.requests.length;

    const reports = await passesOver(side.world, "05:00");

    const calls = side.fake.state.requests.slice(before).map((r) => `${r.route} ${r.status}`);
    expect(calls).toEqual([
      "POST /channels/:id/messages 403",
      "POST /users/@me/channels 200",
      "POST /channels/:id/messages 403",
    ]);
    expect(requestsTo(channel.id)).toHaveLength(1);
    expect(linesAbout(reports, discordRef(channel))).toEqual([
      expect.objectContaining({
        kind: "paused",
        detail: expect.stringMatching(
          /; no moderator told: .* failed: 403 50007: Cannot send messages to this user$/,
        ),
      }),
    ]);
  });
});

describe("Telegram", () => {
  let fake: FakeTelegram;
  let world: AppWorld;
  const ADMIN = 702;
  const SILENT_ADMIN = 703;
  let nextChat = -100_300_000;
  const callsTo = (chatId: number) => fake.calls.filter((c) => Number(c.params.chat_id) === chatId);

  const send = (update: BuiltUpdate) => fake.handleByPolling(update);
  async function subscribedGroup(admin: number): Promise<number> {
    const chat = nextChat--;
    fake.addChat({ id: chat, type: "supergroup", title: `Group ${chat}` });
    fake.setMember(chat, admin, "administrator");
    await send(fake.updates.message(chat, admin, "/subscribe 09:00 Europe/Baku"));
    return chat;
  }

  beforeAll(async () => {
    fake = await createFakeTelegram();
    for (const id of [ADMIN, SILENT_ADMIN]) fake.addUser({ id });
    // ADMIN has started the bot (a private chat exists); SILENT_ADMIN never has.
    fake.addChat({ id: ADMIN, type: "private" }, "member");
    world = await startAppWorld({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }, START);
  });
  afterAll(async () => {
    await world?.close();
    await fake?.close();
  });

  it("posts once to a group that kicked the bot and one deleted, messages the subscriber once each", async () => {
    const kicked = await subscribedGroup(ADMIN);
    const deleted = await subscribedGroup(ADMIN);
    fake.setBotStatus(kicked, "kicked");
    fake.deleteChat(deleted);
    const [kickedBefore, deletedBefore] = [callsTo(kicked).length, callsTo(deleted).length];

    const reports = await passesOver(world, "05:00");

    expect(
      callsTo(kicked)
        .slice(kickedBefore)
        .map((c) => `${c.method} ${c.status} ${c.description}`),
    ).toEqual(["sendMessage 403 Forbidden: bot was kicked from the supergroup chat"]);
    expect(
      callsTo(deleted)
        .slice(deletedBefore)
        .map((c) => `${c.method} ${c.status} ${c.description}`),
    ).toEqual(["sendMessage 400 Bad Request: chat not found"]);
    const notices = fake.sentTo(ADMIN).map((m) => m.text);
    expect(notices).toHaveLength(2);
    expect(
      notices.filter(
        (t) => t.includes("About a chat you subscribed to the daily post:") && t.includes("kicked"),
      ),
    ).toHaveLength(1);
    expect(
      notices.filter(
        (t) => t.includes("About a chat you subscribed to the daily post:") && t.includes("chat not found"),
      ),
    ).toHaveLength(1);
    // A chat id means nothing to a person: the notice says which subscription by its time and day instead.
    for (const text of notices) expect(text).not.toMatch(/-?\d{6,}/);
    for (const chat of [kicked, deleted]) {
      expect(linesAbout(reports, channelRef(`telegram:${chat}`))).toEqual([
        expect.objectContaining({
          day: 0,
          kind: "paused",
          detail: expect.stringMatching(/; told telegram:702 in private$/),
        }),
      ]);
    }
    for (const later of reports.slice(1)) expect(later.lines).toEqual([]);
    expect(callsTo(ADMIN)).toHaveLength(2);
  });

  it("records an admin who never started the bot, and a channel that subscribed itself; tries nothing again", async () => {
    const group = await subscribedGroup(SILENT_ADMIN);
    const channel = nextChat--;
    fake.addChat({ id: channel, type: "channel", title: "Channel" });
    await send(fake.updates.channelPost(channel, "/subscribe 09:00 Europe/Baku"));
    fake.setBotStatus(group, "kicked");
    fake.setBotStatus(channel, "left");
    const before = fake.calls.length;

    const reports = await passesOver(world, "05:00");

    const calls = fake.calls.slice(before).filter((c) => c.method !== "getUpdates");
    expect(calls.map((c) => `${c.params.chat_id} ${c.status} ${c.description}`).sort()).toEqual(
      [
        `${group} 403 Forbidden: bot was kicked from the supergroup chat`,
        `${channel} 403 Forbidden: bot is not a member of the channel chat`,
        `${SILENT_ADMIN} 403 Forbidden: bot can't initiate conversation with a user`,
      ].sort(),
    );
    expect(linesAbout(reports, channelRef(`telegram:${group}`))).toEqual([
      expect.objectContaining({
        detail: expect.stringMatching(/no moderator told: .*bot can't initiate conversation/),
      }),
    ]);
    // The channel spoke for itself: its own id is no person, and the notice never goes back into it.
    expect(linesAbout(reports, channelRef(`telegram:${channel}`))).toEqual([
      expect.objectContaining({ detail: expect.stringMatching(/no moderator told: .*not a Telegram user/) }),
    ]);
  });
});
