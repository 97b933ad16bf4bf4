import { describe, expect, it } from "vitest";
import { createTestBot } from "./test-bot.ts";

const titleOf = (reply: Awaited<ReturnType<Awaited<ReturnType<typeof createTestBot>>["say"]>>) =>
  reply.kind === "card" ? reply.card.title : undefined;

describe("/today", () => {
  it("shows one family for every channel of the campaign on a date, and says it is historical", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const a = await bot.say("/today", { channel: "console:a" });
    const b = await bot.say("/today", { channel: "console:b" });
    expect(titleOf(a)).toBeDefined();
    expect(titleOf(b)).toBe(titleOf(a));
    expect(a.kind === "card" && a.card.notice).toMatch(/past campaign/);
  });

  it("features only profiles in a featured status (never a released one)", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const released = new Set([
      "Ilgar Mammadov",
      "Oleg Sentsov",
      "Bekele Gerba",
      "Julio Alfredo Ferrer Tamayo",
      "Leopoldo López",
    ]);
    const seen = new Set<string>();
    for (let day = 0; day < 10; day++) {
      bot.setNow(new Date(Date.UTC(2026, 10, 24 + day, 12)));
      const title = titleOf(await bot.say("/today"));
      expect(title).toBeDefined();
      expect(released.has(title!)).toBe(false);
      seen.add(title!);
    }
    // Five eligible profiles over ten days: each featured, twice, never twice in one cycle.
    expect(seen.size).toBe(5);
  });

  it("follows the channel's own time zone for the date", async () => {
    const bot = await createTestBot(new Date("2026-11-24T22:30:00Z"));
    await bot.say("/subscribe 09:00 Pacific/Kiritimati", { moderator: true, channel: "console:east" });
    const utc = titleOf(await bot.say("/today", { channel: "console:west" }));
    const east = titleOf(await bot.say("/today", { channel: "console:east" }));
    bot.setNow(new Date("2026-11-25T12:00:00Z"));
    expect(titleOf(await bot.say("/today", { channel: "console:west" }))).toBe(east);
    expect(utc).toBeDefined();
  });

  it("replaces the day's family at once when it is taken down", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const before = await bot.say("/today");
    const id = before.kind === "card" ? before.card.profileId : "";
    await bot.repositories.catalog.takedown(id, { reason: "safety", actor: "test", at: new Date() });
    const after = await bot.say("/today");
    expect(after.kind === "card" && after.card.profileId).not.toBe(id);
    expect(after.kind).toBe("card");
  });
});
