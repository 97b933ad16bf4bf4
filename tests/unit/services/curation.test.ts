/**
 * The curation service every path takes a profile down and restores it through (the command line, a bot
 * carrying out another terminal's command, the staff panel): the same checks and records for all.
 */
import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/core/errors.ts";
import { createTestBot } from "../commands/test-bot.ts";

describe("the curation service", () => {
  it("takes a profile out of search at once, records who and why, and keeps the first takedown", async () => {
    const bot = await createTestBot(new Date("2026-11-24T12:00:00Z"));
    const { curation, catalog } = bot.services;
    expect((await catalog.lookup("ilgar-mammadov")).kind).toBe("found");

    const first = await curation.takedown("ilgar-mammadov", { reason: "family request", actor: "cli:ana" });
    expect(first.kind).toBe("taken-down");
    expect(first.profile.profile.publication.takedown).toEqual({
      at: "2026-11-24T12:00:00.000Z",
      by: "cli:ana",
      reason: "family request",
    });
    expect((await catalog.lookup("ilgar-mammadov")).kind).toBe("none");

    bot.setNow(new Date("2026-11-25T12:00:00Z"));
    const again = await curation.takedown("ilgar-mammadov", { reason: "another", actor: "panel:bo" });
    expect(again).toMatchObject({
      kind: "already",
      record: { at: "2026-11-24T12:00:00.000Z", by: "cli:ana", reason: "family request" },
    });
  });

  it("restores only a taken-down profile, to the visibility it had", async () => {
    const bot = await createTestBot();
    const { curation, catalog } = bot.services;
    await expect(curation.restore("oleg-sentsov", { actor: "cli:ana" })).rejects.toThrow(
      new UserError("oleg-sentsov is not taken down; nothing changed (it is public).", "INVALID_ARGUMENTS"),
    );
    await curation.takedown("oleg-sentsov", { reason: "safety", actor: "cli:ana" });
    const restored = await curation.restore("oleg-sentsov", { actor: "cli:ana" });
    expect(restored.profile.publication).toEqual({ visibility: "public" });
    expect((await catalog.lookup("oleg-sentsov")).kind).toBe("found");
  });

  it("names an unknown id and where to find the right one", async () => {
    const bot = await createTestBot();
    const unknown = 'No profile with id "nobody" (see: freetobehome profiles list).';
    await expect(bot.services.curation.takedown("nobody", { reason: "x", actor: "a" })).rejects.toThrow(
      unknown,
    );
    await expect(bot.services.curation.restore("nobody", { actor: "a" })).rejects.toThrow(unknown);
  });
});
