/**
 * One spotlight per channel (and per community) and date: a second is refused, naming the one that stands,
 * until the moderator asks to replace it; where a channel's own and a community-wide spotlight share a
 * date, the reply says which one the channel posts, by the rule the delivery and /today follow.
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { addDays } from "../../../src/core/time.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const mod = { moderator: true } as const;
const serverMod = { moderator: true, communityModerator: true } as const;

async function scheduledHere(bot: Awaited<ReturnType<typeof createTestBot>>, channel = "console:room-a") {
  const upcoming = await bot.repositories.spotlights.listUpcoming(
    channelRef(channel),
    communityRef("console:community"),
    "2026-01-01",
  );
  return upcoming.map((s) => [s.profileId, s.localDate, s.localTime]);
}

describe("/schedule on a date that already has a spotlight", () => {
  it("refuses a second one for the channel, naming the one that stands, and replaces it on request", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10 18:00", mod))).toMatch(
      /^Spotlight scheduled: .*cancel 1$/,
    );

    const refused = await bot.say("/schedule Ilham Tohti 2026-12-10", mod);
    expect(refused).toMatchObject({ kind: "text", tone: "error" });
    expect(textOf(refused)).toBe(
      "Khalil Matouk is already the spotlight here on 10 December 2026 at 18:00 (UTC). Nothing was changed. " +
        "To put Ilham Tohti in its place, send: /schedule Ilham Tohti 2026-12-10 --replace",
    );
    expect(await scheduledHere(bot)).toEqual([["khalil-matouk", "2026-12-10", "18:00"]]);

    const replaced = textOf(await bot.say("/schedule Ilham Tohti 2026-12-10 --replace", mod));
    expect(replaced).toMatch(
      /^Spotlight scheduled: Ilham Tohti in this channel on 10 December 2026 at 09:00/,
    );
    expect(replaced).toContain(
      "It takes the place of the spotlight of Khalil Matouk at 18:00 (UTC), which is cancelled.",
    );
    expect(await scheduledHere(bot)).toEqual([["ilham-tohti", "2026-12-10", undefined]]);
    const list = textOf(await bot.say("/schedule list", mod));
    expect(list).not.toContain("Matouk");
  });

  it("tells the same profile at another time how to move it, and says nothing to add for the same one", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/schedule Khalil Matouk 2026-12-10", mod);
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10 09:00", mod))).toBe(
      "Khalil Matouk is already the spotlight here on 10 December 2026 at 09:00 (UTC). Nothing was changed.",
    );
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10 20:00", mod))).toBe(
      "Khalil Matouk is already the spotlight here on 10 December 2026 at 09:00 (UTC). Nothing was changed. " +
        "To post it at 20:00 (UTC) instead, send: /schedule Khalil Matouk 2026-12-10 20:00 --replace",
    );
  });

  it("names Discord's replace option where options come split, and never shows an internal id", async () => {
    const bot = await createTestBot(NOW);
    const add = (name: string, extra: Record<string, string> = {}) =>
      bot.say("/schedule", { ...mod, options: { subcommand: "add", name, date: "2026-12-10", ...extra } });
    await add("khalil-matouk"); // Discord's autocomplete sends the profile id as the name
    const refused = textOf(await add("ilham-tohti"));
    expect(refused).toBe(
      "Khalil Matouk is already the spotlight here on 10 December 2026 at 09:00 (UTC). Nothing was changed. " +
        "To put Ilham Tohti in its place, run /schedule add again with replace: yes.",
    );
    expect(refused).not.toMatch(/khalil-matouk|ilham-tohti|#\d/);
    expect(textOf(await add("ilham-tohti", { replace: "Yes" }))).toMatch(
      /takes the place of .*Khalil Matouk/,
    );
    expect(textOf(await add("khalil-matouk", { replace: "maybe" }))).toMatch(/^replace is yes or no\n/);
  });

  it("allows one community-wide spotlight per date, and replaces it only on request", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/schedule Khalil Matouk 2026-12-10 --community", serverMod);
    const elsewhere = { ...serverMod, channel: "console:room-b" };
    expect(textOf(await bot.say("/schedule Ilham Tohti 2026-12-10 --community", elsewhere))).toBe(
      "Khalil Matouk is already the spotlight for every channel of this community on 10 December 2026 at " +
        "09:00 (UTC). Nothing was changed. To put Ilham Tohti in its place, send: " +
        "/schedule Ilham Tohti 2026-12-10 --community --replace",
    );
    expect(
      textOf(await bot.say("/schedule Ilham Tohti 2026-12-10 --community --replace", elsewhere)),
    ).toContain("It takes the place of the spotlight of Khalil Matouk");
    expect(await scheduledHere(bot)).toEqual([["ilham-tohti", "2026-12-10", undefined]]);
  });
});

describe("/schedule says which spotlight a channel posts when a channel's own and a community one share a date", () => {
  it("a channel's own, added where a community-wide one stands, is not posted there: the community's comes first", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/schedule Khalil Matouk 2026-12-10 --community", serverMod);
    expect(textOf(await bot.say("/schedule Ilham Tohti 2026-12-10", mod))).toContain(
      "On that date the community-wide spotlight of Khalil Matouk is posted here instead: " +
        "a community-wide spotlight comes first. This one is posted if that one is cancelled.",
    );
    // Another date: nothing to say.
    expect(textOf(await bot.say("/schedule Ilham Tohti 2026-12-11", mod))).not.toContain("comes first");
  });

  it("a community-wide one, added where channels have their own, is posted in all of them; /today agrees", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/schedule Ilham Tohti 2026-11-30", mod);
    await bot.say("/schedule Narges Mohammadi 2026-11-30", { ...mod, channel: "console:room-b" });
    await bot.say("/schedule Fanta Jawara 2026-11-30", { ...mod, channel: "console:room-c" });
    const reply = textOf(await bot.say("/schedule Khalil Matouk 2026-11-30 --community", serverMod));
    expect(reply).toContain(
      "It is posted here instead of this channel's own spotlight of Ilham Tohti: a community-wide spotlight " +
        "comes first. It is also posted in 2 other channels instead of their own spotlight on that date.",
    );
    expect(await bot.say("/schedule list", mod)).toMatchObject({
      text: expect.stringContaining("Ilham Tohti (not posted: the community-wide spotlight comes first)"),
    });
    bot.setNow(new Date("2026-11-30T12:00:00Z"));
    expect(textOf(await bot.say("/today"))).toBe("Khalil Matouk");
    expect(textOf(await bot.say("/today", { channel: "console:room-b" }))).toBe("Khalil Matouk");
    expect(textOf(await bot.say("/today", { channel: "console:room-d" }))).toBe("Khalil Matouk");
  });
});

describe("/schedule list", () => {
  it("is sorted by date, then time, in the channel's zone as it is now", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/subscribe 09:00 Asia/Baku", mod);
    await bot.say("/schedule Ilham Tohti 2026-12-12 07:00", mod);
    await bot.say("/schedule Khalil Matouk 2026-12-11 20:00", mod);
    await bot.say("/schedule Narges Mohammadi 2026-12-10", mod);
    // Set from a channel in another zone, earlier in the day than this channel's own on that date.
    await bot.say("/schedule Fanta Jawara 2026-12-11 06:00 --community", {
      ...serverMod,
      channel: "console:room-b",
    });
    const lines = () => bot.say("/schedule list", mod).then((r) => textOf(r).split("\n").slice(1, 5));
    expect(await lines()).toEqual([
      "10 December 2026, 09:00 (Asia/Baku): Narges Mohammadi — /schedule cancel 3",
      "11 December 2026, 06:00 (Asia/Baku): Fanta Jawara (whole community) — /schedule cancel 4",
      "11 December 2026, 20:00 (Asia/Baku): Khalil Matouk (not posted: the community-wide spotlight comes first) — /schedule cancel 2",
      "12 December 2026, 07:00 (Asia/Baku): Ilham Tohti — /schedule cancel 1",
    ]);
    await bot.say("/subscribe 10:30 America/New_York", mod);
    expect(await lines()).toEqual([
      "10 December 2026, 10:30 (America/New_York): Narges Mohammadi — /schedule cancel 3",
      "11 December 2026, 06:00 (America/New_York): Fanta Jawara (whole community) — /schedule cancel 4",
      "11 December 2026, 20:00 (America/New_York): Khalil Matouk (not posted: the community-wide spotlight comes first) — /schedule cancel 2",
      "12 December 2026, 07:00 (America/New_York): Ilham Tohti — /schedule cancel 1",
    ]);
  });

  it("fits a platform message however many are scheduled", async () => {
    const bot = await createTestBot(NOW);
    for (let day = 0; day < 40; day++) {
      const reply = await bot.say(`/schedule Khalil Matouk ${addDays("2027-01-01", day)}`, mod);
      expect(textOf(reply)).toMatch(/^Spotlight scheduled: /);
    }
    const list = textOf(await bot.say("/schedule list", mod));
    expect(list.length).toBeLessThanOrEqual(2000);
    expect(list).toContain("12 January 2027, 09:00 (UTC): Khalil Matouk — /schedule cancel 12");
    expect(list).not.toContain("cancel 13");
    expect(list.split("\n").at(-1)).toBe("…and 28 more, the next on 13 January 2027.");
  });
});
