/**
 * Slash commands, autocomplete and buttons, end to end: the fake gateway sends INTERACTION_CREATE, the
 * real discord.js parses it, the adapter answers, and the fake checks the answer as Discord would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Permission, type FakeInteraction } from "../../fakes/discord/index.ts";
import { ilgarCard } from "./fixtures.ts";
import { asSent, type Harness, sentMessageBodies, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ fake: { heartbeatIntervalMs: 250 } });
});
afterAll(() => h.close());

const callbackRoute = "POST /interactions/:id/:token/callback";
const answered = (ix: FakeInteraction) => h.fake.waitFor(() => ix.responseType !== undefined && ix);
const lastInvocation = () => h.catalogue.invocations.at(-1);

describe("the gateway session", () => {
  it("identifies with the Guilds intent only and gets heartbeats acknowledged", async () => {
    expect(h.fake.gateway.identifies.map((d) => d.intents)).toEqual([1]);
    await h.fake.waitFor(() => h.fake.gateway.heartbeats >= 1);
  });

  it("resumes after a dropped connection and still answers what was sent meanwhile", async () => {
    h.fake.dropConnections();
    const user = h.fake.addMember(h.guild, "resumer");
    const ix = h.fake.command({ guild: h.guild, channel: h.general, user, name: "today" });
    await answered(ix);
    expect(h.fake.gateway.resumes).toBeGreaterThanOrEqual(1);
    expect(h.fake.gateway.identifies).toHaveLength(1);
  });
});

describe("autocomplete", () => {
  it("offers Ilgar Mammadov for `məmm`, with the profile id as value", async () => {
    const user = h.fake.addMember(h.guild, "leyla");
    const ix = h.fake.autocomplete({
      guild: h.guild,
      channel: h.general,
      user,
      name: "prisoner",
      options: { name: "məmm" },
      focused: "name",
    });
    await answered(ix);
    expect(ix.callbacks).toEqual([
      { type: 8, data: { choices: [{ name: "Ilgar Mammadov", value: "ilgar-mammadov" }] } },
    ]);
  });

  it("clips what autocomplete returns to 25 choices of at most 100 characters, and Discord accepts it", async () => {
    const original = h.catalogue.autocomplete;
    h.catalogue.autocomplete = async () =>
      Array.from({ length: 40 }, (_, i) => ({
        name: `Person ${i} ${"ə".repeat(150)}`,
        value: `person-${i}`,
      }));
    try {
      const user = h.fake.addMember(h.guild, "rafael", Permission.ManageChannels);
      const ix = h.fake.autocomplete({
        guild: h.guild,
        channel: h.general,
        user,
        name: "schedule",
        subcommand: "add",
        options: { date: "2026-12-10", name: "p" },
        focused: "name",
      });
      await answered(ix);
      const choices =
        (ix.callbacks[0]?.data as { choices: Array<{ name: string; value: string }> } | undefined)?.choices ??
        [];
      expect(choices).toHaveLength(25);
      expect(Math.max(...choices.map((c) => c.name.length))).toBeLessThanOrEqual(100);
      expect(h.fake.state.requests.filter((r) => r.route === callbackRoute && r.status === 400)).toEqual([]);
    } finally {
      h.catalogue.autocomplete = original;
    }
  });

  it("answers with no choices, in time, when the lookup is too slow or fails", async () => {
    const quick = await startHarness({ tuning: { autocompleteTimeoutMs: 100 } });
    try {
      const user = quick.fake.addMember(quick.guild, "impatient");
      const where = { guild: quick.guild, channel: quick.general, user, name: "prisoner", focused: "name" };
      const lookups = [() => new Promise<never>(() => {}), () => Promise.reject(new Error("index down"))];
      for (const lookup of lookups) {
        quick.catalogue.autocomplete = lookup;
        const ix = quick.fake.autocomplete({ ...where, options: { name: "ilg" } });
        await quick.fake.waitFor(() => ix.responseType !== undefined, 1_000);
        expect(ix.callbacks).toEqual([{ type: 8, data: { choices: [] } }]);
      }
      expect(quick.logger.lines.some((l) => l.message === "autocomplete lookup failed")).toBe(true);
    } finally {
      await quick.close();
    }
  });
});

describe("slash commands", () => {
  it("answers /prisoner with the card embed and share buttons, pinging no one", async () => {
    const user = h.fake.addMember(h.guild, "amina");
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name: "prisoner",
      options: { name: "ilgar-mammadov" },
    });
    await answered(ix);
    const callback = ix.callbacks[0];
    const data = asSent(callback);
    expect(callback?.type).toBe(4);
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds[0]).toMatchObject({
      title: "Ilgar Mammadov",
      footer: { text: expect.stringContaining("Status as of 23 April 2020") },
    });
    expect(data.components[0]?.components[0]).toMatchObject({ style: 5, label: "Post on X" });
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);
    expect(lastInvocation()).toMatchObject({
      command: "prisoner",
      options: { name: "ilgar-mammadov" },
      community: `discord:${h.guild.id}`,
    });
  });

  it("lists several matches as buttons, and a click re-runs the command with the choice", async () => {
    const user = h.fake.addMember(h.guild, "tural");
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name: "prisoner",
      options: { name: "a" },
    });
    await answered(ix);
    const message = ix.original!;
    const buttons = (
      message.json.components as Array<{ components: Array<{ custom_id: string; label: string }> }>
    )[0]!.components;
    const bekele = buttons.find((b) => b.label.includes("Bekele"))!;
    const click = h.fake.click({
      guild: h.guild,
      channel: h.general,
      user,
      message,
      customId: bekele.custom_id,
    });
    await answered(click);
    expect(lastInvocation()).toMatchObject({ command: "prisoner", text: "bekele-gerba" });
    expect(asSent(click.callbacks[0]).embeds[0]?.title).toBe("Bekele Gerba");
  });

  it("keeps /share private (ephemeral) with link buttons only", async () => {
    const user = h.fake.addMember(h.guild, "nigar");
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name: "share",
      options: { name: "ilgar" },
    });
    await answered(ix);
    const data = asSent(ix.callbacks[0]);
    expect((data.flags ?? 0) & 64).toBe(64);
    const buttons = data.components.flatMap((row) => row.components);
    expect(buttons.every((b) => b.style === 5 && /^https?:/.test(b.url ?? ""))).toBe(true);
  });

  it("defers a slow answer and edits it in, within a deadline it would otherwise miss", async () => {
    const slow = await startHarness({ fake: { interactionDeadlineMs: 300 }, tuning: { deferAfterMs: 50 } });
    try {
      const user = slow.fake.addMember(slow.guild, "ali");
      slow.catalogue.delayNext(700);
      const ix = slow.fake.command({
        guild: slow.guild,
        channel: slow.general,
        user,
        name: "prisoner",
        options: { name: "ilgar-mammadov" },
      });
      const edited = await slow.fake.waitFor(
        () => slow.fake.requestsTo("PATCH /webhooks/:id/:token/messages/@original")[0],
      );
      expect(ix.callbacks).toEqual([{ type: 5, data: { flags: 0 } }]);
      expect(edited.status).toBe(200);
      expect(asSent(edited.body).embeds[0]?.title).toBe("Ilgar Mammadov");
      expect(asSent(edited.body).allowed_mentions).toEqual({ parse: [] });
    } finally {
      await slow.close();
    }
  });

  it("sends a private answer to a publicly deferred command as an ephemeral follow-up", async () => {
    const slow = await startHarness({ tuning: { deferAfterMs: 20 } });
    try {
      const user = slow.fake.addMember(slow.guild, "ayaz");
      slow.catalogue.delayNext(150);
      const ix = slow.fake.command({
        guild: slow.guild,
        channel: slow.general,
        user,
        name: "prisoner",
        options: { name: "nobody" },
      });
      await slow.fake.waitFor(() => ix.original?.deleted);
      expect(ix.followUps).toHaveLength(1);
      expect(ix.followUps[0]?.json.flags).toBe(64);
      expect(ix.followUps[0]?.body.content).toBe('No one called "nobody" here.');
      // The public deferral was resolved with a placeholder (never with the private answer), then deleted.
      expect(ix.original?.body.content).toBe("…");
    } finally {
      await slow.close();
    }
  });

  it("ignores a replayed interaction (gateway resume) instead of answering twice", async () => {
    const user = h.fake.addMember(h.guild, "samir");
    const ix = h.fake.command({ guild: h.guild, channel: h.general, user, name: "today" });
    await answered(ix);
    h.fake.gateway.dispatch("INTERACTION_CREATE", ix.payload);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ix.callbacks).toHaveLength(1);
  });
});

describe("moderators", () => {
  async function runSubscribe(user: ReturnType<Harness["fake"]["addMember"]>, channel = h.general) {
    const before = h.catalogue.moderatorAnswers.length;
    const ix = h.fake.command({
      guild: h.guild,
      channel,
      user,
      name: "subscribe",
      options: { time: "09:00" },
    });
    await answered(ix);
    expect(h.catalogue.moderatorAnswers).toHaveLength(before + 1);
    return { ix, isModerator: h.catalogue.moderatorAnswers.at(-1) };
  }

  it("Discord hides moderator commands from members without Manage Channels", () => {
    const user = h.fake.addMember(h.guild, "visitor");
    expect(() =>
      h.fake.command({
        guild: h.guild,
        channel: h.general,
        user,
        name: "subscribe",
        options: { time: "09:00" },
      }),
    ).toThrow(/hide/);
  });

  it("says no to a member an admin let see the command, and the refusal is private", async () => {
    const user = h.fake.addMember(h.guild, "granted", Permission.ManageMessages);
    h.fake.allowCommand("subscribe", user);
    const { ix, isModerator } = await runSubscribe(user);
    expect(isModerator).toBe(false);
    expect((asSent(ix.callbacks[0]).flags ?? 0) & 64).toBe(64);
  });

  it("says yes to Manage Channels, Manage Server (once shown the command) and Administrator", async () => {
    expect(
      (await runSubscribe(h.fake.addMember(h.guild, "chanmod", Permission.ManageChannels))).isModerator,
    ).toBe(true);
    const serverManager = h.fake.addMember(h.guild, "servermod", Permission.ManageGuild);
    h.fake.allowCommand("subscribe", serverManager);
    expect((await runSubscribe(serverManager)).isModerator).toBe(true);
    expect(
      (await runSubscribe(h.fake.addMember(h.guild, "admin", Permission.Administrator))).isModerator,
    ).toBe(true);
  });

  it("refuses to subscribe a channel where the bot could not show the card, naming what is missing", async () => {
    const mod = h.fake.addMember(h.guild, "mod-no-embeds", Permission.ManageChannels);
    const plain = h.fake.addChannel(h.guild, "no-embeds");
    h.fake.denyBot(plain, Permission.EmbedLinks);
    const before = h.catalogue.moderatorAnswers.length;
    const ix = h.fake.command({
      guild: h.guild,
      channel: plain,
      user: mod,
      name: "subscribe",
      options: { time: "09:00" },
    });
    await answered(ix);
    const answer = asSent(ix.callbacks[0]);
    expect(answer.content ?? answer.embeds?.[0]?.description).toMatch(/missing Embed Links here/);
    expect((answer.flags ?? 0) & 64).toBe(64);
    // Refused before the command ran: nothing was subscribed.
    expect(h.catalogue.moderatorAnswers).toHaveLength(before);
  });

  it("says what is missing in the member's language: Persian for a Persian Discord", async () => {
    const mod = h.fake.addMember(h.guild, "mod-fa-no-embeds", Permission.ManageChannels);
    const plain = h.fake.addChannel(h.guild, "no-embeds-fa");
    h.fake.denyBot(plain, Permission.EmbedLinks);
    const ix = h.fake.command({
      guild: h.guild,
      channel: plain,
      user: mod,
      locale: "fa",
      name: "subscribe",
      options: { time: "09:00" },
    });
    await answered(ix);
    const answer = asSent(ix.callbacks[0]);
    const shown = answer.content ?? answer.embeds?.[0]?.description ?? "";
    expect(shown).toContain("نمی‌توانم کارت روزانه را در این کانال منتشر کنم");
    expect(shown).toContain("Embed Links");
    expect(shown).not.toContain("I can't post");
  });

  it("uses the member's permissions in that channel: an overwrite taking Manage Channels away counts", async () => {
    const user = h.fake.addMember(h.guild, "demoted", Permission.ManageChannels);
    const quiet = h.fake.addChannel(h.guild, "quiet", [
      { id: user.id, type: 1, allow: 0n, deny: Permission.ManageChannels },
    ]);
    h.fake.allowCommand("subscribe", user);
    expect((await runSubscribe(user, quiet)).isModerator).toBe(false);
  });

  it("is never a moderator in a DM, where moderator commands do not exist", async () => {
    const user = h.fake.addMember(h.guild, "dm-user", Permission.Administrator);
    expect(() => h.fake.command({ user, name: "subscribe", options: { time: "09:00" } })).toThrow(/context/);
    const ix = h.fake.command({ user, name: "prisoner", options: { name: "ilgar-mammadov" } });
    await answered(ix);
    const invocation = lastInvocation();
    expect(invocation?.channel).toMatch(/^discord:dm:\d+$/);
    expect(await invocation?.caller.isModerator()).toBe(false);
  });
});

describe("hostile profile text", () => {
  it("is cut and escaped, never refused, and never pings", async () => {
    const hostile = "**@everyone** <@&123456789012345678> <@123456789012345678> @here ";
    const card = ilgarCard({
      profileId: "hostile",
      title: hostile.repeat(10),
      summary: hostile.repeat(80),
      familyStory: "x".repeat(5000),
    });
    h.catalogue.cards.set("hostile", { card, names: ["hostile"] });
    const user = h.fake.addMember(h.guild, "reader");
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name: "prisoner",
      options: { name: "hostile" },
    });
    await answered(ix);
    expect(h.fake.requestsTo(callbackRoute).find((r) => r.path.includes(ix.id))?.status).toBe(204);
    const sent = await h.adapter.send(`discord:${h.guild.id}:${h.general.id}` as never, {
      kind: "daily",
      intro: hostile.repeat(50),
      card,
      share: { profileId: "hostile", text: hostile, url: "https://example.org", hashtag: hostile, links: [] },
      idempotencyKey: "hostile-1",
    });
    expect(sent.kind).toBe("sent");
  });
});

afterAll(() => {
  // Over everything this suite sent: nothing refused, every body switched mentions off, nobody pinged.
  const bodies = sentMessageBodies(h.fake);
  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(h.fake.stats().pings).toBe(0);
  expect(h.fake.state.requests.filter((r) => (r.status ?? 0) >= 400)).toEqual([]);
});
