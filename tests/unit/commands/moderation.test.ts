import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { createTestBot, textOf } from "./test-bot.ts";

describe("moderator commands", () => {
  it("refuse members and change nothing", async () => {
    const bot = await createTestBot();
    for (const line of [
      "/subscribe 09:00 UTC",
      "/unsubscribe",
      "/schedule Matouk 2026-12-10",
      "/schedule list",
      "/schedule cancel 1",
    ]) {
      const reply = await bot.say(line, { moderator: false });
      expect(reply, line).toMatchObject({ kind: "text", tone: "error" });
      expect(textOf(reply)).toContain("Only this community's moderators");
    }
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
    expect(
      await bot.repositories.spotlights.listUpcoming(
        channelRef("console:room-a"),
        communityRef("console:community"),
        "2026-01-01",
      ),
    ).toEqual([]);
  });

  it("never ask whether a member of the public is a moderator for public commands", async () => {
    const bot = await createTestBot();
    await bot.say("/prisoner Mammadov");
    await bot.say("/today");
    expect(bot.moderatorChecks()).toBe(0);
  });
});

describe("/subscribe and /unsubscribe", () => {
  it("subscribes with the defaults and says when the next post goes out", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const reply = await bot.say("/subscribe", { moderator: true });
    expect(textOf(reply)).toBe(
      "Subscribed: this channel gets the daily featured family of #FreeToBeHome at 09:00 (UTC). Next post: Wednesday 25 November 2026, 09:00 (UTC)." +
        "\nAnniversaries: on. On the anniversary of an arrest or a sentence, that family may be posted here instead of the day's rotation. To turn this off: /subscribe anniversaries off" +
        "\nRelease announcements here: on (/subscribe updates off turns them off).",
    );
  });

  it("changes the settings when run again, never creating a second subscription", async () => {
    const bot = await createTestBot(new Date("2026-11-24T03:00:00Z"));
    await bot.say("/subscribe 09:00 UTC", { moderator: true });
    const again = await bot.say("/subscribe 08:30 europe/baku", { moderator: true });
    expect(textOf(again)).toBe(
      "Updated: this channel gets the daily featured family of #FreeToBeHome at 08:30 (Asia/Baku). Next post: Tuesday 24 November 2026, 08:30 (Asia/Baku)." +
        "\nAnniversaries: on. On the anniversary of an arrest or a sentence, that family may be posted here instead of the day's rotation. To turn this off: /subscribe anniversaries off" +
        "\nRelease announcements here: on (/subscribe updates off turns them off).",
    );
    const all = await bot.repositories.subscriptions.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ postTime: "08:30", timezone: "Asia/Baku", state: "active" });
    // Changing only the zone keeps the time chosen before.
    await bot.say("/subscribe America/New_York", { moderator: true });
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      postTime: "08:30",
      timezone: "America/New_York",
    });
  });

  it("explains exactly what is wrong with a time, a zone or a campaign", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe 25:00", { moderator: true }))).toContain(
      '"25:00" is not a time of day',
    );
    expect(textOf(await bot.say("/subscribe 09:00 Mars/Olympus", { moderator: true }))).toContain(
      '"Mars/Olympus" is not a time zone',
    );
    expect(textOf(await bot.say("/subscribe 09:00 UTC no-such-campaign", { moderator: true }))).toContain(
      '"no-such-campaign" is not a known campaign, time zone or time. Campaigns: "free-to-be-home-2016" for #FreeToBeHome (2016).',
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("stops the daily post, and says so when there was none", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/unsubscribe", { moderator: true }))).toBe(
      "There is no daily post to stop in this channel.",
    );
    await bot.say("/subscribe", { moderator: true });
    expect(textOf(await bot.say("/unsubscribe", { moderator: true }))).toContain("Stopped");
    expect((await bot.repositories.subscriptions.list())[0]?.state).toBe("stopped");
  });
});

describe("/schedule", () => {
  it("adds a spotlight that replaces today's family in that channel only", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const rotation = await bot.say("/today", { channel: "console:room-b" });
    const target =
      rotation.kind === "card" && rotation.card.title === "Narges Mohammadi"
        ? "Ilham Tohti"
        : "Narges Mohammadi";
    const added = await bot.say(`/schedule ${target} 2026-11-24`, { moderator: true });
    expect(textOf(added)).toMatch(/^Spotlight scheduled: .* To undo it: \/schedule cancel \d+$/);
    const here = await bot.say("/today");
    expect(here.kind === "card" && here.card.title).toBe(target);
    expect(here.kind === "card" && here.intro).toMatch(/^Spotlight/);
    const elsewhere = await bot.say("/today", { channel: "console:room-b" });
    expect(elsewhere).toEqual(rotation);
  });

  it("lists and cancels spotlights, only the ones of this channel", async () => {
    const bot = await createTestBot();
    await bot.say("/schedule Tohti 2026-12-10 18:00", { moderator: true });
    const list = textOf(await bot.say("/schedule list", { moderator: true }));
    expect(list).toContain("10 December 2026, 18:00 (UTC): Ilham Tohti — /schedule cancel 1");
    expect(
      textOf(await bot.say("/schedule cancel 1", { moderator: true, channel: "console:other" })),
    ).toContain("No spotlight scheduled here has that number");
    expect(textOf(await bot.say("/schedule cancel 1", { moderator: true }))).toBe(
      "Cancelled the spotlight of Ilham Tohti in this channel on 10 December 2026 at 18:00 (UTC).",
    );
    expect(textOf(await bot.say("/schedule list", { moderator: true }))).toContain(
      "No spotlights scheduled here",
    );
  });

  it("refuses a date that has passed, a missing date, and a bad number", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    expect(textOf(await bot.say("/schedule Tohti 2026-11-23", { moderator: true }))).toContain(
      "23 November 2026 has passed in UTC (today there is 24 November 2026)",
    );
    expect(textOf(await bot.say("/schedule Tohti", { moderator: true }))).toContain("Which date?");
    expect(textOf(await bot.say("/schedule Tohti 2026-02-30", { moderator: true }))).toContain("YYYY-MM-DD");
    expect(textOf(await bot.say("/schedule cancel abc", { moderator: true }))).toContain(
      "Which spotlight? Use the number /schedule list shows for it",
    );
  });

  it("asks which person when the name is ambiguous, keeping the date in the choices", async () => {
    const bot = await createTestBot();
    const reply = await bot.say("/schedule Mohammad 2026-12-10", { moderator: true });
    expect(reply.kind).toBe("choices");
    if (reply.kind === "choices") for (const c of reply.choices) expect(c.args).toMatch(/ 2026-12-10$/);
  });
});
