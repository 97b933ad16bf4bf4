/**
 * Button presses are counted in one place, the dispatcher: a press (marked by each platform's parse) that
 * showed one profile adds one to the day's counter for its platform, profile and button; a typed command,
 * a pick list, bad input or a refusal adds nothing; a counter that fails never changes the reply.
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { parseChoice } from "../../../platforms/discord/parse.ts";
import { encodeChoiceValue } from "../../../platforms/slack/actions.ts";
import { parseChoiceAction } from "../../../platforms/slack/parse.ts";
import { toInvocation } from "../../../platforms/telegram/parse.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { CommandInvocation } from "../../../src/core/command.ts";
import type { PressCounter } from "../../../src/core/ports/presses.ts";
import { createDispatcher } from "../../../src/dispatch.ts";
import { createPressRecorder } from "../../../src/services/press-count.ts";
import { createTestBot } from "../commands/test-bot.ts";

const NOW = new Date("2026-11-24T23:59:30Z");
const no = async () => false;

async function world(counter?: PressCounter) {
  const bot = await createTestBot(NOW);
  const presses = counter ?? bot.repositories.presses;
  const dispatch = createDispatcher({
    commands,
    services: bot.services,
    logger: bot.logger,
    countPress: createPressRecorder({ counter: presses, clock: bot.services.clock, logger: bot.logger }),
  });
  const press = (command: string, args: string, via: "button" | "typed" = "button") => {
    const invocation: CommandInvocation = {
      command,
      text: args,
      platform: "telegram",
      channel: channelRef("telegram:-1001"),
      community: communityRef("telegram:-1001"),
      caller: { id: "42", isModerator: no },
      ...(via === "button" ? { via } : {}),
    };
    return dispatch(invocation);
  };
  return { bot, dispatch, press, counts: () => bot.repositories.presses.counts() };
}

describe("counting button presses", () => {
  it("counts a press that showed one profile, per UTC day, platform, profile and button (the command)", async () => {
    const { press, counts } = await world();
    expect((await press("prisoner", "ilgar-mammadov")).kind).toBe("card");
    await press("prisoner", "ilgar-mammadov");
    expect((await press("share", "ilgar-mammadov")).kind).toBe("share");
    expect(await counts()).toEqual([
      {
        day: "2026-11-24",
        platform: "telegram",
        profileId: "ilgar-mammadov",
        button: "prisoner",
        presses: 2,
      },
      { day: "2026-11-24", platform: "telegram", profileId: "ilgar-mammadov", button: "share", presses: 1 },
    ]);
  });

  it("counts nothing for a typed command, a pick list, an unknown name, bad input or an unknown command", async () => {
    const { press, counts } = await world();
    expect((await press("prisoner", "ilgar-mammadov", "typed")).kind).toBe("card");
    expect((await press("prisoner", "Mohammad")).kind).toBe("choices");
    expect((await press("prisoner", "nobody-at-all-here")).kind).toBe("text");
    expect((await press("prisoner", "x".repeat(300))).kind).toBe("text");
    expect((await press("no-such-command", "ilgar-mammadov")).kind).toBe("text");
    expect(await counts()).toEqual([]);
  });

  it("still answers when counting fails, and logs why", async () => {
    const broken: PressCounter = {
      record: async () => {
        throw new Error("database went away");
      },
      counts: async () => [],
    };
    const { bot, press } = await world(broken);
    expect((await press("prisoner", "ilgar-mammadov")).kind).toBe("card");
    expect(bot.logger.records.find((r) => r.message === "could not count a button press")).toMatchObject({
      level: "warn",
      fields: { profileId: "ilgar-mammadov", button: "prisoner", platform: "telegram" },
    });
  });

  it("is told a press by each platform's parse of its buttons, and never a typed command", () => {
    const known = new Set(commands.map((c) => c.name));
    const slack = parseChoiceAction(
      { team: { id: "T0TEAM1" }, user: { id: "U0MEMBER" }, channel: { id: "C0GENERAL" } },
      encodeChoiceValue({ command: "share", args: "ilgar-mammadov" }),
      known,
      no,
    );
    const discord = parseChoice(
      {
        guildId: "1180000000000000001",
        channelId: "1180000000000000002",
        user: { id: "1180000000000000003", username: "amina", globalName: "Amina" },
        memberPermissions: null,
      },
      { command: "share", args: "ilgar-mammadov" },
    );
    const chat = { chatId: -1001, chatType: "supergroup", caller: { id: "42" }, text: "ilgar-mammadov" };
    expect([slack?.via, discord?.via, toInvocation({ ...chat, via: "button" }, "share", no).via]).toEqual([
      "button",
      "button",
      "button",
    ]);
    expect(toInvocation(chat, "share", no).via).toBeUndefined();
  });
});
