import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const asModerator = { moderator: true } as const;

describe("/subscribe run again", () => {
  it("keeps the channel's campaign when none is given", async () => {
    const bot = await createTestBot();
    await importLiveCampaign(bot, "live-2026"); // now the default: one's own beside the sample
    await bot.say("/subscribe 09:00 UTC free-to-be-home-2016", asModerator);
    expect(textOf(await bot.say("/subscribe 10:00", asModerator))).toMatch(/^Updated: .* at 10:00 \(UTC\)/);
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      campaignId: "free-to-be-home-2016",
      postTime: "10:00",
    });
  });

  it("says it subscribed after /unsubscribe, and resumed after a pause, not that it updated", async () => {
    const bot = await createTestBot();
    await bot.say("/subscribe", asModerator);
    await bot.say("/unsubscribe", asModerator);
    expect(textOf(await bot.say("/subscribe", asModerator))).toMatch(/^Subscribed: /);
    await bot.repositories.subscriptions.pause(channelRef("console:room-a"), {
      reason: "missing access",
      actor: "delivery",
    });
    expect(textOf(await bot.say("/subscribe", asModerator))).toMatch(/^Resumed: /);
    expect((await bot.repositories.subscriptions.list())[0]?.state).toBe("active");
  });
});

describe("/subscribe typed words", () => {
  it("reads any zone the zone database knows as a zone", async () => {
    const bot = await createTestBot();
    for (const [typed, zone] of [
      ["EST", "EST"],
      ["EST5EDT", "EST5EDT"],
      ["Etc/GMT+3", "Etc/GMT+3"],
      ["utc", "UTC"],
    ]) {
      const reply = textOf(await bot.say(`/subscribe 09:00 ${typed}`, asModerator));
      expect(reply, typed).toContain(`at 09:00 (${zone})`);
    }
  });

  it("gives the time error for a time not written as HH:MM", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe 9am", asModerator))).toMatch(
      /^"9am" is not a time of day: use 24-hour HH:MM, e.g. 09:00\n/,
    );
    expect(textOf(await bot.say("/subscribe 9:30pm", asModerator))).toContain("e.g. 21:30");
    expect(textOf(await bot.say("/subscribe 9:5", asModerator))).toContain('"9:5" is not a time of day');
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("says a word is no campaign, zone or time, suggesting the zone of a city", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe 09:00 Baku", asModerator))).toBe(
      '"Baku" is not a known campaign, time zone or time. Campaigns: "free-to-be-home-2016" for #FreeToBeHome (2016). ' +
        "For the time zone, use Asia/Baku. Times are HH:MM, e.g. 09:00.",
    );
    expect(textOf(await bot.say("/subscribe banana", asModerator))).toContain(
      "Time zones are IANA names such as Asia/Baku.",
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("prefers a campaign named like an old zone name (cuba) over the zone", async () => {
    const bot = await createTestBot();
    await importLiveCampaign(bot, "cuba");
    await bot.say("/subscribe 09:00 cuba", asModerator);
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      campaignId: "cuba",
      timezone: "UTC",
    });
  });
});

describe("/subscribe … updates on|off", () => {
  it("is on by default, says so, and `updates off` turns release announcements off, keeping the rest", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe 09:00 UTC", asModerator))).toMatch(
      /\nRelease announcements here: on \(\/subscribe updates off turns them off\)\.$/,
    );
    expect((await bot.repositories.subscriptions.list())[0]?.updates).toBe(true);
    expect(textOf(await bot.say("/subscribe updates off", asModerator))).toMatch(
      /\nRelease announcements here: off \(\/subscribe updates on turns them back on\)\.$/,
    );
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      updates: false,
      postTime: "09:00",
    });
    // `/subscribe` alone shows the setting and leaves it as it is.
    expect(textOf(await bot.say("/subscribe", asModerator))).toMatch(/Release announcements here: off/);
    await bot.say("/subscribe 10:00 updates ON", asModerator);
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      updates: true,
      postTime: "10:00",
    });
  });

  it("refuses anything but on or off, naming what was typed, and changes nothing", async () => {
    const bot = await createTestBot();
    expect(textOf(await bot.say("/subscribe updates maybe", asModerator))).toBe(
      "After “updates”, write on or off (you wrote “maybe”).",
    );
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });
});
