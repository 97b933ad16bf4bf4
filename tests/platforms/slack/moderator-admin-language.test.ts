/**
 * `/moderators` answers in the bot's default language (Slack sends no member locale): English unchanged
 * without one, Persian with DEFAULT_LANGUAGE=fa, and every reply says its language for the renderer.
 */
import { describe, expect, it } from "vitest";
import { runModeratorsCommand } from "../../../platforms/slack/moderator-admin.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Reply } from "../../../src/core/reply.ts";

function deps(defaultLanguage?: string) {
  const granted = new Set<string>();
  return {
    moderators: {
      isModerator: async () => true,
      isAdmin: async () => true,
      user: async (_team: string, id: string) => ({ id, real_name: "Ana" }),
    },
    botModerators: {
      grant: async ({ userId }: { userId: string }) => !granted.has(userId) && !!granted.add(userId),
      revoke: async ({ userId }: { userId: string }) => granted.delete(userId),
      has: async (_c: unknown, userId: string) => granted.has(userId),
      list: async () => [...granted],
    },
    moderatorCommands: ["subscribe"],
    ...(defaultLanguage ? { defaultLanguage } : {}),
  };
}

const text = (reply: Reply) => (reply.kind === "text" ? reply.text : "");
const call = (words: string) => ({ teamId: "T1", userId: "U0ADMIN", text: words });

describe("/moderators in the default language", () => {
  it("says English as before without a default language", async () => {
    const d = deps();
    expect(text(await runModeratorsCommand(d, call("list")))).toBe(
      "No bot moderators here yet: only workspace admins and owners moderate.",
    );
    expect(text(await runModeratorsCommand(d, call("add <@U0ANA>")))).toBe(
      "Ana is now a bot moderator here and can use /subscribe.",
    );
    expect(text(await runModeratorsCommand(d, call("add")))).toBe(
      "Name one person, as @name, to add.\nUsage: /moderators add @user · /moderators remove @user · /moderators list",
    );
  });

  it("says Persian with DEFAULT_LANGUAGE=fa, and marks each reply Persian", async () => {
    const fa = translatorFor("fa");
    const d = deps("fa");
    const none = await runModeratorsCommand(d, call("list"));
    expect(none).toMatchObject({ language: "fa", text: fa.t("render.modNone") });
    const added = await runModeratorsCommand(d, call("add <@U0ANA>"));
    expect(text(added)).toBe(fa.t("render.modAdded", { name: "Ana", commands: "/subscribe" }));
    const again = await runModeratorsCommand(d, call("add <@U0ANA>"));
    expect(text(again)).toBe(fa.t("render.modAlready", { name: "Ana" }));
    const usage = await runModeratorsCommand(d, call("remove @ana"));
    expect(text(usage)).toContain(fa.t("render.modNameOne", { action: "remove" }));
    for (const reply of [none, added, again, usage])
      expect(text(reply)).not.toMatch(/Usage|bot moderator|Name one/);
  });
});
