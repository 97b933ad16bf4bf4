import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { createTestBot } from "./test-bot.ts";

const textOf = (r: Reply) => (r.kind === "text" ? r.text : "");
const moderator = { moderator: true };

describe("/language", () => {
  it("shows the channel's language and every choice with its review state", async () => {
    const bot = await createTestBot();
    const shown = await bot.say("/language");
    expect(shown.visibility).toBe("private");
    expect(textOf(shown)).toMatch(
      /^This channel has no language of its own and uses the bot's default, English\./,
    );
    expect(textOf(shown)).toContain("fa (\u2068فارسی\u2069, not yet reviewed)");
    expect(textOf(shown)).toContain("zh-Hans (简体中文, not yet reviewed)");
  });

  it("lets a moderator set it by code or name, answers in the new language, and records who", async () => {
    const bot = await createTestBot();
    const set = await bot.say("/language Persian", moderator);
    expect(set.language).toBe("fa");
    expect(textOf(set)).toMatch(/^زبان تنظیم شد: این کانال از این پس/);
    expect(textOf(set)).toContain("بازبینی نشده");
    expect(await bot.services.channelLanguages.get(channelRef("console:room-a"))).toBe("fa");
    // Every later reply here is Persian, even an error.
    const unknown = await bot.say("/nosuchcommand");
    expect(unknown.language).toBe("fa");
    expect(textOf(unknown)).toMatch(/^فرمانی به نام/);
    const audit = await bot.repositories.audit.list({ entityType: "channel" });
    expect(audit.map((a) => [a.action, a.actor, a.details])).toEqual([
      ["channel.language-set", "console:user-1", { language: "fa" }],
    ]);
    // Another channel is not touched.
    expect(textOf(await bot.say("/nosuchcommand", { channel: "console:room-b" }))).toMatch(/^There is no/);
  });

  it("refuses a member, and changes nothing", async () => {
    const bot = await createTestBot();
    const refused = await bot.say("/language es");
    expect(textOf(refused)).toBe("Only this community's moderators can use /language. Nothing was changed.");
    expect(await bot.services.channelLanguages.get(channelRef("console:room-a"))).toBeUndefined();
  });

  it("names what it does not know, and lists what it does", async () => {
    const bot = await createTestBot();
    const wrong = textOf(await bot.say("/language klingon", moderator));
    expect(wrong).toMatch(/^“klingon” is not one of the bot's languages\. Choose one of: .*en \(English\)/);
    for (const typed of ["constructor", "__proto__", "toString", "qps-ploc"]) {
      expect(textOf(await bot.say(`/language ${typed}`, moderator))).toContain(`“${typed}” is not one of`);
    }
    expect(textOf(await bot.say(`/language ${"x".repeat(41)}`, moderator))).toMatch(/at most 40 characters/);
  });

  it("goes back to the default with /language default", async () => {
    const bot = await createTestBot();
    await bot.say("/language ru", moderator);
    const reset = await bot.say("/language default", moderator);
    expect(reset.language).toBe("en");
    expect(textOf(reset)).toBe("This channel now uses the bot's default language, English.");
    expect(await bot.services.channelLanguages.get(channelRef("console:room-a"))).toBeUndefined();
  });

  it("answers a member in their own language where the platform tells it, in any channel", async () => {
    const bot = await createTestBot();
    await bot.say("/language fa", moderator);
    const asked = await bot.dispatch({
      command: "nosuchcommand",
      text: "",
      platform: "discord",
      channel: channelRef("console:room-a"),
      community: communityRef("console:community"),
      locale: "es-ES",
      caller: { id: "u", isModerator: async () => false },
    });
    expect(asked.language).toBe("es");
    expect(textOf(asked)).toBe("No existe el comando /nosuchcommand. /help muestra los comandos.");
  });
});
