/** Command menus: setMyCommands for everyone and for chat administrators, within Telegram's rules. */
import { Telegram } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandMenus } from "../../../platforms/telegram/commands.ts";
import { createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, testCommands, testDispatch } from "./harness.ts";

describe("Telegram command menus", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await createFakeTelegram();
  });
  afterAll(() => fake.close());

  it("shows members the public commands and administrators all of them", async () => {
    const logger = recordingLogger();
    const harness = testDispatch([]);
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      commands: testCommands,
      logger,
      ...harness,
    });
    await adapter.registerCommands();
    const names = (scope: string) => fake.world.commands.get(scope)?.map((c) => c.command);
    expect(names("default")).toEqual(["prisoner", "help"]);
    expect(names("all_chat_administrators")).toEqual(["prisoner", "help", "schedule"]);
    expect(names("all_private_chats")).toEqual(["prisoner", "help", "schedule"]);
    expect(fake.rejections()).toEqual([]);
  });

  it("keeps names Telegram refuses out of the menus and clips long descriptions", () => {
    const [base] = testCommands;
    const menus = commandMenus([
      { ...base!, name: "Bad-Name" },
      { ...base!, name: "long", description: `${"word ".repeat(80)}😀😀` },
      { ...base!, name: "blank", description: "  ", usage: "/blank <x>" },
    ]);
    expect(menus.skipped).toEqual(["Bad-Name"]);
    expect(menus.everyone.map((c) => c.command)).toEqual(["long", "blank"]);
    expect(menus.everyone[0]!.description.length).toBeLessThanOrEqual(256);
    expect(menus.everyone[0]!.description.endsWith("…")).toBe(true);
    expect(menus.everyone[1]!.description).toBe("/blank <x>");
  });

  it("the fake refuses what Telegram refuses", async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    await expect(telegram.setMyCommands([{ command: "Bad-Name", description: "x" }])).rejects.toThrow(
      "BOT_COMMAND_INVALID",
    );
    await expect(telegram.setMyCommands([{ command: "ok", description: "" }])).rejects.toThrow(
      "BOT_COMMAND_DESCRIPTION_INVALID",
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "d" }));
    await expect(telegram.setMyCommands(many)).rejects.toThrow("BOT_COMMANDS_TOO_MUCH");
  });
});
