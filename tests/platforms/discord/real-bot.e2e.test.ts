/**
 * The shipped commands, dispatcher and services behind the real adapter and discord.js, against the fake:
 * what a server sees from registration to the daily post. No in-test stand-ins for the bot's answers.
 */
import { USER_INSTALLABLE } from "../../../platforms/discord/commands.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordBenchSender } from "../../../platforms/discord/index.ts";
import { type ChannelRef, channelRef, communityRef } from "../../../src/core/channel.ts";
import {
  type FakeChannel,
  type FakeInteraction,
  type FakeUser,
  Permission,
} from "../../fakes/discord/index.ts";
import { asSent, type Harness, sentMessageBodies, startHarness } from "./harness.ts";
import { createRealBot, HOSTILE_ID } from "./real-bot.ts";

let h: Harness;
let real: Awaited<ReturnType<typeof createRealBot>>;
/** Channels a test sends to knowing Discord will refuse (deleted ones). */
const refusedOnPurpose = new Set<string>();
beforeAll(async () => {
  real = await createRealBot();
  h = await startHarness({ bot: real.bot });
});
afterAll(async () => {
  // Over everything this suite sent: nothing refused, mentions off on every body, nobody pinged.
  for (const body of sentMessageBodies(h.fake)) expect(body.allowed_mentions).toEqual({ parse: [] });
  const refused = h.fake.state.requests.filter((r) => (r.status ?? 0) >= 400);
  expect(refused.filter((r) => !refusedOnPurpose.has(r.major))).toEqual([]);
  expect(h.fake.stats().pings).toBe(0);
  await h.close();
});

const ref = (channel: FakeChannel): ChannelRef => channelRef(`discord:${channel.guildId}:${channel.id}`);
const answered = (ix: FakeInteraction) => h.fake.waitFor(() => ix.responseType !== undefined && ix);
const ephemeral = (ix: FakeInteraction) => ((asSent(ix.callbacks[0]).flags ?? 0) & 64) === 64;

describe("registration", () => {
  it("registers every shipped command, moderator ones hidden by default and kept out of DMs", () => {
    const registered = new Map(h.fake.state.commands.map((c) => [c.name, c.json]));
    expect([...registered.keys()].sort()).toEqual(real.bot.commands.map((c) => c.name).sort());
    for (const command of real.bot.commands) {
      const json = registered.get(command.name);
      expect(json?.default_member_permissions ?? null).toBe(
        command.moderatorOnly ? String(Permission.ManageChannels) : null,
      );
      // Members may install these to their own account; /language and moderators' stay the server's.
      const everywhere = USER_INSTALLABLE.has(command.name);
      expect(json?.contexts).toEqual(everywhere ? [0, 1, 2] : command.moderatorOnly ? [0] : [0, 1]);
      expect(json?.integration_types).toEqual(everywhere ? [0, 1] : [0]);
    }
    const prisoner = registered.get("prisoner")?.options as Array<{ name: string; autocomplete: boolean }>;
    expect(prisoner).toEqual([expect.objectContaining({ name: "name", autocomplete: true, required: true })]);
  });
});

describe("members", () => {
  let member: FakeUser;
  beforeAll(() => {
    member = h.fake.addMember(h.guild, "leyla");
  });

  it("autocompletes `məmm` to Ilgar Mammadov from the name index", async () => {
    const where = { guild: h.guild, channel: h.general, user: member };
    const ix = h.fake.autocomplete({
      ...where,
      name: "prisoner",
      options: { name: "məmm" },
      focused: "name",
    });
    await answered(ix);
    const data = ix.callbacks[0]?.data as { choices: Array<{ name: string; value: string }> } | undefined;
    expect(data?.choices).toContainEqual({ name: "Ilgar Mammadov", value: "ilgar-mammadov" });
  });

  it("shows the card for the picked choice, and for a spelling typed without autocomplete", async () => {
    for (const typed of ["ilgar-mammadov", "Mamedov"]) {
      const where = { guild: h.guild, channel: h.general, user: member };
      const ix = h.fake.command({ ...where, name: "prisoner", options: { name: typed } });
      await answered(ix);
      const card = asSent(ix.callbacks[0]).embeds[0];
      expect(card?.title).toBe("Ilgar Mammadov");
      expect(card?.footer?.text).toMatch(/#FreeToBeHome/);
      expect(ephemeral(ix)).toBe(false);
    }
  });

  it("answers a name that matches no one with a private reply, not a failure", async () => {
    const where = { guild: h.guild, channel: h.general, user: member };
    const ix = h.fake.command({ ...where, name: "prisoner", options: { name: "zzqx" } });
    await answered(ix);
    expect(ephemeral(ix)).toBe(true);
  });

  it("keeps /share private, with link buttons", async () => {
    const where = { guild: h.guild, channel: h.general, user: member };
    const ix = h.fake.command({ ...where, name: "share", options: { name: "Bekele" } });
    await answered(ix);
    const buttons = asSent(ix.callbacks[0]).components.flatMap((row) => row.components);
    expect(ephemeral(ix)).toBe(true);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => b.style === 5 && /^https:/.test(b.url ?? ""))).toBe(true);
  });
});

describe("moderators", () => {
  it("refuses /subscribe to a member an admin let see it, and nothing changes", async () => {
    const channel = h.fake.addChannel(h.guild, "granted");
    const user = h.fake.addMember(h.guild, "granted", Permission.ManageMessages);
    h.fake.allowCommand("subscribe", user);
    const ix = h.fake.command({
      guild: h.guild,
      channel,
      user,
      name: "subscribe",
      options: { time: "08:30" },
    });
    await answered(ix);
    expect(ephemeral(ix)).toBe(true);
    expect(asSent(ix.callbacks[0]).content).toMatch(/Only this community's moderators/);
    expect(await real.services.subscriptions.findByChannel(ref(channel))).toBeUndefined();
  });

  it("subscribes the channel for a member with Manage Channels", async () => {
    const channel = h.fake.addChannel(h.guild, "daily");
    const user = h.fake.addMember(h.guild, "mod", Permission.ManageChannels);
    const options = { time: "08:30", timezone: "Asia/Baku" };
    const ix = h.fake.command({ guild: h.guild, channel, user, name: "subscribe", options });
    await answered(ix);
    expect(asSent(ix.callbacks[0]).content).toMatch(/^Subscribed: .* at 08:30 \(Asia\/Baku\)/);
    expect(await real.services.subscriptions.findByChannel(ref(channel))).toMatchObject({
      community: `discord:${h.guild.id}`,
      postTime: "08:30",
      timezone: "Asia/Baku",
    });
  });
});

describe("delivery", () => {
  it("posts today's family once; a second pass with the same key makes no second message", async () => {
    const channel = h.fake.addChannel(h.guild, "featured");
    const community = communityRef(`discord:${h.guild.id}`);
    const post = await real.dailyPost(ref(channel), community, "sub1-2026-12-10");
    const first = await h.adapter.send(ref(channel), post);
    const second = await h.adapter.send(ref(channel), post);
    expect(first.kind).toBe("sent");
    expect(second).toEqual(first);
    const [message, ...more] = h.fake.messagesIn(channel);
    expect(more).toEqual([]);
    expect(message?.json.embeds).toEqual([expect.objectContaining({ title: post.card.title })]);
  });

  it("works the same through the benchmark's bare REST sender", async () => {
    const channel = h.fake.addChannel(h.guild, "bench");
    const send = createDiscordBenchSender({ apiUrl: h.fake.apiUrl, token: h.fake.token });
    const post = await real.dailyPost(ref(channel), communityRef(`discord:${h.guild.id}`), "bench-1");
    expect((await send(channel.id, post)).kind).toBe("sent");
    expect((await send(channel.id, post)).kind).toBe("sent");
    expect((await send(channel.id, "a plain @everyone notice")).kind).toBe("sent");
    expect(h.fake.messagesIn(channel)).toHaveLength(2);
    const gone = h.fake.addChannel(h.guild, "bench-gone");
    h.fake.deleteChannel(gone);
    refusedOnPurpose.add(gone.id);
    expect(await send(gone.id, "x")).toEqual({ kind: "permanent", reason: "404 10003: Unknown Channel" });
  });
});

describe("hostile names", () => {
  it("are cut and escaped in the card and the post: Discord refuses nothing and no one is pinged", async () => {
    const user = h.fake.addMember(h.guild, "reader");
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name: "prisoner",
      options: { name: HOSTILE_ID },
    });
    await answered(ix);
    const card = asSent(ix.callbacks[0]).embeds[0];
    expect(card?.title).toMatch(/^\\\*\\\*@\u200beveryone\\\*\\\* \\<@&/);
    const channel = h.fake.addChannel(h.guild, "hostile");
    const sent = await h.adapter.send(ref(channel), await real.hostilePost("hostile-1"));
    expect(sent.kind).toBe("sent");
    const [message] = h.fake.messagesIn(channel);
    expect(message?.mentions).toEqual({ everyone: false, users: [], roles: [] });
  });
});
