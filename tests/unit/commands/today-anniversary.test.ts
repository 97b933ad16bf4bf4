/**
 * /today on an anniversary (issue 16): the family whose arrest it was on the channel's own local date, with
 * the reason, where anniversaries are on; the rotation's family where they are off. A channel at UTC+14
 * and one at UTC-11 each see the anniversary on their own calendar day.
 */
import { describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "./test-bot.ts";

const mod = { moderator: true } as const;
// Khalil Matouk was arrested on 2 October 2012 (the sample data).
const EARLY = "room-kiritimati"; // Pacific/Kiritimati, UTC+14
const LATE = "room-pago-pago"; // Pacific/Pago_Pago, UTC-11

async function subscribed(at: string) {
  const bot = await createTestBot(new Date(at));
  await bot.say("/subscribe 09:00 Pacific/Kiritimati", { ...mod, channel: `console:${EARLY}` });
  await bot.say("/subscribe 09:00 Pacific/Pago_Pago", { ...mod, channel: `console:${LATE}` });
  return bot;
}

async function today(bot: TestBot, room: string) {
  const reply = await bot.say("/today", { channel: `console:${room}` });
  if (reply.kind !== "card") throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  return { id: reply.card.profileId, intro: reply.intro };
}

describe("/today on an anniversary", () => {
  it("shows the family on the anniversary of the arrest, on each channel's own local date", async () => {
    // 11:30 UTC on 1 October: already 2 October at UTC+14, still 1 October at UTC-11.
    const first = await subscribed("2026-10-01T11:30:00Z");
    expect(await today(first, EARLY)).toEqual({
      id: "khalil-matouk",
      intro: "14 years ago today, Khalil Matouk was arrested.",
    });
    expect((await today(first, LATE)).intro).toBe("Today's featured family (1 October 2026)");

    // A day later it is 2 October at UTC-11, and already 3 October at UTC+14.
    const second = await subscribed("2026-10-02T11:30:00Z");
    expect(await today(second, LATE)).toEqual({
      id: "khalil-matouk",
      intro: "14 years ago today, Khalil Matouk was arrested.",
    });
    expect((await today(second, EARLY)).intro).toBe("Today's featured family (3 October 2026)");
  });

  it("shows the rotation's family, without a reason, where anniversaries are off", async () => {
    const bot = await subscribed("2026-10-01T11:30:00Z");
    await bot.say("/subscribe anniversaries off", { ...mod, channel: `console:${EARLY}` });
    const off = await today(bot, EARLY);
    expect(off.intro).toBe("Today's featured family (2 October 2026)");
    const [entry] = await bot.repositories.rotation.history("free-to-be-home-2016");
    expect(entry).toMatchObject({ localDate: "2026-10-02", profileId: off.id });
  });

  it("says why in the channel's language", async () => {
    const bot = await subscribed("2026-10-01T11:30:00Z");
    await bot.say("/language es", { ...mod, channel: `console:${EARLY}` });
    expect((await today(bot, EARLY)).intro).toBe("Hoy se cumplen 14 años de la detención de Khalil Matouk.");
  });
});
