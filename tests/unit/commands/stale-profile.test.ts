/**
 * A live campaign's profile past the freshness limit: a lookup shows it only to the one who asked, saying
 * plainly that it may be out of date; it is never shared or offered for the channel.
 */
import { describe, expect, it } from "vitest";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const NOW = new Date("2026-11-24T12:00:00Z"); // STALE_AFTER_DAYS is 90 in the test bot

async function botWith(lastVerifiedAt: string) {
  const bot = await createTestBot(NOW);
  await importLiveCampaign(bot, "live-2026", [
    { id: "verified-person", name: "Verified Person", change: (p) => (p.lastVerifiedAt = lastVerifiedAt) },
  ]);
  return bot;
}

describe("a stale profile in a live campaign", () => {
  it("is shown privately, with a notice that it may be out of date, and no share kit", async () => {
    const bot = await botWith("2026-08-01");
    const reply = await bot.say("/prisoner Verified Person");
    expect(reply).toMatchObject({ kind: "card", visibility: "private" });
    if (reply.kind !== "card") throw new Error("expected a card");
    expect(reply.card.notice).toBe(
      "Not verified since 1 August 2026 (more than 90 days ago): the status and details may be out of date.",
    );
    expect(reply.share).toBeUndefined();
  });

  it("cannot be shared", async () => {
    const bot = await botWith("2026-08-01");
    expect(textOf(await bot.say("/share Verified Person"))).toMatch(
      /^Verified Person's profile has not been verified recently, so it cannot be shared/,
    );
  });

  it("is public and shareable again once fresh (90 days is still fresh)", async () => {
    const bot = await botWith("2026-08-26");
    const reply = await bot.say("/prisoner Verified Person");
    expect(reply).toMatchObject({ kind: "card", visibility: "public" });
    if (reply.kind !== "card") throw new Error("expected a card");
    expect(reply.card.notice).toBeUndefined();
    expect(reply.share).toBeDefined();
    expect((await bot.say("/share Verified Person")).kind).toBe("share");
  });
});

/**
 * Freshness is judged as of the channel's own date, the date its daily post is decided for: the same
 * profile, verified 90 days before 24 November, is stale where it is already the 25th.
 */
describe("a card's stale notice in a channel's own time zone", () => {
  async function cardIn(zone: string, at: Date) {
    const bot = await botWith("2026-08-26");
    const channel = `console:room-${zone.replace("/", "-")}`;
    await bot.say(`/subscribe 09:00 ${zone}`, { moderator: true, channel });
    bot.setNow(at);
    const reply = await bot.say("/prisoner Verified Person", { channel });
    if (reply.kind !== "card") throw new Error(`expected a card, got ${textOf(reply)}`);
    return reply;
  }

  it("is shown in Pacific/Kiritimati, already on 25 November while UTC is on the 24th", async () => {
    const reply = await cardIn("Pacific/Kiritimati", new Date("2026-11-24T12:00:00Z"));
    expect(reply.visibility).toBe("private");
    expect(reply.card.notice).toMatch(/^Not verified since 26 August 2026/);
  });

  it("is not shown in Pacific/Pago_Pago, still on 24 November while UTC is on the 25th", async () => {
    const reply = await cardIn("Pacific/Pago_Pago", new Date("2026-11-25T05:00:00Z"));
    expect(reply.visibility).toBe("public");
    expect(reply.card.notice).toBeUndefined();
  });
});
