/**
 * The impact report's query over PGlite and Postgres (TEST_DATABASE_URL): posts delivered per profile,
 * platform and UTC day of sending, distinct channels reached, and presses per button, filtered by days,
 * profile and campaign. Posts are written through the ledger's own steps.
 */
import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "../delivery/harness.ts";

const LEASE_MS = 60_000;

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`the impact report on ${target.name}`, () => {
    const world = useDeliveryWorld(target);
    const ledger = () => world.repositories.deliveries;

    /** A post in `channel` for its local date, sent at `sentAt` (or failed), through the ledger's steps. */
    async function post(
      channel: string,
      localDate: string,
      sentAt: string,
      outcome: "sent" | "failed" = "sent",
    ) {
      const at = new Date(sentAt);
      const platform = channel.split(":")[0]!;
      const due = {
        channel: channelRef(channel),
        localDate,
        platform,
        campaignId: CAMPAIGN,
        timezone: "UTC",
      };
      await ledger().recordPlan([{ ...due, dueAt: at, state: "pending" }], []);
      const [row] = await ledger().claim({ platform, now: at, limit: 1, leaseMs: LEASE_MS, owner: "p" });
      await ledger().markSending(row!.id, "p", {
        startedAt: at,
        leaseUntil: new Date(at.getTime() + LEASE_MS),
      });
      await ledger().finish(row!.id, "p", {
        state: outcome,
        ...(outcome === "sent"
          ? { profileId: "ilgar-mammadov", sentAt: at, messageId: "1" }
          : { detail: "gone" }),
      });
    }

    it("counts posts per UTC day of sending, platform and profile, with distinct channels and presses per button", async () => {
      // Baku's 24 November post sent at 23:30 UTC on the 23rd counts on the 23rd, a UTC day.
      await post("telegram:-1001", "2026-11-24", "2026-11-23T23:30:00Z");
      await post("telegram:-1001", "2026-11-25", "2026-11-25T05:00:00Z");
      await post("telegram:-1002", "2026-11-25", "2026-11-25T05:00:01Z");
      await post("discord:1:2", "2026-11-25", "2026-11-25T09:00:00Z");
      await post("telegram:-1003", "2026-11-25", "2026-11-25T05:00:02Z", "failed");
      const presses = world.repositories.presses;
      for (const button of ["share", "share", "prisoner"])
        await presses.record({
          day: "2026-11-25",
          platform: "telegram",
          profileId: "ilgar-mammadov",
          button,
        });
      await presses.record({
        day: "2026-11-26",
        platform: "slack",
        profileId: "khalil-matouk",
        button: "share",
      });

      const report = await world.repositories.impact.read({ from: "2026-11-23", to: "2026-11-30" });
      const row = { profileId: "ilgar-mammadov", presses: [] };
      expect(report.rows).toEqual([
        { ...row, day: "2026-11-23", platform: "telegram", posts: 1, channels: 1 },
        { ...row, day: "2026-11-25", platform: "discord", posts: 1, channels: 1 },
        {
          ...row,
          day: "2026-11-25",
          platform: "telegram",
          posts: 2,
          channels: 2,
          presses: [
            { button: "prisoner", presses: 1 },
            { button: "share", presses: 2 },
          ],
        },
        {
          day: "2026-11-26",
          platform: "slack",
          profileId: "khalil-matouk",
          posts: 0,
          channels: 0,
          presses: [{ button: "share", presses: 1 }],
        },
      ]);
      expect(report.channelsReached).toBe(3);
    });

    it("keeps to the days, the profile and the campaign asked for", async () => {
      await post("telegram:-1001", "2026-11-24", "2026-11-24T05:00:00Z");
      await post("telegram:-1001", "2026-11-25", "2026-11-25T05:00:00Z");
      await world.repositories.presses.record({
        day: "2026-11-24",
        platform: "telegram",
        profileId: "khalil-matouk",
        button: "share",
      });
      const read = (filter: object) =>
        world.repositories.impact.read({ from: "2026-11-24", to: "2026-11-24", ...filter });
      const days = (await read({})).rows.map((r) => [r.day, r.profileId]);
      expect(days).toEqual([
        ["2026-11-24", "ilgar-mammadov"],
        ["2026-11-24", "khalil-matouk"],
      ]);
      expect((await read({ profileId: "khalil-matouk" })).rows.map((r) => r.profileId)).toEqual([
        "khalil-matouk",
      ]);
      expect((await read({ campaignId: CAMPAIGN })).rows).toHaveLength(2);
      expect(await read({ campaignId: "another-campaign" })).toEqual({ rows: [], channelsReached: 0 });
    });
  });
}
