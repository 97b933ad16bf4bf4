/**
 * The Discord-only parts of issue 18, without a server: a post's options in its body, what /subscribe
 * refuses from the interaction alone, and who is a guest (the bot is not a member where they asked).
 */
import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  PermissionsBitField,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { english } from "../../../src/core/i18n/translator.ts";
import { type CommandSource, isGuest, parseCommand } from "../../../platforms/discord/parse.ts";
import { withPostOptions } from "../../../platforms/discord/send-options.ts";
import { subscribeRefusal, type SubscribeSource } from "../../../platforms/discord/subscribe-checks.ts";

const GUILD = "1180000000000000001";
const ROLE = "1180000000000000009";
const perms = (...flags: bigint[]) => new PermissionsBitField(flags.reduce((a, b) => a | b, 0n)).freeze();
const body = { content: "Today's featured family", embeds: [], allowed_mentions: { parse: [] as [] } };
const defaults = { silent: false, crosspost: false, linkPreviews: false };

describe("a post's options in its body", () => {
  it("mentions the one role first and allows only it; silent sets SUPPRESS_NOTIFICATIONS", () => {
    expect(withPostOptions(body, { ...defaults, mentionRole: ROLE, silent: true })).toEqual({
      content: `<@&${ROLE}>\nToday's featured family`,
      embeds: [],
      allowed_mentions: { parse: [], roles: [ROLE] },
      flags: 4096,
    });
  });

  it("mentions nobody for a role id that is not a snowflake, and leaves a post without options as it is", () => {
    expect(withPostOptions(body, { ...defaults, mentionRole: "123" })).toEqual(body);
    expect(withPostOptions(body, undefined)).toBe(body);
  });

  it("keeps the content within Discord's 2,000 characters with the mention in front", () => {
    const long = withPostOptions({ ...body, content: "x".repeat(2000) }, { ...defaults, mentionRole: ROLE });
    expect(long.content?.length).toBeLessThanOrEqual(2000);
    expect(long.content).toMatch(new RegExp(`^<@&${ROLE}>\n`));
  });
});

describe("what /subscribe refuses from the interaction", () => {
  const role = (
    flags: { managed?: boolean; mentionable?: boolean },
    id = ROLE,
  ): SubscribeSource["options"] => [
    {
      name: "mention",
      type: ApplicationCommandOptionType.Role,
      value: id,
      role: { id, name: "Alerts", ...flags },
    },
  ];
  const source = (over: Partial<SubscribeSource>): SubscribeSource => ({
    guildId: GUILD,
    appPermissions: perms(PermissionFlagsBits.SendMessages),
    channelType: ChannelType.GuildText,
    options: [],
    ...over,
  });

  it("refuses a managed role, and one closed to mentions unless the bot may mention every role", () => {
    expect(subscribeRefusal(source({ options: role({ managed: true }) }), english)).toMatch(/managed/);
    expect(subscribeRefusal(source({ options: role({ mentionable: false }) }), english)).toMatch(
      /may not ping/,
    );
    const mayMentionAll = perms(PermissionFlagsBits.MentionEveryone);
    const closed = source({ options: role({ mentionable: false }), appPermissions: mayMentionAll });
    expect(subscribeRefusal(closed, english)).toBeUndefined();
    expect(subscribeRefusal(source({ options: role({ mentionable: true }) }), english)).toBeUndefined();
    // @everyone is "no role", never refused as one.
    expect(
      subscribeRefusal(source({ options: role({ mentionable: false }, GUILD) }), english),
    ).toBeUndefined();
  });

  it("refuses crosspost on outside an announcement channel, never crosspost off", () => {
    const on = [{ name: "crosspost", type: ApplicationCommandOptionType.String, value: "ON" }];
    const off = [{ name: "crosspost", type: ApplicationCommandOptionType.String, value: "off" }];
    expect(subscribeRefusal(source({ options: on }), english)).toMatch(/announcement channel/);
    expect(subscribeRefusal(source({ options: off }), english)).toBeUndefined();
    const news = source({ options: on, channelType: ChannelType.GuildAnnouncement });
    expect(subscribeRefusal(news, english)).toBeUndefined();
  });
});

describe("guests", () => {
  const command = (over: Partial<CommandSource>): CommandSource => ({
    commandName: "subscribe",
    guildId: GUILD,
    channelId: "1180000000000000002",
    user: { id: "1180000000000000003", username: "amina", globalName: "Amina" },
    memberPermissions: perms(PermissionFlagsBits.ManageChannels),
    options: { data: [] },
    context: InteractionContextType.Guild,
    authorizingIntegrationOwners: { 0: GUILD },
    ...over,
  });

  it("are those in a group DM, or in a server only their own install reaches", () => {
    expect(isGuest({ context: InteractionContextType.PrivateChannel })).toBe(true);
    expect(isGuest({ context: InteractionContextType.Guild, authorizingIntegrationOwners: { 1: "7" } })).toBe(
      true,
    );
    expect(
      isGuest({ context: InteractionContextType.Guild, authorizingIntegrationOwners: { 0: GUILD } }),
    ).toBe(false);
    expect(isGuest({ context: InteractionContextType.BotDM, authorizingIntegrationOwners: { 1: "7" } })).toBe(
      false,
    );
  });

  it("get a place of their own, and moderate nothing whatever their server permissions", async () => {
    const guest = parseCommand(command({ authorizingIntegrationOwners: { 1: "1180000000000000003" } }))!;
    expect(guest).toMatchObject({ guest: true, channel: "discord:guest:1180000000000000002" });
    expect(await guest.caller.isModerator()).toBe(false);
    const member = parseCommand(command({}))!;
    expect(member.guest).toBeUndefined();
    expect(await member.caller.isModerator()).toBe(true);
  });

  it("read @everyone, chosen as the role to mention, as none", () => {
    const everyone = { name: "mention", type: ApplicationCommandOptionType.Role, value: GUILD };
    expect(parseCommand(command({ options: { data: [everyone] } }))?.options?.mention).toBe("none");
    const role = { ...everyone, value: ROLE };
    expect(parseCommand(command({ options: { data: [role] } }))?.options?.mention).toBe(ROLE);
  });
});
