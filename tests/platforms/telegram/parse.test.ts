/** Updates → commands, and who counts as a moderator, without any network. */
import { describe, expect, it } from "vitest";
import type { Update } from "telegraf/types";
import { decodeChannel, encodeChannel } from "../../../platforms/telegram/ids.ts";
import { authorityOf } from "../../../platforms/telegram/moderators.ts";
import { commands } from "../../../commands/index.ts";
import { createChoiceCodec } from "../../../platforms/telegram/choices.ts";
import { parseCommand, resolveCommand, toInvocation } from "../../../platforms/telegram/parse.ts";
import { channelRef } from "../../../src/core/channel.ts";
import { expectChannelUnharmed, forEveryFuzzCommand, typedText } from "../../unit/commands/property-names.ts";
import { createTestBot, textOf } from "../../unit/commands/test-bot.ts";

const group = { id: -1001, type: "supergroup", title: "G" };
const user = { id: 42, is_bot: false, first_name: "Leyla", last_name: "Quliyeva" };
const message = (text: string, extra: object = {}): Update => {
  const token = /^\/\S+/.exec(text);
  const entities = token ? [{ type: "bot_command", offset: 0, length: token[0].length }] : undefined;
  return {
    update_id: 1,
    message: { message_id: 7, date: 0, chat: group, from: user, text, entities, ...extra },
  } as Update;
};

describe("Telegram parse", () => {
  it("reads the command and the text after it", () => {
    expect(parseCommand(message("/prisoner  Məmmədov  Tofiq "), "FreeBot")).toMatchObject({
      command: "prisoner",
      text: "Məmmədov  Tofiq",
      addressed: false,
      chatId: -1001,
      messageId: 7,
      caller: { id: "42", name: "Leyla Quliyeva" },
      authority: { kind: "ask", chatId: -1001, userId: 42 },
    });
  });

  it("gives the command its forum topic, and no thread for a reply outside topics", () => {
    const inTopic = parseCommand(
      message("/subscribe", { message_thread_id: 5, is_topic_message: true }),
      "FreeBot",
    )!;
    expect(toInvocation(inTopic, "subscribe", async () => true).thread).toBe("5");
    // In a group without topics, a reply carries its thread's id too, but it is no topic to post in.
    const reply = parseCommand(message("/subscribe", { message_thread_id: 5 }), "FreeBot")!;
    expect(toInvocation(reply, "subscribe", async () => true)).not.toHaveProperty("thread");
  });

  it("takes the sender's language_code as the member's locale, never a placeholder account's", () => {
    const persian = message("/help", { from: { ...user, language_code: "fa" } });
    const parsed = parseCommand(persian, "FreeBot")!;
    expect(parsed.locale).toBe("fa");
    expect(toInvocation(parsed, "help", async () => false).locale).toBe("fa");
    expect(parseCommand(message("/help"), "FreeBot")).not.toHaveProperty("locale");
    // An anonymous admin speaks as the group: the placeholder account's language is nobody's.
    const anonymous = message("/help", {
      from: { id: 1087968824, is_bot: true, first_name: "Group", language_code: "en" },
      sender_chat: group,
    });
    expect(parseCommand(anonymous, "FreeBot")).not.toHaveProperty("locale");
  });

  it("accepts /cmd@ourbot in any case and ignores other bots' commands and plain text", () => {
    expect(parseCommand(message("/Prisoner@freebot x"), "FreeBot")).toMatchObject({
      command: "prisoner",
      addressed: true,
      text: "x",
    });
    expect(parseCommand(message("/prisoner@OtherBot x"), "FreeBot")).toBeUndefined();
    expect(parseCommand(message("hello /prisoner"), "FreeBot")).toBeUndefined();
    expect(parseCommand(message("/prisoner", { entities: [] }), "FreeBot")).toBeUndefined();
  });

  it("reads channel posts, with the channel as the caller", () => {
    const channel = { id: -1002, type: "channel", title: "News" };
    const update = {
      update_id: 2,
      channel_post: {
        message_id: 3,
        date: 0,
        chat: channel,
        sender_chat: channel,
        author_signature: "Ann",
        text: "/today",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    } as Update;
    expect(parseCommand(update, "FreeBot")).toMatchObject({
      command: "today",
      caller: { id: "-1002", name: "News (Ann)" },
      authority: { kind: "granted" },
    });
  });

  it("answers unknown commands only when addressed, and maps /start to help", () => {
    const known = new Set(["prisoner", "help"]);
    expect(resolveCommand(parseCommand(message("/weather"), "FreeBot")!, known)).toBeUndefined();
    expect(resolveCommand(parseCommand(message("/weather@FreeBot"), "FreeBot")!, known)).toBe("weather");
    expect(resolveCommand(parseCommand(message("/start"), "FreeBot")!, known)).toBe("help");
  });

  it("round-trips chat ids and rejects other references", () => {
    expect(decodeChannel(encodeChannel(-1001234567890))).toBe(-1001234567890);
    expect(encodeChannel(42)).toBe("telegram:42");
    expect(() => decodeChannel(channelRef("slack:T1:C2"))).toThrow();
    expect(() => decodeChannel(channelRef("telegram:12abc"))).toThrow();
    expect(() => encodeChannel(0)).toThrow();
  });
});

describe("Telegram moderator authority", () => {
  const chat = { id: -1001, type: "supergroup" };
  it.each([
    ["a channel post", { chat: { id: -5, type: "channel" } }, "granted"],
    [
      "an anonymous admin (sender_chat is the group)",
      { chat, from: { id: 1087968824, is_bot: true }, sender_chat: { id: -1001 } },
      "granted",
    ],
    [
      "@GroupAnonymousBot without the group as sender",
      { chat, from: { id: 1087968824, is_bot: true } },
      "denied",
    ],
    [
      "a linked channel's auto-forward (777000)",
      { chat, from: { id: 777000 }, sender_chat: { id: -5 } },
      "denied",
    ],
    ["777000 alone", { chat, from: { id: 777000 } }, "denied"],
    [
      "a user speaking as their own channel",
      { chat, from: { id: 136817688 }, sender_chat: { id: -9 } },
      "denied",
    ],
    ["another bot", { chat, from: { id: 5, is_bot: true } }, "denied"],
    ["the user of a private chat", { chat: { id: 42, type: "private" }, from: { id: 42 } }, "granted"],
    ["a member of a group", { chat, from: { id: 42 } }, "ask"],
    [
      "a button press in a channel",
      { chat: { id: -5, type: "channel" }, from: { id: 42 }, isButtonPress: true },
      "ask",
    ],
  ])("%s", (_, facts, kind) => {
    expect(authorityOf(facts).kind).toBe(kind);
  });
});

describe("Telegram commands and buttons with words that are JavaScript property names", () => {
  it("never fail inside, store nothing when refused, and leave /today working, on every command", async () => {
    const bot = await createTestBot();
    const known = new Set(commands.map((c) => c.name));
    const codec = createChoiceCodec();
    const moderator = async () => true;
    /** What the bot would run for a message: nothing when the command is neither ours nor addressed to us. */
    const sent = (text: string) => {
      const parsed = parseCommand(message(text), "FreeBot");
      const command = parsed && resolveCommand(parsed, known);
      return parsed && command ? toInvocation(parsed, command, moderator) : undefined;
    };
    const channel = sent("/today")!;
    expect(textOf(await bot.dispatch(sent("/subscribe 10:30 Asia/Baku")!))).toMatch(/^Subscribed: /);
    await forEveryFuzzCommand(async (c) => {
      const text = typedText(c);
      for (const to of ["", "@FreeBot"])
        await expectChannelUnharmed(bot, sent(`/${c.command}${to} ${text}`), channel);
      const chosen = codec.decode(codec.encode({ command: c.command, args: text }));
      const presser = {
        chatId: group.id,
        chatType: group.type,
        caller: { id: String(user.id) },
        text: chosen?.args ?? "",
      };
      const pressed = chosen && toInvocation(presser, chosen.command, moderator);
      await expectChannelUnharmed(bot, pressed, channel);
    });
  });
});
