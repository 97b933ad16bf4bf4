/**
 * The console chat in the bot's DEFAULT_LANGUAGE from its first line: what it says to a line that is not a
 * command, before any reply has said which language the chat is in, and /help's table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import { botOnNewFolder } from "../support/cli-io.ts";

let bot: Awaited<ReturnType<typeof botOnNewFolder>>;

beforeAll(async () => {
  bot = await botOnNewFolder({ DEFAULT_LANGUAGE: "fa" });
});
afterAll(() => bot?.close());

describe("a console whose bot speaks Persian by default", () => {
  it("answers a first line that is not a command in Persian, and lists /help in a Persian table", async () => {
    const fa = translatorFor("fa");
    const result = await bot.run(["console"], { input: "hello\n/help\n" });
    expect(result.code).toBe(0);
    const [first] = result.stdout.split("\n");
    expect(first).toBe(
      fa.t("render.notACommand", { help: "/help", today: "/today", prisoner: "/prisoner <name>" }),
    );
    expect(result.stdout).not.toContain("Commands start with");
    expect(result.stdout).toContain(fa.t("render.helpWhat"));
    expect(result.stdout).not.toContain("Look up a prisoner");
  }, 60_000);
});
