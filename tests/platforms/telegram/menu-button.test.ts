/**
 * The command menus per scope with the real commands, and the menu button: members see the public
 * commands; chat administrators (and private chats, whose user subscribes them or their channels from
 * there) see the moderators' too; the menu button opens the command list.
 */
import { Telegram } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, testDispatch } from "./harness.ts";

describe("Telegram menus and menu button", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await createFakeTelegram();
  });
  afterAll(() => fake.close());

  it("shows the moderators' commands to chat administrators only, and sets the menu button", async () => {
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      commands,
      logger: recordingLogger(),
      ...testDispatch([]),
    });
    await adapter.registerCommands();
    const moderators = commands.filter((c) => c.moderatorOnly).map((c) => c.name);
    expect(moderators).toEqual(expect.arrayContaining(["subscribe", "unsubscribe", "schedule"]));
    for (const language of ["", ":fa", ":zh"]) {
      const names = (scope: string) => fake.world.commands.get(scope + language)?.map((c) => c.command) ?? [];
      expect(names("default")).not.toEqual(expect.arrayContaining([moderators[0]]));
      expect(names("default")).toContain("prisoner");
      expect(names("all_chat_administrators")).toEqual(expect.arrayContaining([...moderators, "prisoner"]));
      expect(names("all_private_chats")).toEqual(expect.arrayContaining(moderators));
    }
    expect(fake.world.menuButtons.get("default")).toEqual({ type: "commands" });
    expect(fake.rejections()).toEqual([]);
  });

  it("the fake refuses a menu button or a scope Telegram would refuse", async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const bad = { type: "web_app", text: "Open", web_app: { url: "http://insecure.example" } } as const;
    await expect(telegram.setChatMenuButton({ menuButton: bad })).rejects.toThrow("can't parse menu button");
    fake.addChat({ id: -100_800_000_001, type: "supergroup", title: "g" });
    await expect(
      telegram.setChatMenuButton({ chatId: -100_800_000_001, menuButton: { type: "commands" } }),
    ).rejects.toThrow("private chat");
    const scope = { type: "chat_administrators" } as unknown as {
      type: "chat_administrators";
      chat_id: number;
    };
    await expect(telegram.setMyCommands([{ command: "x", description: "y" }], { scope })).rejects.toThrow(
      "chat not found",
    );
  });
});
