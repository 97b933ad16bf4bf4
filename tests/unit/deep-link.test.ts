/** Telegram deep links to a profile: which ids fit a start parameter, and what a payload is read as. */
import type { Update } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { parseCommand, resolveRequest } from "../../platforms/telegram/parse.ts";
import {
  createTelegramBotName,
  profileStartParameter,
  readStartPayload,
  telegramProfileLink,
} from "../../src/core/deep-link.ts";

describe("deep links to a profile", () => {
  it("fit a profile id of up to 62 characters into Telegram's 64, and give a longer one no link", () => {
    expect(profileStartParameter("a".repeat(62))).toBe(`p_${"a".repeat(62)}`);
    expect(profileStartParameter("a".repeat(63))).toBeUndefined();
    expect(telegramProfileLink("FreeToBeHomeBot", "a".repeat(63))).toBeUndefined();
    expect(telegramProfileLink("FreeToBeHomeBot", "ilgar-mammadov")).toBe(
      "https://t.me/FreeToBeHomeBot?start=p_ilgar-mammadov",
    );
  });

  it("need a real username, which the adapter tells once getMe gave it", () => {
    expect(telegramProfileLink(undefined, "ilgar-mammadov")).toBeUndefined();
    expect(telegramProfileLink("a/b?c", "ilgar-mammadov")).toBeUndefined();
    const name = createTelegramBotName();
    expect(name.get()).toBeUndefined();
    name.set("FreeToBeHomeBot");
    expect(name.get()).toBe("FreeToBeHomeBot");
  });

  it("read a payload as a profile only when it is p_ and a profile id; anything else is unreadable", () => {
    expect(readStartPayload("")).toEqual({ kind: "plain" });
    expect(readStartPayload("p_ilgar-mammadov")).toEqual({ kind: "profile", profileId: "ilgar-mammadov" });
    for (const payload of [
      "ilgar-mammadov",
      "p_",
      "p_Ilgar",
      "p_a--b",
      "p_-a",
      "p_a_b",
      "p___proto__",
      `p_${"a".repeat(63)}`,
    ])
      expect(readStartPayload(payload)).toEqual({ kind: "unreadable" });
  });
});

describe("Telegram's /start with a payload", () => {
  const parsed = (chatType: string, target = "") => {
    const text = `/start${target} p_ilgar-mammadov`;
    const update = {
      update_id: 1,
      message: {
        message_id: 7,
        date: 0,
        chat: { id: chatType === "private" ? 42 : -1001, type: chatType },
        from: { id: 42, is_bot: false, first_name: "Leyla" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: `/start${target}`.length }],
      },
    } as Update;
    return parseCommand(update, "FreeBot")!;
  };
  const known = new Set(["prisoner", "help"]);

  it("runs /prisoner <id> in a private chat or when it names us, and is help in a group it does not name", () => {
    expect(resolveRequest(parsed("private"), known)).toEqual({ command: "prisoner", text: "ilgar-mammadov" });
    expect(resolveRequest(parsed("supergroup", "@FreeBot"), known)).toEqual({
      command: "prisoner",
      text: "ilgar-mammadov",
    });
    expect(resolveRequest(parsed("supergroup"), known)).toEqual({
      command: "help",
      text: "p_ilgar-mammadov",
    });
  });
});
