/** /subscribe … anniversaries on|off: stored per subscription, on by default, said by every answer. */
import { describe, expect, it } from "vitest";
import { createTestBot, textOf } from "./test-bot.ts";

const asModerator = { moderator: true } as const;

describe("/subscribe anniversaries", () => {
  it("is on by default and says so, with how to turn it off", async () => {
    const bot = await createTestBot();
    const reply = textOf(await bot.say("/subscribe 09:00 UTC", asModerator));
    expect(reply).toContain("\nAnniversaries: on.");
    expect(reply).toContain("/subscribe anniversaries off");
    expect((await bot.repositories.subscriptions.list())[0]?.anniversaries).toBe(true);
  });

  it("turns off and on, keeping the other settings, and /subscribe alone shows the setting", async () => {
    const bot = await createTestBot();
    await bot.say("/subscribe 10:30 Asia/Baku", asModerator);
    const off = textOf(await bot.say("/subscribe anniversaries OFF", asModerator));
    expect(off).toMatch(/^Updated: .* at 10:30 \(Asia\/Baku\)/);
    expect(off).toContain("\nAnniversaries: off");
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      anniversaries: false,
      postTime: "10:30",
      timezone: "Asia/Baku",
    });
    expect(textOf(await bot.say("/subscribe", asModerator))).toContain("\nAnniversaries: off");
    await bot.say("/subscribe 11:00 anniversaries on", asModerator);
    expect((await bot.repositories.subscriptions.list())[0]).toMatchObject({
      anniversaries: true,
      postTime: "11:00",
    });
  });

  it("refuses anything but on or off, and changes nothing", async () => {
    const bot = await createTestBot();
    await bot.say("/subscribe anniversaries off", asModerator);
    for (const typed of ["/subscribe anniversaries maybe", "/subscribe anniversaries"]) {
      expect(textOf(await bot.say(typed, asModerator))).toContain("After “anniversaries”, write on or off.");
    }
    expect((await bot.repositories.subscriptions.list())[0]?.anniversaries).toBe(false);
  });

  it("answers in the channel's language", async () => {
    const bot = await createTestBot();
    const reply = textOf(await bot.say("/subscribe anniversaries off --language es", asModerator));
    expect(reply).toContain("Aniversarios: desactivados");
  });
});
