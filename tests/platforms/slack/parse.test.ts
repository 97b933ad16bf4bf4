import { describe, expect, it, vi } from "vitest";
import { commands } from "../../../commands/index.ts";
import { encodeChoiceValue } from "../../../platforms/slack/actions.ts";
import { decodeChannelRef, encodeChannelRef, encodeCommunityRef } from "../../../platforms/slack/ids.ts";
import { parseChoiceAction, parseSlashCommand } from "../../../platforms/slack/parse.ts";
import { expectChannelUnharmed, forEveryFuzzCommand, typedText } from "../../unit/commands/property-names.ts";
import { createTestBot, textOf } from "../../unit/commands/test-bot.ts";

const body = {
  command: "/Prisoner",
  text: "  Məmmədov &amp; &lt;b&gt;  ",
  team_id: "T0TEAM1",
  channel_id: "C0GENERAL",
  user_id: "U0MEMBER",
  user_name: "leyla",
};

describe("slack ids", () => {
  it("round-trips channel references and refuses anything else", () => {
    const ref = encodeChannelRef("T0TEAM1", "C0GENERAL");
    expect(ref).toBe("slack:T0TEAM1:C0GENERAL");
    expect(decodeChannelRef(ref)).toEqual({ teamId: "T0TEAM1", channelId: "C0GENERAL" });
    expect(encodeCommunityRef("T0TEAM1")).toBe("slack:T0TEAM1");
    for (const bad of ["discord:1:2", "slack:T1", "slack:T1:C2:x", "slack:t1:c2", "slack::C2"]) {
      expect(decodeChannelRef(bad)).toBeUndefined();
    }
    expect(() => encodeChannelRef("T1", "C 2")).toThrow();
  });
});

describe("slack slash command parsing", () => {
  it("reads the command, the text as typed, the channel and the community", async () => {
    const isModerator = vi.fn(async () => true);
    const invocation = parseSlashCommand(body, isModerator);
    expect(invocation).toMatchObject({
      command: "prisoner",
      text: "Məmmədov & <b>",
      platform: "slack",
      channel: "slack:T0TEAM1:C0GENERAL",
      community: "slack:T0TEAM1",
      caller: { id: "U0MEMBER", name: "leyla" },
    });
    expect(isModerator).not.toHaveBeenCalled();
    expect(await invocation?.caller.isModerator()).toBe(true);
    expect(isModerator).toHaveBeenCalledWith("T0TEAM1", "U0MEMBER");
  });

  it("refuses a body without usable ids", () => {
    expect(parseSlashCommand({ ...body, team_id: "" }, async () => false)).toBeUndefined();
    expect(parseSlashCommand({ ...body, channel_id: "../x" }, async () => false)).toBeUndefined();
  });
});

describe("slack choice action parsing", () => {
  const action = {
    team: { id: "T0TEAM1" },
    user: { id: "U0MEMBER", username: "leyla" },
    channel: { id: "C0GENERAL" },
  };
  const known = new Set(["prisoner", "share"]);

  it("turns a choice button into the command it stands for", () => {
    const value = encodeChoiceValue({ command: "prisoner", args: "mammadov-tofig" });
    const invocation = parseChoiceAction(action, value, known, async () => false);
    expect(invocation).toMatchObject({
      command: "prisoner",
      text: "mammadov-tofig",
      channel: "slack:T0TEAM1:C0GENERAL",
    });
  });

  it("ignores unknown commands and malformed values", () => {
    const check = async () => false;
    expect(
      parseChoiceAction(action, encodeChoiceValue({ command: "subscribe", args: "" }), known, check),
    ).toBeUndefined();
    expect(parseChoiceAction(action, "not json", known, check)).toBeUndefined();
    expect(parseChoiceAction(action, JSON.stringify({ c: "prisoner" }), known, check)).toBeUndefined();
    expect(parseChoiceAction(action, undefined, known, check)).toBeUndefined();
  });

  it("falls back to the container's channel and the user's team", () => {
    const value = encodeChoiceValue({ command: "share", args: "x" });
    const bare = {
      team: null,
      user: { id: "U0MEMBER", team_id: "T0TEAM1" },
      container: { channel_id: "C0OTHER" },
    };
    expect(parseChoiceAction(bare, value, known, async () => false)?.channel).toBe("slack:T0TEAM1:C0OTHER");
  });
});

describe("slack commands and buttons with words that are JavaScript property names", () => {
  it("never fail inside, store nothing when refused, and leave /today working, on every command", async () => {
    const bot = await createTestBot();
    const moderator = async () => true;
    const known = new Set(commands.map((c) => c.name));
    const slash = (command: string, text: string) =>
      parseSlashCommand({ ...body, command: `/${command}`, text }, moderator);
    const channel = slash("today", "")!;
    expect(textOf(await bot.dispatch(slash("subscribe", "10:30 Asia/Baku")!))).toMatch(/^Subscribed: /);
    const action = {
      team: { id: body.team_id },
      user: { id: body.user_id },
      channel: { id: body.channel_id },
    };
    await forEveryFuzzCommand(async (c) => {
      await expectChannelUnharmed(bot, slash(c.command, typedText(c)), channel);
      const value = encodeChoiceValue({ command: c.command, args: typedText(c) });
      await expectChannelUnharmed(bot, parseChoiceAction(action, value, known, moderator), channel);
    });
  });
});
