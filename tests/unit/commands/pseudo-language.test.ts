/**
 * Every reply of /today, /prisoner, /share, /subscribe, /unsubscribe and /schedule, and the dispatcher's
 * own, run in the pseudo-language (issue 15): each text the commands write comes from a catalog, so each
 * is bracketed and accented, and no English sentence is left. Names, dates, zones and commands are values.
 * (The card's own fields belong to the card's catalog area and are not checked here.)
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/reply.ts";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, type TestBot } from "./test-bot.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const mod = { moderator: true } as const;

/** English words every English reply of these commands uses; accented in the pseudo-language, they never match. */
const ENGLISH =
  /\b(the|is|not|no|of|to|in|on|at|and|or|for|this|here|it|was|has|use|which|did|you|mean|today|spotlight|channel|community|profile|family|nothing|changed|cannot|scheduled|cancelled|stopped|subscribed|updated|usage|there|already|posted|verified)\b/i;

/**
 * The texts a command wrote, without the values put in them: names, commands, options and their typed
 * values, quoted words, and
 * the card's own "Status as of …" (the card's catalog area, given to /schedule's refusal as a value).
 */
function writtenBy(reply: Reply, values: readonly string[]): string[] {
  const texts =
    reply.kind === "text"
      ? [reply.text]
      : reply.kind === "choices"
        ? [reply.prompt]
        : reply.kind === "card" && reply.intro
          ? [reply.intro]
          : [];
  return texts.map((text) => {
    let rest = text;
    for (const value of values) rest = rest.split(value).join("");
    // "on|off" in a usage line is what one types, like a command or an option.
    return rest.replace(/\/\w+|--\w+|\bon\|off\b|"[^"]*"|\(Status as of [^)]*\)/g, "");
  });
}

type Step = [line: string, as?: Parameters<TestBot["say"]>[1]];

/** With the sample campaign alone: every other reply. */
const STEPS: Step[] = [
  ["/today"],
  ["/prisoner"],
  ["/prisoner xyzzy"],
  ["/prisoner Mohammad"],
  ["/prisoner Sentsof"],
  [`/prisoner ${"x".repeat(201)}`],
  ["/share xyzzy"],
  ["/frobnicate"],
  ["/subscribe"],
  ["/subscribe 25:00", mod],
  ["/subscribe 9pm", mod],
  ["/subscribe Mars/Olympus", mod],
  ["/subscribe 09:00 UTC nosuch", mod],
  ["/subscribe Baku", mod],
  ["/subscribe nosuch other", mod],
  ["/subscribe 10:00", { ...mod, privateChat: true, channel: "console:dm" }],
  ["/schedule", mod],
  ["/schedule list", mod],
  ["/schedule list now", mod],
  ["/schedule cancel", mod],
  ["/schedule cancel abc", mod],
  ["/schedule cancel 99", mod],
  ["/schedule Matouk", mod],
  ["/schedule Matouk 2026-02-30", mod],
  ["/schedule", { ...mod, options: { subcommand: "add", name: "Matouk", date: "10/12/2026" } }],
  ["/schedule Matouk 2026-12-01 --foo", mod],
  ["/schedule Khalil Matouk 2026-11-01", mod],
  ["/schedule Ilgar Mammadov 2026-12-10", mod],
  ["/schedule Khalil Matouk 2026-12-10", mod],
  ["/schedule Ilham Tohti 2026-12-10", mod],
  ["/schedule Khalil Matouk 2026-12-10 18:00", mod],
  ["/schedule", { ...mod, options: { subcommand: "add", name: "Ilham Tohti", date: "2026-12-10" } }],
  ["/schedule Ilham Tohti 2026-12-10 --replace", mod],
  ["/schedule Narges Mohammadi 2026-12-10", { ...mod, channel: "console:room-b" }],
  ["/schedule Fanta Jawara 2026-12-10 --community", { ...mod, communityModerator: false }],
  ["/schedule Fanta Jawara 2026-12-10 --community", { ...mod, communityModerator: true }],
  ["/schedule Oleg Sentsov 2026-12-11", { ...mod, channel: "console:room-c" }],
  ["/schedule Khalil Matouk 2026-12-11 --community", { ...mod, communityModerator: true }],
  ["/schedule Narges Mohammadi 2026-12-11", { ...mod, channel: "console:room-c" }],
  ["/schedule Khalil Matouk 2026-11-24 08:00", mod],
  ["/schedule Khalil Matouk 2026-12-20", { ...mod, privateChat: true, channel: "console:dm" }],
  ["/schedule list", mod],
  ["/schedule cancel 1", mod],
  ["/subscribe 09:00 UTC", mod],
  ["/subscribe 10:00", mod],
  ["/today"],
  ["/unsubscribe", mod],
  ["/unsubscribe", mod],
  ["/unsubscribe", { ...mod, privateChat: true, channel: "console:dm2" }],
];

/** In a channel following a live campaign whose only people are stale or withdrew consent. */
const LIVE_STEPS: Step[] = [
  ["/subscribe live-2026", mod],
  ["/today"],
  ["/share"],
  ["/share Verified Person"],
  ["/schedule Verified Person 2026-12-10", mod],
  ["/schedule Withdrawn Person 2026-12-10", mod],
  ["/schedule Khalil Matouk 2026-12-10", mod],
];

async function liveBot(): Promise<TestBot> {
  const bot = await createTestBot(NOW, { language: "qps-ploc" });
  await importLiveCampaign(bot, "live-2026", [
    { id: "verified-person", name: "Verified Person", change: (p) => (p.lastVerifiedAt = "2026-08-01") },
    {
      id: "withdrawn-person",
      name: "Withdrawn Person",
      change: (p) => {
        p.lastVerifiedAt = "2026-11-01";
        for (const member of p.family) member.consent = { status: "withdrawn", scope: [] };
      },
    },
  ]);
  return bot;
}

/** What is wrong with each reply: not bracketed, or an English word left. */
async function problemsOf(bot: TestBot, steps: readonly Step[]): Promise<string[]> {
  const campaigns = (await bot.services.catalog.campaigns()).map((c) => c.name);
  const values = [...campaigns, "Verified Person", "Withdrawn Person"];
  const problems: string[] = [];
  for (const [line, as] of steps) {
    const reply = await bot.say(line, as);
    const texts = writtenBy(reply, values);
    if (texts.length === 0) problems.push(`${line}: no text of the commands`);
    for (const text of texts) {
      if (!text.includes("[")) problems.push(`${line}: not from a catalog: ${text}`);
      const word = ENGLISH.exec(text);
      if (word) problems.push(`${line}: English "${word[0]}" left in: ${text}`);
    }
  }
  return problems;
}

describe("the pseudo-language", () => {
  it("leaves no English sentence in any reply of the commands", async () => {
    const bot = await createTestBot(NOW, { language: "qps-ploc" });
    expect(await problemsOf(bot, STEPS)).toEqual([]);
  });

  it("leaves none in the refusals about stale, withdrawn and absent families either", async () => {
    expect(await problemsOf(await liveBot(), LIVE_STEPS)).toEqual([]);
  });
});
