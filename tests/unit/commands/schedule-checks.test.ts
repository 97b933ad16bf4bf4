import { describe, expect, it, vi } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const asModerator = { moderator: true } as const;
const NOW = new Date("2026-11-24T12:00:00Z");

async function scheduled(bot: Awaited<ReturnType<typeof createTestBot>>) {
  const here = [channelRef("console:room-a"), communityRef("console:community")] as const;
  return bot.repositories.spotlights.listUpcoming(...here, "2026-01-01");
}

describe("/schedule refuses a profile the daily post would not show", () => {
  it("refuses a released prisoner, naming the status", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/schedule Ilgar Mammadov 2026-12-10", asModerator))).toBe(
      "Cannot spotlight Ilgar Mammadov on 10 December 2026: the daily post does not feature the status " +
        '"Released (conditionally) on 13 August 2018" (Status as of 23 April 2020). Nothing was scheduled.',
    );
    expect(await scheduled(bot)).toEqual([]);
  });

  it("applies freshness on the scheduled date, except in a historical campaign", async () => {
    const bot = await createTestBot(NOW);
    // Historical: verified in 2023, still scheduled.
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10", asModerator))).toMatch(
      /^Spotlight scheduled: .*cancel 1$/,
    );
    await importLiveCampaign(bot, "live-2026", [
      {
        id: "verified-in-september",
        name: "Verified Person",
        change: (p) => (p.lastVerifiedAt = "2026-09-01"),
      },
    ]);
    await bot.say("/subscribe live-2026", { ...asModerator, channel: "console:live" });
    const live = { ...asModerator, channel: "console:live" };
    // 90 days after 2026-09-01 is the last fresh day (STALE_AFTER_DAYS is 90 in the test bot).
    expect(textOf(await bot.say("/schedule verified-in-september 2026-11-30", live))).toMatch(
      /^Spotlight scheduled: .*cancel 2$/,
    );
    expect(textOf(await bot.say("/schedule verified-in-september 2026-12-01", live))).toBe(
      "Cannot spotlight Verified Person on 1 December 2026: the profile was last verified on 1 September 2026, " +
        "too long before then to be posted; a curator must verify it again first. Nothing was scheduled.",
    );
  });

  it("refuses a profile whose family withdrew consent, without saying which relative", async () => {
    const bot = await createTestBot(NOW);
    await importLiveCampaign(bot, "live-2026", [
      {
        id: "withdrawn-person",
        name: "Withdrawn Person",
        change: (p) => {
          p.lastVerifiedAt = "2026-11-01";
          for (const member of p.family) member.consent = { status: "withdrawn", scope: [] };
        },
      },
    ]);
    await bot.say("/subscribe live-2026", asModerator);
    const reply = textOf(await bot.say("/schedule withdrawn-person 2026-12-01", asModerator));
    expect(reply).toBe(
      "Cannot spotlight Withdrawn Person on 1 December 2026: the family has withdrawn consent, so the profile is " +
        "not featured for now. Nothing was scheduled.",
    );
    expect(await scheduled(bot)).toEqual([]);
  });
});

describe("/schedule argument errors", () => {
  it("answers a number too large for any spotlight as not found, without querying it or echoing it", async () => {
    const bot = await createTestBot(NOW);
    const get = vi.spyOn(bot.repositories.spotlights, "get");
    for (const id of ["99999999999999999999", "2147483648", "0"]) {
      expect(textOf(await bot.say(`/schedule cancel ${id}`, asModerator))).toBe(
        "No spotlight scheduled here has that number. /schedule list shows the ones you can cancel, each " +
          "with the command that cancels it. Nothing was changed.",
      );
    }
    expect(get).not.toHaveBeenCalled();
  });

  it("names a date that is not on the calendar", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-02-30", asModerator))).toMatch(
      /^"2026-02-30" is not a date on the calendar: use YYYY-MM-DD, e.g. 2026-12-10\n/,
    );
  });

  it("names an unknown option instead of searching for it as part of the name", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/schedule Matouk 2026-12-01 --foo", asModerator))).toMatch(
      /^Unknown option "--foo": the options are --community and --replace\n/,
    );
    expect(await scheduled(bot)).toEqual([]);
  });
});

describe("/schedule --community needs a moderator of the whole community", () => {
  it("refuses a channel-only moderator, and lets a server-wide one set and cancel it", async () => {
    const bot = await createTestBot(NOW);
    const channelOnly = { moderator: true, communityModerator: false } as const;
    const serverWide = { moderator: true, communityModerator: true } as const;
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10 --community", channelOnly))).toMatch(
      /^Only moderators of the whole community .* Nothing was changed\.$/,
    );
    expect(await scheduled(bot)).toEqual([]);
    // The same person may still set one for their own channel.
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-10", channelOnly))).toMatch(
      /^Spotlight scheduled: .*cancel 1$/,
    );
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-12-11 --community", serverWide))).toMatch(
      /^Spotlight scheduled: Khalil Matouk in every channel of this community .*cancel 2$/,
    );
    expect(textOf(await bot.say("/schedule cancel 2", channelOnly))).toMatch(/^Only moderators of the whole/);
    expect((await scheduled(bot)).map((s) => s.id)).toEqual([1, 2]);
    expect(textOf(await bot.say("/schedule cancel 2", serverWide))).toMatch(/cancel/i);
    expect((await scheduled(bot)).map((s) => s.id)).toEqual([1]);
  });
});

describe("/schedule for today", () => {
  it("in a channel without a subscription, says a time already passed is shown in /today but not posted", async () => {
    const bot = await createTestBot(NOW); // 12:00 UTC
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-11-24 08:00", asModerator))).toContain(
      "08:00 (UTC) has already passed today, so it shows in /today but is not posted.",
    );
    expect(textOf(await bot.say("/schedule Ilham Tohti 2026-11-25 08:00", asModerator))).not.toContain(
      "already passed",
    );
  });
});

describe("/schedule list after a takedown", () => {
  it("does not name the taken-down profile, not even by its id", async () => {
    const bot = await createTestBot(NOW);
    await bot.say("/schedule Khalil Matouk 2026-12-10", asModerator);
    await bot.repositories.catalog.takedown("khalil-matouk", {
      reason: "family asked",
      actor: "curator",
      at: NOW,
    });
    const list = textOf(await bot.say("/schedule list", asModerator));
    expect(list).toContain(
      "10 December 2026, 09:00 (UTC): a profile that is no longer public (it will not be posted) — /schedule cancel 1",
    );
    expect(list.toLowerCase()).not.toContain("matouk");
  });
});
