/**
 * Discord through the whole app: the real commands, database and delivery core, discord.js against the
 * fake Discord (REST and gateway). What registration leaves with Discord, what members and moderators
 * see, what a daily pass posts, and how the app reacts when Discord takes a channel or server away.
 */
import { USER_INSTALLABLE } from "../../platforms/discord/commands.ts";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../src/catalog/read-import-files.ts";
import { countByKind } from "../../src/delivery/report.ts";
import { type FakeChannel, Permission } from "../fakes/discord/index.ts";
import { sentMessageBodies } from "../platforms/discord/harness.ts";
import { HOSTILE_ID, hostileProfile } from "../platforms/discord/real-bot.ts";
import {
  answerTo,
  autocomplete,
  type DiscordSide,
  eventually,
  refOf,
  slash,
  startDiscordApp,
  subscribedChannel,
} from "./discord-side.ts";

const MESSAGES = "POST /channels/:id/messages";
const SAMPLE = fileURLToPath(new URL("../../data", import.meta.url));

let side: DiscordSide;
/** Channels the tests make Discord refuse on purpose (an injected 429, no permission). */
const refusedOnPurpose = new Set<string>();

beforeAll(async () => {
  side = await startDiscordApp("2026-11-24T04:00:00Z");
});

afterAll(async () => {
  await side?.close();
  // Over everything the app sent: mentions off on every body, nobody pinged, nothing refused by Discord.
  const { fake, world } = side;
  for (const body of sentMessageBodies(fake)) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(fake.stats().pings).toBe(0);
  const refused = fake.state.requests.filter((r) => (r.status ?? 0) >= 400 && !refusedOnPurpose.has(r.major));
  expect(refused.map((r) => `${r.status} ${r.route} ${JSON.stringify(r.body).slice(0, 300)}`)).toEqual([]);
  expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
});

const subscriptionOf = (channel: FakeChannel) =>
  side.world.app.repositories.subscriptions.findByChannel(refOf(channel));
const postRequests = (channel: FakeChannel) =>
  side.fake.requestsTo(MESSAGES).filter((r) => r.major === channel.id);
const pass = (iso: string) => side.world.delivery.runPass({ at: new Date(iso), settleWithinMs: 10_000 });
/** Each delivery scenario has a day of its own; subscribing that morning leaves no earlier day owed. */
const morningOf = (day: string) => side.world.setNow(`${day}T04:00:00Z`);

describe("registration through the app", () => {
  it("registers every command, moderator ones hidden by default and kept out of DMs", () => {
    const { commands } = side.world.app;
    expect(side.fake.state.commands.map((c) => c.name).sort()).toEqual(commands.map((c) => c.name).sort());
    const registered = new Map(side.fake.state.commands.map((c) => [c.name, c.json]));
    for (const command of commands) {
      expect(registered.get(command.name)).toMatchObject({
        description: command.description,
        default_member_permissions: command.moderatorOnly ? String(Permission.ManageChannels) : null,
        contexts: USER_INSTALLABLE.has(command.name) ? [0, 1, 2] : command.moderatorOnly ? [0] : [0, 1],
        integration_types: USER_INSTALLABLE.has(command.name) ? [0, 1] : [0],
      });
    }
    expect(registered.get("prisoner")?.options).toEqual([
      expect.objectContaining({ name: "name", type: 3, required: true, autocomplete: true }),
    ]);
    const schedule = registered.get("schedule")?.options as Array<{ name: string; options: unknown[] }>;
    expect(schedule.find((s) => s.name === "add")?.options).toContainEqual(
      expect.objectContaining({ name: "name", autocomplete: true }),
    );
  });
});

describe("members", () => {
  it("answers /help in Spanish to a member whose Discord is in Spanish, in a channel with no language", async () => {
    const channel = side.fake.addChannel(side.guild, "ayuda");
    expect(await side.world.app.services.channelLanguages.get(refOf(channel))).toBeUndefined();
    const help = await slash(side, { channel, user: side.member, name: "help", locale: "es-ES" });
    expect(help.content).toContain("Este bot mantiene a la vista a las familias de presos políticos");
    expect(help.content).toContain("Comandos:");
    // Discord's markdown would read "<nombre>" as markup: the renderer escapes it.
    expect(help.content).toContain(
      "/prisoner \\<nombre>: Busca a un preso de conciencia y a su familia por su nombre",
    );
    expect(help.content).not.toContain("Commands:");
    // The same channel, a member in English: English.
    const english = await slash(side, { channel, user: side.member, name: "help", locale: "en-GB" });
    expect(english.content).toContain("Commands:");
  });

  it("registers the Spanish, French, Russian, Ukrainian and Chinese menus with Discord", () => {
    const prisoner = side.fake.state.commands.find((c) => c.name === "prisoner")!.json;
    expect(Object.keys(prisoner.description_localizations as object).sort()).toEqual(
      ["es-419", "es-ES", "fr", "ru", "uk", "zh-CN"].sort(),
    );
  });

  it("autocompletes `məmm` to Ilgar Mammadov from the catalog", async () => {
    const channel = side.fake.addChannel(side.guild, "lookup");
    const choices = await autocomplete(side, { channel, user: side.member, name: "prisoner" }, "məmm");
    expect(choices).toContainEqual({ name: "Ilgar Mammadov", value: "ilgar-mammadov" });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("answers /prisoner with the card embed, for the picked choice and for a typed spelling", async () => {
    const channel = side.fake.addChannel(side.guild, "cards");
    for (const name of ["ilgar-mammadov", "Məmmədov"]) {
      const answer = await slash(side, { channel, user: side.member, name: "prisoner" }, { name });
      expect(answer.ephemeral).toBe(false);
      expect(answer.embeds).toEqual([
        expect.objectContaining({
          title: "Ilgar Mammadov",
          footer: expect.objectContaining({ text: expect.stringMatching(/Status as of/) }),
        }),
      ]);
    }
  });
});

describe("moderators", () => {
  it("Discord hides /subscribe from a member; one an admin let see it is refused, and nothing is stored", async () => {
    const channel = side.fake.addChannel(side.guild, "granted");
    const subscribe = { guild: side.guild, channel, name: "subscribe", options: { time: "09:00" } };
    expect(() => side.fake.command({ ...subscribe, user: side.member })).toThrow(/hide/);
    const granted = side.fake.addMember(side.guild, "granted", Permission.ManageMessages);
    side.fake.allowCommand("subscribe", granted);
    const answer = await answerTo(side.fake, side.fake.command({ ...subscribe, user: granted }));
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/Only this community's moderators/);
    expect(await subscriptionOf(channel)).toBeUndefined();
  });

  it("subscribes the channel for a moderator, under discord:<guild>:<channel>", async () => {
    const channel = side.fake.addChannel(side.guild, "daily");
    const answer = await slash(
      side,
      { channel, user: side.moderator, name: "subscribe" },
      { time: "09:00", timezone: "Asia/Baku" },
    );
    expect(answer.content).toMatch(/^Subscribed: .* at 09:00 \(Asia\/Baku\)/);
    expect(await subscriptionOf(channel)).toMatchObject({
      channel: `discord:${side.guild.id}:${channel.id}`,
      community: `discord:${side.guild.id}`,
      state: "active",
      postTime: "09:00",
      timezone: "Asia/Baku",
    });
  });
});

describe("delivery", () => {
  it("posts one embed per channel with a nonce, waits out a 429, and a second pass posts nothing", async () => {
    const quiet = await subscribedChannel(side, "quiet");
    const limited = await subscribedChannel(side, "limited");
    refusedOnPurpose.add(limited.id);
    side.fake.inject({
      route: MESSAGES,
      major: limited.id,
      times: 1,
      fault: { kind: "429", retryAfterS: 1 },
    });
    const first = await pass("2026-11-24T05:00:20Z");
    expect(first.lines.filter((l) => l.channel === refOf(quiet) || l.channel === refOf(limited))).toEqual([
      expect.objectContaining({ kind: "sent" }),
      expect.objectContaining({ kind: "sent" }),
    ]);
    const second = await pass("2026-11-24T05:01:20Z");
    expect(countByKind(second).sent ?? 0).toBe(0);
    for (const channel of [quiet, limited]) {
      const [post, ...more] = side.fake.messagesIn(channel);
      expect(more).toEqual([]);
      expect(post?.json.embeds).toHaveLength(1);
      expect(post?.body).toMatchObject({ nonce: expect.any(String), enforce_nonce: true });
    }
    expect(postRequests(quiet).map((r) => r.status)).toEqual([200]);
    expect(postRequests(limited).map((r) => r.status)).toEqual([429, 200]);
  });

  it("pauses a channel's subscription when the channel is deleted, and posts nothing there", async () => {
    morningOf("2026-11-25");
    const channel = await subscribedChannel(side, "doomed");
    side.fake.deleteChannel(channel);
    await eventually(async () => (await subscriptionOf(channel))?.state === "paused");
    expect(await subscriptionOf(channel)).toMatchObject({ pausedReason: "channel deleted" });
    await pass("2026-11-25T05:00:20Z");
    expect(postRequests(channel)).toEqual([]);
  });

  it("pauses a server's subscriptions when the bot is removed from it, but not for an outage", async () => {
    const servers = ["Leaving", "Flaky"].map((name) => {
      const guild = side.fake.addGuild(name);
      return { guild, moderator: side.fake.addMember(guild, `${name} mod`, Permission.ManageChannels) };
    });
    const [leaving, flaky] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const gone = [await subscribedChannel(side, "a", leaving), await subscribedChannel(side, "b", leaving)];
    const kept = await subscribedChannel(side, "c", flaky);
    side.fake.outage(flaky.guild);
    side.fake.removeBot(leaving.guild);
    for (const channel of gone) {
      await eventually(async () => (await subscriptionOf(channel))?.state === "paused");
      expect(await subscriptionOf(channel)).toMatchObject({ pausedReason: "bot removed from server" });
    }
    // The outage's GUILD_DELETE came first on the same socket, so it has been handled by now.
    expect(await subscriptionOf(kept)).toMatchObject({ state: "active" });
  });

  it("pauses after one refused post where the bot lost Send Messages", async () => {
    morningOf("2026-11-26");
    const channel = await subscribedChannel(side, "read-only");
    side.fake.denyBot(channel, Permission.SendMessages);
    refusedOnPurpose.add(channel.id);
    const report = await pass("2026-11-26T05:00:20Z");
    expect(report.lines.filter((l) => l.channel === refOf(channel)).map((l) => l.kind)).toEqual(["paused"]);
    expect(await subscriptionOf(channel)).toMatchObject({
      state: "paused",
      pausedReason: expect.stringMatching(/50013/),
    });
    // One request in all: the daily post is tried once, and no moderator notice is tried in a channel the
    // bot can no longer post in (each refused request counts towards Discord's ban limit). The moderator
    // who subscribed it gets a DM instead.
    expect(postRequests(channel).map((r) => r.status)).toEqual([403]);
    const dm = side.fake.dmChannelWith(side.moderator);
    expect(side.fake.messagesIn(dm!).map((m) => m.json.content)).toContainEqual(
      expect.stringMatching(new RegExp(`^About <#${channel.id}>:\n.*paused: 403 50013`)),
    );
    const before = postRequests(channel).length;
    await pass("2026-11-27T05:00:20Z");
    expect(postRequests(channel)).toHaveLength(before);
  });
});

describe("hostile names", () => {
  beforeAll(async () => {
    const read = await readImportFiles([SAMPLE]);
    await side.world.app.repositories.catalog.importBundle(
      // Based on a sentenced profile, so it can be spotlighted (a released one's spotlight is cancelled).
      { campaigns: read.campaigns, profiles: [hostileProfile(read.profiles, "ilham-tohti")] },
      "test",
    );
  });

  it("are accepted by Discord and ping no one: autocomplete, card, share kit, spotlight and its post", async () => {
    morningOf("2026-11-28");
    const channel = await subscribedChannel(side, "hostile");
    const choices = await autocomplete(side, { channel, user: side.member, name: "prisoner" }, "everyone");
    expect(choices.map((c) => c.value)).toContain(HOSTILE_ID);
    expect(Math.max(...choices.map((c) => c.name.length))).toBeLessThanOrEqual(100);
    const card = await slash(side, { channel, user: side.member, name: "prisoner" }, { name: HOSTILE_ID });
    expect(String(card.embeds[0]?.title)).toMatch(/^\\\*\\\*@\u200beveryone/);
    const share = await slash(side, { channel, user: side.member, name: "share" }, { name: HOSTILE_ID });
    expect(share.ephemeral).toBe(true);
    const scheduled = await slash(
      side,
      { channel, user: side.moderator, name: "schedule", subcommand: "add" },
      { name: HOSTILE_ID, date: "2026-11-28" },
    );
    expect(scheduled.content).toMatch(/^Spotlight scheduled: .* To undo it: \/schedule cancel \d+$/);
    const report = await pass("2026-11-28T05:00:20Z");
    expect(report.lines.filter((l) => l.channel === refOf(channel)).map((l) => l.kind)).toEqual(["sent"]);
    const [post, ...more] = side.fake.messagesIn(channel);
    expect(more).toEqual([]);
    expect(post?.json.embeds).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^\\\*\\\*@\u200beveryone/) }),
    ]);
    expect(post?.mentions).toEqual({ everyone: false, users: [], roles: [] });
  });
});
