/** Telegram deep links to a profile: which ids fit a start parameter, and what a payload is read as. */
import { describe, expect, it } from "vitest";
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
