/** Typed console lines → commands, through the real dispatcher over in-memory repositories. */
import { describe, expect, it } from "vitest";
import { CONSOLE_CHANNEL, parseConsoleLine } from "../../../platforms/console/parse.ts";
import { expectChannelUnharmed, forEveryFuzzCommand, typedText } from "../../unit/commands/property-names.ts";
import { createTestBot, textOf } from "../../unit/commands/test-bot.ts";

const invocationOf = (line: string) => {
  const parsed = parseConsoleLine(line);
  return parsed.kind === "command" ? parsed.invocation : undefined;
};

describe("console lines", () => {
  it("read the command in lower case and everything after it as its text", () => {
    expect(parseConsoleLine("  /Prisoner  Məmmədov Tofiq ")).toMatchObject({
      kind: "command",
      invocation: { command: "prisoner", text: "Məmmədov Tofiq", channel: CONSOLE_CHANNEL },
    });
    expect(parseConsoleLine("/quit")).toEqual({ kind: "quit" });
    expect(parseConsoleLine("hello")).toEqual({ kind: "not-a-command", text: "hello" });
  });

  it("with words that are JavaScript property names never fail inside, store nothing when refused, and leave /today working", async () => {
    const bot = await createTestBot();
    const channel = invocationOf("/today")!;
    expect(textOf(await bot.dispatch(invocationOf("/subscribe 10:30 Asia/Baku")!))).toMatch(/^Subscribed: /);
    await forEveryFuzzCommand(async (c) => {
      await expectChannelUnharmed(bot, invocationOf(`/${c.command} ${typedText(c)}`), channel);
    });
  });
});
