/**
 * The rules of docs/style-of-replies.md, held across every command and every platform's renderer: each
 * command is run as a member and as a moderator, in a channel and in a private chat, through its refusals
 * too, and each answer is read as the console, Discord, Slack and Telegram show it. Scheduled posts,
 * inline results and moderator notices are read the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { pausedNoticeText } from "../../../src/delivery/moderator-notice.ts";
import { cancelSpotlightsAfterStatusChange } from "../../../src/delivery/spotlight-status.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { importLiveCampaign } from "../commands/live-campaign.ts";
import { createTestBot, type TestBot } from "../commands/test-bot.ts";
import {
  type Rendering,
  renderEverywhere,
  renderInline,
  renderNoticeEverywhere,
  renderPostEverywhere,
} from "./renderings.ts";

const NOW = new Date("2026-11-24T12:00:00Z");

/** Strings that are ids, not words. Link targets are left out: a source's address may hold any number. */
const ID_SHAPES: ReadonlyArray<readonly [string, RegExp]> = [
  ["a number after #", /#\d+/],
  ["one of the bot's own keys", /ftbh\d*[-:]/i],
  ["a channel or community reference", /\b(?:console|discord|slack|telegram):[\w-]/],
  ["a spotlight or record named by its number", /\b(?:spotlight|id)\s+#?\d/i],
  ["a platform's id (a chat id, a snowflake)", /(?<![\w/.=%-])-?\d{6,}(?!\w)/],
];

function idsIn(text: string): string[] {
  const words = text.replace(/\b(?:https?|mailto):\S+/g, "");
  return ID_SHAPES.flatMap(([what, shape]) => {
    const found = words.match(shape);
    return found ? [`${what}: "${found[0]}"`] : [];
  });
}

interface Said {
  line: string;
  as: string;
  reply: Reply;
}

type As = NonNullable<Parameters<TestBot["say"]>[1]>;

const member: As = {};
const moderator: As = { moderator: true, communityModerator: true };
const channelOnlyModerator: As = { moderator: true, communityModerator: false };

/** Every command, its refusals included, in a channel (`in` "channel") or a private chat with the bot. */
function script(place: "channel" | "private chat"): Array<[string, As]> {
  const dm = place === "private chat";
  const here = dm
    ? { channel: "console:dm-42", community: "console:dm-42", privateChat: true }
    : { channel: "console:room-a", community: "console:community" };
  const as = (who: As): As => ({ ...who, ...here });
  return [
    ["/help", as(member)],
    ["/prisoner Mammadov", as(member)],
    ["/prisoner Mohammad", as(member)],
    ["/prisoner Nobody Atall", as(member)],
    ["/today", as(member)],
    ["/share", as(member)],
    ["/share Khalil Matouk", as(member)],
    ["/act", as(member)],
    ["/act Khalil Matouk", as(member)],
    ["/act Mohammad", as(member)],
    ["/subscribe", as(member)],
    ["/unsubscribe", as(moderator)],
    ["/subscribe 09:00 UTC no-such-campaign", as(moderator)],
    ["/subscribe 09:00 Asia/Baku free-to-be-home-2016", as(moderator)],
    ["/subscribe 10:30", as(moderator)],
    ["/schedule Khalil Matouk 2026-12-10 18:00", as(moderator)],
    ["/schedule Ilham Tohti 2026-12-10", as(moderator)],
    ["/schedule Ilham Tohti 2026-12-10 --replace", as(moderator)],
    ["/schedule Ilgar Mammadov 2026-12-11", as(moderator)],
    ["/schedule Live Person 2026-12-11", as(moderator)],
    ["/schedule Ilham Tohti 2026-11-01", as(moderator)],
    ["/schedule Mohammad 2026-12-12", as(moderator)],
    ["/schedule Narges Mohammadi 2026-11-24 08:00", as(moderator)],
    ["/schedule Fanta Jawara 2026-12-12 --community", as(channelOnlyModerator)],
    ...(dm
      ? []
      : ([["/schedule Fanta Jawara 2026-12-12 --community", as(moderator)]] as Array<[string, As]>)),
    ["/today", as(member)],
    ["/schedule list", as(moderator)],
    ["/schedule cancel 999", as(moderator)],
    ["/schedule cancel abc", as(moderator)],
    ["/schedule cancel 1", as(moderator)],
    ["/schedule cancel", as(moderator)],
    ["/unsubscribe", as(moderator)],
    ["/language", as(member)],
    ["/language es", as(member)],
    ["/language klingon", as(moderator)],
    ["/language default", as(moderator)],
    ["/nosuchcommand", as(member)],
  ];
}

let bot: TestBot;
const said: Record<"channel" | "private chat", Said[]> = { channel: [], "private chat": [] };

beforeAll(async () => {
  bot = await createTestBot(NOW);
  await importLiveCampaign(bot, "live-2026", [
    { id: "live-person", name: "Live Person", change: (p) => (p.lastVerifiedAt = "2026-11-01") },
  ]);
  for (const place of ["channel", "private chat"] as const) {
    for (const [line, as] of script(place)) {
      const who = as.moderator
        ? as.communityModerator === false
          ? "channel moderator"
          : "moderator"
        : "member";
      said[place].push({ line, as: `${who} in a ${place}`, reply: await bot.say(line, as) });
    }
  }
});

const everything = () => [...said.channel, ...said["private chat"]];
const cardsOf = (list: readonly Said[]) =>
  list.filter((s): s is Said & { reply: Extract<Reply, { kind: "card" | "share" }> } =>
    ["card", "share"].includes(s.reply.kind),
  );
const nonEmpty = (lines: readonly string[]) => lines.map((l) => l.trim()).filter(Boolean);
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const STATUS_AS_OF = /status as of/gi;

/** The name on the first line of a card; with an intro, on the first line after it. */
function expectNameFirst(rendering: Rendering, name: string, intro: string | undefined, what: string) {
  const lines = nonEmpty(rendering.lines);
  const first = intro === undefined ? lines[0] : lines[1];
  if (intro !== undefined) expect(lines[0], `${what} on ${rendering.where}: the intro`).toBe(intro);
  expect(first, `${what} on ${rendering.where}: the first line`).toContain(name);
}

describe("replies read as a person wrote them", () => {
  it("the script runs every command of the registry, as a member and as a moderator", () => {
    const run = new Set(everything().map((s) => s.line.slice(1).split(" ")[0]));
    for (const command of commands) expect(run, command.name).toContain(command.name);
    for (const sub of ["list", "cancel"])
      expect(everything().some((s) => s.line.startsWith(`/schedule ${sub}`))).toBe(true);
    // The script reaches cards, choices, share kits, successes and refusals.
    const kinds = new Set(everything().map((s) => (s.reply.kind === "text" ? s.reply.tone : s.reply.kind)));
    expect([...kinds].sort()).toEqual(["card", "choices", "error", "info", "share", "success"]);
  });

  it("shows no id on any platform: no #12, no ftbh- key, no channel reference or platform id", () => {
    const problems = everything().flatMap(({ line, as, reply }) =>
      renderEverywhere(reply).flatMap((r) =>
        idsIn([...r.lines, ...r.also].join("\n")).map((id) => `${line} (${as}) on ${r.where}: ${id}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("shows a spotlight's number only in the command that cancels it, next to its name and date", () => {
    const added = said.channel.find((s) => s.line === "/schedule Khalil Matouk 2026-12-10 18:00")!.reply;
    expect(added.kind === "text" && added.text).toMatch(
      /^Spotlight scheduled: Khalil Matouk in this channel on 10 December 2026 at 18:00 \(Asia\/Baku\)\. .*To undo it: \/schedule cancel \d+$/,
    );
    const list = said.channel.find((s) => s.line === "/schedule list")!.reply;
    const lines = list.kind === "text" ? list.text.split("\n").slice(1) : [];
    expect(lines.length).toBeGreaterThan(0);
    for (const entry of lines.filter((l) => /\d/.test(l) && !l.startsWith("On a date")))
      expect(entry).toMatch(/^\d{1,2} \w+ \d{4}, \d\d:\d\d \([\w/]+\): .+ — \/schedule cancel \d+$/);
  });

  it("names the person on the first line of every card, before any note, on every platform", () => {
    const cards = cardsOf(everything());
    expect(cards.length).toBeGreaterThan(4);
    for (const { line, reply } of cards) {
      const { intro: _intro, ...bare } = reply as Reply & { intro?: string };
      for (const rendering of renderEverywhere(bare as Reply))
        expectNameFirst(rendering, reply.card.title, undefined, line);
      if (reply.kind === "card" && reply.intro) {
        for (const rendering of renderEverywhere(reply))
          expectNameFirst(rendering, reply.card.title, reply.intro, line);
      }
    }
  });

  it('says "Status as of" once per card on every platform (a share kit\'s own text carries its date too)', () => {
    for (const { line, reply } of cardsOf(everything())) {
      const kitText = reply.kind === "share" ? reply.kit.text : "";
      for (const rendering of renderEverywhere(reply)) {
        const shown = rendering.lines.join("\n");
        const own = count(shown, STATUS_AS_OF) - (shown.includes(kitText) ? count(kitText, STATUS_AS_OF) : 0);
        expect(own, `${line} on ${rendering.where}:\n${shown}`).toBe(1);
      }
    }
  });

  it("gives every time of day its zone, and writes dates out, in answers that are not refusals", () => {
    const answers = everything().filter((s) => s.reply.kind === "text" && s.reply.tone !== "error");
    expect(answers.length).toBeGreaterThan(5);
    for (const { line, reply } of answers) {
      const text = reply.kind === "text" ? reply.text : "";
      for (const time of text.matchAll(/\b\d\d:\d\d\b(.{0,3})/g))
        expect(time[1], `${line}: ${text}`).toMatch(/^ \(/);
      expect(text, line).not.toMatch(/\b\d{4}-\d\d-\d\d\b/);
    }
  });

  it('says "this chat" in a private chat, and never "this channel"', () => {
    const words = said["private chat"].map((s) =>
      renderEverywhere(s.reply)
        .map((r) => r.lines.join("\n"))
        .join("\n"),
    );
    expect(words.join("\n")).not.toMatch(/this channel/i);
    const subscribed = said["private chat"].find(
      (s) => s.line === "/subscribe 09:00 Asia/Baku free-to-be-home-2016",
    )!.reply;
    expect(subscribed.kind === "text" && subscribed.text).toMatch(/^Subscribed: this chat gets the daily/);
    const stopped = said["private chat"].filter((s) => s.line === "/unsubscribe").map((s) => s.reply);
    expect(stopped.map((r) => r.kind === "text" && r.text)).toEqual([
      "There is no daily post to stop in this chat.",
      "Stopped: no more daily posts in this chat. /subscribe starts them again.",
    ]);
    // The same commands in a channel still say "this channel".
    const inChannel = said.channel.find(
      (s) => s.line === "/subscribe 09:00 Asia/Baku free-to-be-home-2016",
    )!.reply;
    expect(inChannel.kind === "text" && inChannel.text).toMatch(/^Subscribed: this channel gets/);
  });
});

describe("posts and notices read as a person wrote them", () => {
  async function postsOfEveryProfile(): Promise<OutboundPost[]> {
    const stored = await bot.repositories.catalog.listProfiles();
    const posts: OutboundPost[] = [];
    for (const profile of stored) {
      const campaign = await bot.services.catalog.campaign(profile.profile.campaign);
      if (!campaign) throw new Error(`no campaign for ${profile.profile.id}`);
      const card = bot.services.presenter.card(profile, campaign, "2026-11-24");
      const share = bot.services.presenter.shareKit(profile, campaign);
      for (const intro of [
        "Today's featured family (24 November 2026)",
        "Spotlight for 24 November 2026, chosen by this community's moderators",
      ])
        posts.push({ kind: "daily", intro, card, share, idempotencyKey: "ftbh-d-1" });
    }
    return posts;
  }

  it("a scheduled post names the person after its intro, says 'Status as of' once and shows no id", async () => {
    const posts = await postsOfEveryProfile();
    expect(posts.length).toBeGreaterThanOrEqual(20);
    for (const post of posts) {
      for (const rendering of renderPostEverywhere(post)) {
        expectNameFirst(rendering, post.card.title, post.intro, `the post of ${post.card.title}`);
        expect(
          count(rendering.lines.join("\n"), STATUS_AS_OF),
          `${post.card.title} on ${rendering.where}`,
        ).toBe(1);
        expect(idsIn([...rendering.lines, ...rendering.also].join("\n"))).toEqual([]);
        // Charges in the bot's neutral words, shown as worded: "Charged with …" or "None reported".
        const charges = post.card.fields.find((f) => f.label === "Charges as reported")?.value ?? "";
        expect(charges).toMatch(/^(Charged with "|None reported$)/);
        expect(rendering.lines.some((l) => l.includes(charges))).toBe(true);
      }
    }
  });

  it("an inline result names the person first, says 'Status as of' once and shows no id", async () => {
    for (const post of await postsOfEveryProfile()) {
      const rendering = renderInline(post.card, post.share);
      expectNameFirst(rendering, post.card.title, undefined, `the inline result of ${post.card.title}`);
      expect(rendering.also[0]).toBe(post.card.title);
      expect(count(rendering.lines.join("\n"), STATUS_AS_OF)).toBe(1);
      expect(idsIn([...rendering.lines, ...rendering.also].join("\n"))).toEqual([]);
    }
  });

  it("a cancelled spotlight's notice names the person, the date and the status, never the spotlight's number or its setter", async () => {
    const consolePlatform = createRecordingPlatform({ platform: "console" });
    const channel = channelRef("console:room-n");
    const added = await bot.repositories.spotlights.add({
      scope: "channel",
      channel,
      community: communityRef("console:community"),
      campaignId: "free-to-be-home-2016",
      profileId: "oleg-sentsov",
      localDate: "2026-12-20",
      timezone: "UTC",
      createdBy: "telegram:42",
    });
    if (added.kind !== "added") throw new Error("the date was taken");
    await cancelSpotlightsAfterStatusChange(
      {
        catalog: bot.services.catalog,
        spotlights: bot.repositories.spotlights,
        adapters: new Map([["console", consolePlatform.adapter]]),
        logger: bot.logger,
        staleAfterDays: 90,
      },
      [added.spotlight],
    );
    const [notice] = consolePlatform.notices;
    for (const rendering of renderNoticeEverywhere(notice!.text))
      expect(idsIn([...rendering.lines, ...rendering.also].join("\n")), rendering.where).toEqual([]);
    expect(notice?.text).toMatch(/^The spotlight of Oleg Sentsov on 20 December 2026 is cancelled: /);
  });

  it("a paused subscription's notice says which post by its time and zone, and shows no id", () => {
    const text = pausedNoticeText(
      { postTime: "09:00", timezone: "Asia/Baku", createdAt: new Date("2026-11-20T21:30:00Z") },
      "Forbidden: bot was kicked from the supergroup chat",
    );
    expect(text).toMatch(
      /^The daily post at 09:00 \(Asia\/Baku\) that you set up there on 21 November 2026 is paused: /,
    );
    for (const rendering of renderNoticeEverywhere(text))
      expect(idsIn([...rendering.lines, ...rendering.also].join("\n")), rendering.where).toEqual([]);
  });
});
