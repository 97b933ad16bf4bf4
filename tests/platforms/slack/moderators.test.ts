import { describe, expect, it, vi } from "vitest";
import { parseModeratorsText } from "../../../platforms/slack/moderator-admin.ts";
import { createModeratorCheck, type SlackUserRoles } from "../../../platforms/slack/moderators.ts";
import { memoryLogger } from "./fixtures.ts";

function setup(users: Record<string, SlackUserRoles>, botModerators: string[] = []) {
  let clock = 0;
  const lookupUser = vi.fn(async (_team: string, user: string) => users[user]);
  const check = createModeratorCheck({
    lookupUser,
    isBotModerator: async (_team, user) => botModerators.includes(user),
    logger: memoryLogger(),
    ttlMs: 1000,
    maxEntries: 2,
    now: () => clock,
  });
  return { check, lookupUser, advance: (ms: number) => (clock += ms) };
}

describe("slack moderator check", () => {
  it("trusts admins and owners, then the bot moderator list, and never guests", async () => {
    const { check } = setup(
      {
        UADMIN: { is_admin: true },
        UOWNER: { is_owner: true },
        UPRIMARY: { is_primary_owner: true },
        UMEMBER: {},
        UBOTMOD: {},
        UGUEST: { is_restricted: true },
        USCG: { is_restricted: true, is_ultra_restricted: true },
        UGONE: { is_admin: true, deleted: true },
        USTRANGER: { is_admin: true, is_stranger: true },
        UBOT: { is_bot: true },
      },
      ["UBOTMOD", "UGUEST"],
    );
    const answers = Object.fromEntries(
      await Promise.all(
        [
          "UADMIN",
          "UOWNER",
          "UPRIMARY",
          "UMEMBER",
          "UBOTMOD",
          "UGUEST",
          "USCG",
          "UGONE",
          "USTRANGER",
          "UBOT",
          "UNOBODY",
        ].map(async (u) => [u, await check.isModerator("T1", u)] as const),
      ),
    );
    expect(answers).toEqual({
      UADMIN: true,
      UOWNER: true,
      UPRIMARY: true,
      UMEMBER: false,
      UBOTMOD: true,
      UGUEST: false,
      USCG: false,
      UGONE: false,
      USTRANGER: false,
      UBOT: false,
      UNOBODY: false,
    });
  });

  it("asks Slack once per user while the answer is fresh, and again after", async () => {
    const { check, lookupUser, advance } = setup({ UADMIN: { is_admin: true } });
    await Promise.all([check.isModerator("T1", "UADMIN"), check.isModerator("T1", "UADMIN")]);
    await check.isModerator("T1", "UADMIN");
    expect(lookupUser).toHaveBeenCalledTimes(1);
    advance(1001);
    await check.isModerator("T1", "UADMIN");
    expect(lookupUser).toHaveBeenCalledTimes(2);
  });

  it("keeps a bounded cache", async () => {
    const { check, lookupUser } = setup({ UA: {}, UB: {}, UC: {} });
    await check.isModerator("T1", "UA");
    await check.isModerator("T1", "UB");
    await check.isModerator("T1", "UC"); // evicts UA
    await check.isModerator("T1", "UA");
    expect(lookupUser).toHaveBeenCalledTimes(4);
  });

  it("fails closed when Slack cannot be asked, and asks again next time", async () => {
    const { check, lookupUser } = setup({});
    lookupUser.mockRejectedValueOnce(new Error("ratelimited"));
    expect(await check.isModerator("T1", "UADMIN")).toBe(false);
    lookupUser.mockResolvedValueOnce({ is_admin: true });
    expect(await check.isModerator("T1", "UADMIN")).toBe(true);
  });

  it("lets only admins and owners administer, never a bot moderator", async () => {
    const { check } = setup(
      { UADMIN: { is_admin: true }, UBOTMOD: {}, UGUEST: { is_admin: true, is_restricted: true } },
      ["UBOTMOD"],
    );
    expect(await check.isAdmin("T1", "UADMIN")).toBe(true);
    expect(await check.isAdmin("T1", "UBOTMOD")).toBe(false);
    expect(await check.isAdmin("T1", "UGUEST")).toBe(false);
  });
});

describe("/moderators text", () => {
  it.each([
    ["add <@U0ANA|ana>", { action: "add", userId: "U0ANA" }],
    ["ADD <@W0ANA>", { action: "add", userId: "W0ANA" }],
    ["remove U0ANA", { action: "remove", userId: "U0ANA" }],
    ["list", { action: "list" }],
    ["", { action: "usage" }],
    ["promote <@U0ANA>", { action: "usage" }],
    ["add @ana", { action: "usage", problem: "Name one person, as @name, to add." }],
    ["add <@U0ANA> <@U0BOB>", { action: "usage", problem: "Name one person, as @name, to add." }],
    ["add <!channel>", { action: "usage", problem: "Name one person, as @name, to add." }],
    ["list everyone", { action: "usage" }],
  ])("reads %j", (text, expected) => {
    expect(parseModeratorsText(text)).toEqual(expected);
  });
});
