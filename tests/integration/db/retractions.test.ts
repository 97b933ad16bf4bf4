/**
 * Retraction jobs on the delivery ledger, over PGlite and Postgres (TEST_DATABASE_URL): which posts a
 * takedown puts up for retraction, and that each job is claimed by one process at a time, taken over only
 * once its claimer's lease ran out, and never run again once settled.
 */
import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "../delivery/harness.ts";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-11-24T12:00:00Z");
const LEASE_MS = 60_000;

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`retraction jobs on ${target.name}`, () => {
    const world = useDeliveryWorld(target);
    const ledger = () => world.repositories.deliveries;
    const jobs = () => world.repositories.retractions;

    /** A post of `profileId` sent `daysAgo` before NOW through the ledger's own steps; `ref: false`: none kept. */
    async function sentPost(n: number, profileId: string, daysAgo: number, ref = true) {
      const sentAt = new Date(NOW.getTime() - daysAgo * DAY_MS);
      const channel = channelRef(`telegram:-100${n}`);
      await ledger().recordPlan(
        [
          {
            channel,
            localDate: sentAt.toISOString().slice(0, 10),
            platform: "telegram",
            campaignId: CAMPAIGN,
            timezone: "UTC",
            dueAt: sentAt,
            state: "pending",
          },
        ],
        [],
      );
      const [row] = await ledger().claim({
        platform: "telegram",
        now: sentAt,
        limit: 1,
        leaseMs: LEASE_MS,
        owner: "p",
      });
      await ledger().markSending(row!.id, "p", {
        startedAt: sentAt,
        leaseUntil: new Date(sentAt.getTime() + LEASE_MS),
      });
      await ledger().finish(row!.id, "p", {
        state: "sent",
        profileId,
        messageId: String(n),
        sentAt,
        ...(ref ? { messageRef: { channelId: `-100${n}`, messageId: String(n) } } : {}),
      });
      return row!.id;
    }

    it("owes a retraction for the profile's posts sent within the window and with a reference, once", async () => {
      const recent = await sentPost(1, "p-one", 2);
      await sentPost(2, "p-one", 40); // older than the 30-day window
      await sentPost(3, "p-one", 1, false); // no reference kept (before this version)
      await sentPost(4, "p-two", 1); // another profile
      const since = new Date(NOW.getTime() - 30 * DAY_MS);
      expect(await jobs().requestFor("p-one", { since, now: NOW })).toBe(1);
      expect(await jobs().requestFor("p-one", { since, now: NOW })).toBe(0);
      const posts = await jobs().forProfile("p-one");
      expect(posts.map((p) => [p.deliveryId, p.retraction?.state])).toContainEqual([recent, "pending"]);
      expect(posts.filter((p) => p.retraction)).toHaveLength(1);
    });

    it("gives a job to one claimer; another takes it only after the lease, and the first's record is refused", async () => {
      const id = await sentPost(1, "p-one", 1);
      await jobs().requestFor("p-one", { since: new Date(0), now: NOW });
      const first = await jobs().claim({
        platform: "telegram",
        now: NOW,
        limit: 10,
        leaseMs: LEASE_MS,
        owner: "a",
      });
      expect(first.map((j) => j.deliveryId)).toEqual([id]);
      expect(first[0]).toMatchObject({ ref: { channelId: "-1001", messageId: "1" }, attempts: 1 });
      expect(
        await jobs().claim({ platform: "telegram", now: NOW, limit: 10, leaseMs: LEASE_MS, owner: "b" }),
      ).toEqual([]);

      const later = new Date(NOW.getTime() + LEASE_MS + 1);
      const taken = await jobs().claim({
        platform: "telegram",
        now: later,
        limit: 10,
        leaseMs: LEASE_MS,
        owner: "b",
      });
      expect(taken.map((j) => [j.deliveryId, j.attempts])).toEqual([[id, 2]]);
      expect(await jobs().finish(id, "a", { state: "deleted", detail: "deleted" }, later)).toBe(false);
      expect(await jobs().finish(id, "b", { state: "deleted", detail: "deleted" }, later)).toBe(true);

      const muchLater = new Date(NOW.getTime() + DAY_MS);
      expect(
        await jobs().claim({
          platform: "telegram",
          now: muchLater,
          limit: 10,
          leaseMs: LEASE_MS,
          owner: "c",
        }),
      ).toEqual([]);
      expect(await jobs().forProfile("p-one")).toMatchObject([
        { retraction: { state: "deleted", attempts: 2, settledAt: later } },
      ]);
    });

    it("comes back after a transient failure only at its next attempt time", async () => {
      const id = await sentPost(1, "p-one", 1);
      await jobs().requestFor("p-one", { since: new Date(0), now: NOW });
      await jobs().claim({ platform: "telegram", now: NOW, limit: 10, leaseMs: LEASE_MS, owner: "a" });
      const next = new Date(NOW.getTime() + 30_000);
      await jobs().finish(id, "a", { state: "pending", detail: "429", nextAttemptAt: next }, NOW);
      const claim = (at: Date) =>
        jobs().claim({ platform: "telegram", now: at, limit: 10, leaseMs: LEASE_MS, owner: "a" });
      expect(await claim(new Date(next.getTime() - 1))).toEqual([]);
      expect((await claim(next)).map((j) => j.attempts)).toEqual([2]);
    });
  });
}
