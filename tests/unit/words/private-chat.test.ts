/**
 * A one-to-one chat with the bot is "this chat", not "this channel": each platform's parse marks it on the
 * invocation (Telegram's chat type "private", Discord's interaction without a server, Slack's D… ids), and
 * the replies to the same commands differ only in that word.
 */
import type { Update } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { parseChoice, parseCommand as parseDiscord } from "../../../platforms/discord/parse.ts";
import { parseChoiceAction, parseSlashCommand } from "../../../platforms/slack/parse.ts";
import { parseCommand as parseTelegram, toInvocation } from "../../../platforms/telegram/parse.ts";
import { commands } from "../../../commands/index.ts";
import { encodeChoiceValue } from "../../../platforms/slack/actions.ts";
import type { CommandInvocation } from "../../../src/core/command.ts";
import { createTestBot, textOf } from "../commands/test-bot.ts";

const yes = async () => true;

function telegram(chat: { id: number; type: string }, text: string): CommandInvocation {
  const token = /^\/\S+/.exec(text)!;
  const update = {
    update_id: 1,
    message: {
      message_id: 7,
      date: 0,
      chat,
      from: { id: 42, is_bot: false, first_name: "Leyla" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: token[0].length }],
    },
  } as Update;
  const parsed = parseTelegram(update, "FreeBot")!;
  return toInvocation(parsed, parsed.command, yes);
}

function slack(channelId: string, command: string): CommandInvocation {
  return parseSlashCommand(
    { command, text: "", team_id: "T0TEAM1", channel_id: channelId, user_id: "U0MOD" },
    yes,
  )!;
}

function discord(guildId: string | null, commandName: string): CommandInvocation {
  return parseDiscord({
    commandName,
    guildId,
    channelId: "1180000000000000002",
    user: { id: "1180000000000000003", username: "amina", globalName: "Amina" },
    memberPermissions: null,
    options: { data: [] },
  })!;
}

describe("a private chat with the bot", () => {
  it("is marked by each platform's parse, and a channel or group is not", () => {
    expect(telegram({ id: 42, type: "private" }, "/today").privateChat).toBe(true);
    for (const type of ["group", "supergroup"])
      expect(telegram({ id: -1001, type }, "/today").privateChat).toBeUndefined();
    expect(slack("D0DIRECT", "/today").privateChat).toBe(true);
    expect(slack("C0GENERAL", "/today").privateChat).toBeUndefined();
    expect(slack("G0PRIVATE", "/today").privateChat).toBeUndefined();
    expect(discord(null, "today").privateChat).toBe(true);
    expect(discord("1180000000000000001", "today").privateChat).toBeUndefined();
  });

  it("is marked on a choice button pressed there too (Slack, Discord)", () => {
    const known = new Set(commands.map((c) => c.name));
    const value = encodeChoiceValue({ command: "prisoner", args: "narges-mohammadi" });
    const pressed = (channelId: string) =>
      parseChoiceAction(
        { team: { id: "T0TEAM1" }, user: { id: "U0MOD" }, channel: { id: channelId } },
        value,
        known,
        yes,
      );
    expect(pressed("D0DIRECT")?.privateChat).toBe(true);
    expect(pressed("C0GENERAL")?.privateChat).toBeUndefined();
    const source = {
      guildId: null,
      channelId: "1180000000000000002",
      user: { id: "1180000000000000003", username: "amina", globalName: "Amina" },
      memberPermissions: null,
    };
    expect(parseChoice(source, { command: "prisoner", args: "narges-mohammadi" })?.privateChat).toBe(true);
  });

  it('gets "this chat" in the replies, where a channel gets "this channel" (Telegram, Slack)', async () => {
    const bot = await createTestBot();
    const answers = async (say: (command: string) => CommandInvocation) => [
      textOf(await bot.dispatch(say("/unsubscribe"))),
      textOf(await bot.dispatch(say("/subscribe"))),
      textOf(await bot.dispatch(say("/unsubscribe"))),
    ];
    for (const say of [
      (text: string) => telegram({ id: 42, type: "private" }, text),
      (text: string) => slack("D0DIRECT", text),
    ]) {
      const [none, subscribed, stopped] = await answers(say);
      expect(none).toBe("There is no daily post to stop in this chat.");
      expect(subscribed).toMatch(/^Subscribed: this chat gets the daily featured family/);
      expect(stopped).toBe("Stopped: no more daily posts in this chat. /subscribe starts them again.");
    }
    const [none] = await answers((text) => telegram({ id: -1001, type: "supergroup" }, text));
    expect(none).toBe("There is no daily post to stop in this channel.");
  });
});
