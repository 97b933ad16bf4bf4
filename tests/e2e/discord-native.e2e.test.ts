/**
 * Discord's own conventions through the whole app (issue 18), discord.js against the fake: a subscription's
 * post options (one role pinged and nobody else, silent posts, publishing in an announcement channel), the
 * commands a member installs to their own account and uses where the bot is not, and a channel paused
 * when the bot loses what it needs there.
 */
import { ChannelType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeChannel } from "../fakes/discord/index.ts";
import { sentMessageBodies } from "../platforms/discord/harness.ts";
import { answerTo, type DiscordSide, refOf, slash, startDiscordApp } from "./discord-side.ts";

let side: DiscordSide;
/** The roles a daily post was asked to ping: the only pings the bot may make. */
const pingedRoles = new Set<string>();

beforeAll(async () => {
  side = await startDiscordApp("2026-12-01T04:00:00Z");
});

afterAll(async () => {
  await side?.close();
  const { fake } = side;
  // Every body the bot sent pings nobody, except a daily post's one chosen role.
  for (const body of sentMessageBodies(fake)) {
    const allowed = body.allowed_mentions as { parse: string[]; roles?: string[] };
    expect(allowed.parse).toEqual([]);
    for (const role of allowed.roles ?? []) expect(pingedRoles.has(role)).toBe(true);
  }
  for (const message of fake.state.messages) {
    expect(message.mentions.everyone).toBe(false);
    expect(message.mentions.users).toEqual([]);
    expect(message.mentions.roles.every((id) => pingedRoles.has(id))).toBe(true);
  }
});

const subscriptionOf = (channel: FakeChannel) =>
  side.world.app.repositories.subscriptions.findByChannel(refOf(channel));
const pass = (iso: string) => side.world.delivery.runPass({ at: new Date(iso), settleWithinMs: 10_000 });
const subscribe = (channel: FakeChannel, options: Record<string, string> = {}) =>
  slash(side, { channel, user: side.moderator, name: "subscribe" }, { time: "09:00", ...options });

describe("post options", () => {
  it("pings exactly the chosen role, silently, and publishes in an announcement channel", async () => {
    side.world.setNow("2026-12-01T04:00:00Z");
    const news = side.fake.addChannel(side.guild, "news", [], ChannelType.GuildAnnouncement);
    const alerts = side.fake.addRole(side.guild, "Daily alerts", { mentionable: true });
    pingedRoles.add(alerts.id);
    const answer = await subscribe(news, {
      timezone: "Asia/Baku",
      mention: alerts.id,
      silent: "on",
      crosspost: "on",
    });
    expect(answer.content).toMatch(/^Subscribed/);
    expect(answer.content).toContain(`Role mentioned above each post: ${alerts.id}`);
    expect(answer.content).toContain("Silent posts: on");
    expect(answer.content).toContain("Publish to following servers: on");
    await pass("2026-12-01T05:00:20Z");
    const [post, ...more] = side.fake.messagesIn(news);
    expect(more).toEqual([]);
    expect(String(post?.json.content)).toMatch(new RegExp(`^<@&${alerts.id}>\n`));
    expect(post?.body.allowed_mentions).toEqual({ parse: [], roles: [alerts.id] });
    expect(post?.mentions).toEqual({ everyone: false, users: [], roles: [alerts.id] });
    // SUPPRESS_NOTIFICATIONS (4096) as sent, CROSSPOSTED (1) once published.
    expect(post?.body.flags).toBe(4096);
    expect(post?.crossposted).toBe(true);
    expect(side.fake.requestsTo("POST /channels/:id/messages/:id/crosspost").map((r) => r.status)).toEqual([
      200,
    ]);
  });

  it("refuses crossposting outside an announcement channel, and stores nothing", async () => {
    const text = side.fake.addChannel(side.guild, "plain-text");
    const answer = await subscribe(text, { crosspost: "on" });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/only in an announcement channel, and this channel is not one/);
    expect(await subscriptionOf(text)).toBeUndefined();
  });

  it("refuses a role the bot may not ping, and a role an integration manages", async () => {
    const channel = side.fake.addChannel(side.guild, "roles");
    const closed = side.fake.addRole(side.guild, "Closed", { mentionable: false });
    const refused = await subscribe(channel, { mention: closed.id });
    expect(refused.content).toMatch(/The bot may not ping “Closed”.*Allow anyone to @mention this role/);
    const managed = await subscribe(channel, { mention: side.fake.botRole(side.guild).id });
    expect(managed.content).toMatch(/is managed by an integration/);
    expect(await subscriptionOf(channel)).toBeUndefined();
  });

  it("takes @everyone as no role: it is never pinged", async () => {
    const channel = side.fake.addChannel(side.guild, "everyone");
    const open = side.fake.addRole(side.guild, "Open", { mentionable: true });
    await subscribe(channel, { mention: open.id });
    expect((await subscriptionOf(channel))?.postOptions.mentionRole).toBe(open.id);
    const answer = await subscribe(channel, { mention: side.guild.id });
    expect(answer.content).toContain("Role mentioned above each post: none");
    expect((await subscriptionOf(channel))?.postOptions.mentionRole).toBeUndefined();
  });
});

describe("installed to a member's own account", () => {
  it("answers /today in a server without the bot from the default campaign, and says so", async () => {
    const elsewhere = side.fake.addForeignGuild("Elsewhere");
    const channel = side.fake.addChannel(elsewhere, "chat");
    const ix = side.fake.command({
      guild: elsewhere,
      channel,
      user: side.member,
      name: "today",
      install: "user",
    });
    const answer = await answerTo(side.fake, ix);
    expect(answer.content).toMatch(/from #\w+, the bot's default campaign: no daily post is set up here/);
    expect(answer.embeds).toHaveLength(1);
  });

  it("answers /prisoner in a group DM, and offers no moderator command there", async () => {
    const groupDm = { id: "1234567890123456789" };
    const ix = side.fake.command({
      user: side.member,
      name: "prisoner",
      groupDm,
      options: { name: "ilgar-mammadov" },
    });
    expect((await answerTo(side.fake, ix)).embeds[0]).toMatchObject({ title: "Ilgar Mammadov" });
    for (const name of ["subscribe", "language"]) {
      expect(() => side.fake.command({ user: side.member, name, groupDm })).toThrow(/not available/);
    }
  });
});
