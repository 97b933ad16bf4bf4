import { ApplicationCommandOptionType, PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  decodeChannel,
  decodeChoiceId,
  encodeChannel,
  encodeChoiceId,
  encodeCommunity,
} from "../../../platforms/discord/ids.ts";
import {
  type CommandSource,
  type RawOption,
  focusedOption,
  parseChoice,
  parseCommand,
} from "../../../platforms/discord/parse.ts";
import { fitChoices } from "../../../platforms/discord/wiring-interactions.ts";
import { isModerator } from "../../../platforms/discord/permissions.ts";
import {
  expectChannelUnharmed,
  type FuzzCommand,
  forEveryFuzzCommand,
  typedText,
} from "../../unit/commands/property-names.ts";
import { createTestBot, textOf } from "../../unit/commands/test-bot.ts";

const GUILD = "1180000000000000001";
const CHANNEL = "1180000000000000002";
const perms = (...flags: bigint[]) => new PermissionsBitField(flags.reduce((a, b) => a | b, 0n)).freeze();

function source(overrides: Partial<CommandSource> = {}): CommandSource {
  return {
    commandName: "schedule",
    guildId: GUILD,
    channelId: CHANNEL,
    user: { id: "1180000000000000003", username: "amina", globalName: "Amina" },
    memberPermissions: perms(PermissionFlagsBits.SendMessages),
    options: { data: [] },
    ...overrides,
  };
}

describe("ids", () => {
  it("round-trips server and DM channels", () => {
    expect(encodeChannel(GUILD, CHANNEL)).toBe(`discord:${GUILD}:${CHANNEL}`);
    expect(decodeChannel(`discord:${GUILD}:${CHANNEL}`)).toEqual({ guildId: GUILD, channelId: CHANNEL });
    expect(decodeChannel(encodeChannel(null, CHANNEL))).toEqual({ guildId: null, channelId: CHANNEL });
    expect(encodeCommunity(GUILD, CHANNEL)).toBe(`discord:${GUILD}`);
  });

  it("refuses what is not a Discord channel reference", () => {
    for (const ref of [
      "slack:T1:C2",
      `discord:${GUILD}`,
      "discord:abc:123",
      `discord:${GUILD}:${CHANNEL}:x`,
      "discord:1:2",
    ]) {
      expect(decodeChannel(ref)).toBeUndefined();
    }
  });

  it("packs a choice into a custom_id of at most 100 characters", () => {
    const id = encodeChoiceId("prisoner", "ilgar-mammadov: a:b");
    expect(id && decodeChoiceId(id)).toEqual({ command: "prisoner", args: "ilgar-mammadov: a:b" });
    expect(encodeChoiceId("prisoner", "x".repeat(90))).toBeUndefined();
    expect(decodeChoiceId("someone-elses-button")).toBeUndefined();
  });
});

describe("moderators", () => {
  it("are members with Manage Server or Manage Channels in the channel; Administrator implies both", () => {
    expect(isModerator(perms(PermissionFlagsBits.ManageGuild))).toBe(true);
    expect(isModerator(perms(PermissionFlagsBits.ManageChannels))).toBe(true);
    expect(isModerator(perms(PermissionFlagsBits.Administrator))).toBe(true);
    expect(isModerator(perms(PermissionFlagsBits.ManageMessages, PermissionFlagsBits.KickMembers))).toBe(
      false,
    );
    expect(isModerator(null)).toBe(false); // a DM
  });
});

describe("parsing interactions", () => {
  it("reads a subcommand and its options", async () => {
    const invocation = parseCommand(
      source({
        memberPermissions: perms(PermissionFlagsBits.ManageChannels),
        options: {
          data: [
            {
              name: "add",
              type: ApplicationCommandOptionType.Subcommand,
              options: [
                { name: "name", type: ApplicationCommandOptionType.String, value: "ilgar-mammadov" },
                { name: "date", type: ApplicationCommandOptionType.String, value: "2026-12-10" },
              ],
            },
          ],
        },
      }),
    );
    expect(invocation).toMatchObject({
      command: "schedule",
      options: { subcommand: "add", name: "ilgar-mammadov", date: "2026-12-10" },
      platform: "discord",
      channel: `discord:${GUILD}:${CHANNEL}`,
      community: `discord:${GUILD}`,
      caller: { id: "1180000000000000003", name: "Amina" },
    });
    expect(await invocation?.caller.isModerator()).toBe(true);
  });

  it("re-runs a chosen command from a button as typed text, never a moderator in DMs", async () => {
    const invocation = parseChoice(source({ guildId: null, memberPermissions: null }), {
      command: "prisoner",
      args: "bekele-gerba",
    });
    expect(invocation).toMatchObject({
      command: "prisoner",
      text: "bekele-gerba",
      channel: `discord:dm:${CHANNEL}`,
    });
    expect(await invocation?.caller.isModerator()).toBe(false);
  });

  it("finds the focused option inside a subcommand", () => {
    const data = [
      {
        name: "add",
        type: 1,
        options: [
          { name: "date", type: 3, value: "x" },
          { name: "name", type: 3, value: "məmm", focused: true },
        ],
      },
    ];
    expect(focusedOption(data)?.name).toBe("name");
  });
});

describe("the member's language", () => {
  it("carries the interaction's locale into commands and choice buttons, and none when Discord sent none", () => {
    expect(parseCommand(source({ locale: "es-ES" }))?.locale).toBe("es-ES");
    expect(parseChoice(source({ locale: "zh-CN" }), { command: "prisoner", args: "x" })?.locale).toBe(
      "zh-CN",
    );
    expect(parseCommand(source())).not.toHaveProperty("locale");
  });
});

describe("autocomplete choices", () => {
  it("keeps 25 distinct values that fit, clipping names and naming blank ones by their value", () => {
    const fitted = fitChoices([
      { name: "  ", value: "ilgar-mammadov" },
      { name: "Ilgar again", value: "ilgar-mammadov" },
      { name: "Too long a value", value: "v".repeat(101) },
      { name: "", value: "" },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${"ə".repeat(120)}`, value: `p-${i}` })),
    ]);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]).toEqual({ name: "ilgar-mammadov", value: "ilgar-mammadov" });
    expect(fitted[1]?.value).toBe("p-0");
    expect(fitted.every((c) => c.name.length >= 1 && c.name.length <= 100)).toBe(true);
    expect(fitted[1]?.name.endsWith("…")).toBe(true);
  });
});

describe("options named or valued like JavaScript properties", () => {
  it("reads every option as data, even one named __proto__ or constructor", () => {
    const invocation = parseCommand(
      source({
        commandName: "subscribe",
        options: {
          data: [
            { name: "__proto__", type: ApplicationCommandOptionType.String, value: "x" },
            { name: "constructor", type: ApplicationCommandOptionType.String, value: "y" },
          ],
        },
      }),
    );
    expect(Object.entries(invocation?.options ?? {})).toEqual([
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });

  it("never fail inside, store nothing when refused, and leave /today working, on every command", async () => {
    const bot = await createTestBot();
    const moderator = perms(PermissionFlagsBits.ManageGuild);
    const leaves = (options: FuzzCommand["options"]): RawOption[] =>
      options.map(([name, value]) => ({ name, type: ApplicationCommandOptionType.String, value }));
    const asSent = (c: FuzzCommand): CommandSource =>
      source({
        commandName: c.command,
        memberPermissions: moderator,
        options: {
          data:
            c.subcommand === undefined
              ? leaves(c.options)
              : [
                  {
                    name: c.subcommand,
                    type: ApplicationCommandOptionType.Subcommand,
                    options: leaves(c.options),
                  },
                ],
        },
      });
    const channel = parseCommand(source({ commandName: "today", memberPermissions: moderator }))!;
    const subscribed = await bot.dispatch({
      ...channel,
      command: "subscribe",
      options: { time: "10:30", timezone: "Asia/Baku" },
    });
    expect(textOf(subscribed)).toMatch(/^Subscribed: /);
    await forEveryFuzzCommand(async (c) => {
      await expectChannelUnharmed(bot, parseCommand(asSent(c)), channel);
      const button = { command: c.command, args: typedText(c) };
      await expectChannelUnharmed(
        bot,
        parseChoice(source({ memberPermissions: moderator }), button),
        channel,
      );
    });
  });
});
