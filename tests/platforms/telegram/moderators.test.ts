/** The moderator check's cache: one getChatMember per person and chat per minute, bounded, errors denied. */
import { describe, expect, it } from "vitest";
import { createModeratorCheck } from "../../../platforms/telegram/moderators.ts";
import { recordingLogger } from "./harness.ts";

function setup(statuses: Record<string, string>, options: { maxEntries?: number } = {}) {
  let clock = 0;
  const calls: string[] = [];
  const logger = recordingLogger();
  const check = createModeratorCheck({
    getChatMember: async (chatId, userId) => {
      calls.push(`${chatId}:${userId}`);
      const status = statuses[`${chatId}:${userId}`];
      if (!status) throw new Error("400: Bad Request: user not found");
      return { status };
    },
    logger,
    ttlMs: 60_000,
    now: () => clock,
    ...options,
  });
  const ask = (chatId: number, userId: number) => check({ kind: "ask", chatId, userId });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { ask, calls, logger, advance };
}

describe("Telegram moderator check", () => {
  it("counts creators and administrators, not members or restricted users", async () => {
    const { ask } = setup({
      "-1:1": "creator",
      "-1:2": "administrator",
      "-1:3": "member",
      "-1:4": "restricted",
      "-1:5": "left",
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map((u) => ask(-1, u)))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it("asks once per minute, and once for simultaneous questions", async () => {
    const { ask, calls, advance } = setup({ "-1:2": "administrator" });
    await Promise.all([ask(-1, 2), ask(-1, 2), ask(-1, 2)]);
    advance(59_000);
    await ask(-1, 2);
    expect(calls).toEqual(["-1:2"]);
    advance(2_000);
    await ask(-1, 2);
    expect(calls).toEqual(["-1:2", "-1:2"]);
  });

  it("forgets the oldest answers beyond its size", async () => {
    const { ask, calls } = setup({ "-1:1": "member", "-1:2": "member", "-1:3": "member" }, { maxEntries: 2 });
    for (const u of [1, 2, 3, 1]) await ask(-1, u);
    expect(calls).toEqual(["-1:1", "-1:2", "-1:3", "-1:1"]);
  });

  it("denies on an error without caching it, and never calls for decided authority", async () => {
    const { ask, calls, logger } = setup({});
    const check = createModeratorCheck({ getChatMember: () => Promise.reject(new Error("unused")), logger });
    expect(await ask(-1, 9)).toBe(false);
    expect(await ask(-1, 9)).toBe(false);
    expect(calls).toHaveLength(2);
    expect(logger.entries.filter((e) => e.level === "warn")).toHaveLength(2);
    expect(await check({ kind: "granted", reason: "anonymous-admin" })).toBe(true);
    expect(await check({ kind: "denied", reason: "service-account" })).toBe(false);
  });
});
