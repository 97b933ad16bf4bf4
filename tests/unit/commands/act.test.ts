/**
 * /act through the real dispatcher and services: current actions only, privately; several matches give a
 * list that re-runs /act; a taken-down or withheld profile's actions are never shown; an unverified
 * profile of a live campaign offers none.
 */
import { describe, expect, it } from "vitest";
import type { Profile } from "../../../src/core/profile.ts";
import { importLiveCampaign } from "./live-campaign.ts";
import { createTestBot, textOf } from "./test-bot.ts";

const NOW = new Date("2026-11-24T12:00:00Z"); // STALE_AFTER_DAYS is 90 in the test bot
const source = "https://example.org/actions";
const withActions = (p: Profile) => {
  p.lastVerifiedAt = "2026-11-01";
  p.actions = [
    {
      kind: "petition",
      url: "https://example.org/petition",
      by: "Example Rights",
      source,
      asOf: "2026-11-01",
    },
    { kind: "petition", url: "https://example.org/closed", by: "Old Group", source, asOf: "2026-01-01" },
  ];
};

async function bot(people: Parameters<typeof importLiveCampaign>[2]) {
  const b = await createTestBot(NOW);
  await importLiveCampaign(b, "live-2026", people);
  return b;
}

describe("/act", () => {
  it("shows a named profile's current actions privately, leaving out the out-of-date one", async () => {
    const b = await bot([{ id: "acting-person", name: "Acting Person", change: withActions }]);
    const reply = await b.say("/act Acting Person");
    expect(reply).toMatchObject({ kind: "text", visibility: "private" });
    expect(textOf(reply)).toContain("What you can do for Acting Person:");
    expect(textOf(reply)).toContain("Sign the petition run by Example Rights: https://example.org/petition");
    expect(textOf(reply)).not.toContain("closed");
  });

  it("answers in the member's own language", async () => {
    const b = await bot([{ id: "acting-person", name: "Acting Person", change: withActions }]);
    expect(textOf(await b.say("/act acting-person", { locale: "fr" }))).toContain(
      "Ce que vous pouvez faire pour Acting Person",
    );
  });

  it("offers a list that re-runs /act when several match, never a silent pick", async () => {
    const b = await bot([
      { id: "same-name-a", name: "Same Name", change: withActions },
      { id: "same-name-b", name: "Same Name" },
    ]);
    const reply = await b.say("/act Same Name");
    expect(reply).toMatchObject({ kind: "choices", visibility: "private" });
    if (reply.kind !== "choices") throw new Error("expected choices");
    expect(reply.choices.map((c) => [c.command, c.args])).toEqual([
      ["act", "same-name-a"],
      ["act", "same-name-b"],
    ]);
  });

  it("never shows the actions of a taken-down or withheld profile", async () => {
    const b = await bot([
      { id: "acting-person", name: "Acting Person", change: withActions },
      {
        id: "withheld-person",
        name: "Withheld Person",
        change: (p) => {
          withActions(p);
          p.publication = { visibility: "withheld" };
        },
      },
    ]);
    await b.repositories.catalog.takedown("acting-person", {
      reason: "family asked",
      actor: "curator",
      at: NOW,
    });
    for (const id of ["acting-person", "withheld-person"]) {
      const reply = await b.say(`/act ${id}`);
      expect(reply).toMatchObject({ kind: "text", tone: "error" });
      expect(textOf(reply)).not.toContain("example.org");
    }
  });

  it("offers nothing for a live campaign's profile not verified within STALE_AFTER_DAYS", async () => {
    const b = await bot([
      {
        id: "old-person",
        name: "Old Person",
        change: (p) => {
          withActions(p);
          p.lastVerifiedAt = "2026-08-01";
        },
      },
    ]);
    const text = textOf(await b.say("/act Old Person"));
    expect(text).toMatch(/^Old Person's profile has not been verified recently/);
    expect(text).not.toContain("example.org");
  });

  it("says plainly that today's family has no current action", async () => {
    const b = await createTestBot(NOW);
    const reply = await b.say("/act");
    expect(reply).toMatchObject({ kind: "text", visibility: "private" });
    expect(textOf(reply)).toMatch(/^No current action for .+; the campaign lists none newer than 90 days\.$/);
  });
});
