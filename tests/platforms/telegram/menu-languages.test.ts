/**
 * Telegram command menus in every language: setMyCommands once per scope without a language (English, for
 * everyone else) and once per scope and shipped language (`language_code` es fr ar fa ru uk az zh), each
 * description in that language and within Telegram's 1–256 characters. Through the adapter and telegraf
 * against the fake Bot API, read back with getMyCommands as a Telegram app would.
 */
import { Telegram } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { menuRegistrations, telegramLanguageCode } from "../../../platforms/telegram/commands.ts";
import { createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { type LanguageTag, USER_LANGUAGES } from "../../../src/core/i18n/languages.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, testDispatch } from "./harness.ts";

const SCOPES = ["default", "all_chat_administrators", "all_private_chats"] as const;
const CODES = ["es", "fr", "ar", "fa", "ru", "uk", "az", "zh"];

describe("Telegram menus per language", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await createFakeTelegram();
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      commands,
      logger: recordingLogger(),
      ...testDispatch([]),
    });
    await adapter.registerCommands();
  });
  afterAll(() => fake.close());

  it("registers each scope once without a language and once per shipped language", () => {
    expect(
      USER_LANGUAGES.filter((l) => l.tag !== "en").map((l) => telegramLanguageCode(l.tag as LanguageTag)),
    ).toEqual(CODES);
    const expected = SCOPES.flatMap((scope) => [scope, ...CODES.map((code) => `${scope}:${code}`)]);
    expect([...fake.world.commands.keys()].sort()).toEqual(expected.sort());
    expect(fake.rejections()).toEqual([]);
  });

  it("gives a Persian app Persian menus and any other app the English ones, read back from Telegram", async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const persian = await telegram.getMyCommands({ scope: { type: "default" }, language_code: "fa" });
    const prisoner = persian.find((c) => c.command === "prisoner");
    expect(prisoner?.description).toBe(translatorFor("fa").t("menu.command.prisoner.description"));
    expect(persian.map((c) => c.command)).not.toContain("schedule"); // moderators' commands stay hidden
    const admins = await telegram.getMyCommands({
      scope: { type: "all_chat_administrators" },
      language_code: "zh",
    });
    expect(admins.find((c) => c.command === "schedule")?.description).toBe(
      translatorFor("zh-Hans").t("menu.command.schedule.description"),
    );
    const others = await telegram.getMyCommands({ scope: { type: "default" } });
    expect(others.find((c) => c.command === "prisoner")?.description).toBe(
      commands.find((c) => c.name === "prisoner")!.description,
    );
  });

  it("keeps every description of every language within 1–256 characters and in its own words", () => {
    for (const [key, menu] of fake.world.commands) {
      for (const { command, description } of menu) {
        expect(description.trim().length, `${key} /${command}`).toBeGreaterThan(0);
        expect(description.length, `${key} /${command}`).toBeLessThanOrEqual(256);
      }
      const code = key.split(":")[1];
      if (code) {
        const english = fake.world.commands.get(key.split(":")[0]!)!;
        expect(
          menu.map((c) => c.description),
          key,
        ).not.toEqual(english.map((c) => c.description));
      }
    }
  });

  it("the fake refuses a language code Telegram would not take", async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    await expect(
      telegram.setMyCommands([{ command: "ok", description: "d" }], { language_code: "zh-Hans" }),
    ).rejects.toThrow("language code is invalid");
    expect(menuRegistrations(commands).calls).toHaveLength(SCOPES.length * (CODES.length + 1));
  });
});
