/**
 * Words that are JavaScript property names ("constructor", "__proto__", …) are plain words to every
 * command (issue 14): an unknown campaign, zone or name, with the usual message; never an internal
 * error, never a stored setting that breaks the channel's /today.
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { CommandInvocation } from "../../../src/core/command.ts";
import {
  expectChannelUnharmed,
  forEveryFuzzCommand,
  PROPERTY_NAMES,
  splitOptions,
} from "./property-names.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const asModerator = { moderator: true } as const;

/** A platform that splits arguments itself sends them as options (as Discord does). */
function withOptions(command: string, options: Record<string, string>, channel: string): CommandInvocation {
  return {
    command,
    options,
    platform: "console",
    channel: channelRef(channel),
    community: communityRef("console:community"),
    caller: { id: "moderator", isModerator: async () => true },
  };
}

describe("a word that is a property name", () => {
  it.each(PROPERTY_NAMES)(
    "/subscribe 09:00 UTC %s is an unknown campaign; nothing is stored",
    async (name) => {
      const bot = await createTestBot();
      expect(textOf(await bot.say(`/subscribe 09:00 UTC ${name}`, asModerator))).toBe(
        `"${name}" is not a known campaign, time zone or time. Campaigns: "free-to-be-home-2016" for #FreeToBeHome (2016). ` +
          "Time zones are IANA names such as Asia/Baku. Times are HH:MM, e.g. 09:00.",
      );
      expect(textOf(await bot.say(`/subscribe ${name}`, asModerator))).toContain(
        `"${name}" is not a known campaign, time zone or time.`,
      );
      expect(await bot.repositories.subscriptions.list()).toEqual([]);
      expect(await bot.repositories.audit.list({ entityType: "subscription" })).toEqual([]);
      expect((await bot.say("/today")).kind).toBe("card");
    },
  );

  it.each(PROPERTY_NAMES)("is no time zone, given as the timezone option: %s", async (name) => {
    const bot = await createTestBot();
    const reply = await bot.dispatch(withOptions("subscribe", { timezone: name }, "console:room-a"));
    expect(textOf(reply)).toMatch(new RegExp(`^"${name}" is not a time zone: use an IANA name`));
    expect(await bot.repositories.subscriptions.list()).toEqual([]);
  });

  it("leaves a channel's subscription as it was when refused, and /today keeps working", async () => {
    const bot = await createTestBot();
    await bot.say("/subscribe 10:30 Asia/Baku", asModerator);
    const before = await bot.repositories.subscriptions.list();
    expect(before).toMatchObject([{ postTime: "10:30", timezone: "Asia/Baku" }]);
    for (const line of [
      "/subscribe __proto__",
      "/subscribe 09:00 Constructor",
      "/subscribe 09:00 UTC constructor",
    ]) {
      expect(textOf(await bot.say(line, asModerator)), line).toContain("is not a known campaign");
    }
    expect(await bot.repositories.subscriptions.list()).toEqual(before);
    expect((await bot.say("/today")).kind).toBe("card");
  });
});

describe("every command and option, given property names", () => {
  it("as split options: never an internal error; a refused command stores nothing; /today still works", async () => {
    const bot = await createTestBot();
    const channel = "console:fuzz-options";
    expect(textOf(await bot.say("/subscribe 10:30 Asia/Baku", { ...asModerator, channel }))).toMatch(
      /^Subscribed: /,
    );
    await forEveryFuzzCommand(async (command) => {
      const invocation = withOptions(command.command, splitOptions(command), channel);
      await expectChannelUnharmed(bot, invocation, invocation);
    });
  });
});
