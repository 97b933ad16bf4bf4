/**
 * The ledger's per-post statements, built once and run with each row's values (delivery-steps.ts), and the
 * plan written as one JSON parameter (delivery-plan.ts), over PGlite and Postgres (TEST_DATABASE_URL): a
 * value an outcome leaves out keeps the column as it was, a lost claim writes nothing, and planning again
 * leaves a channel's row of that date alone and counts only the new ones.
 */
import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import type { PlannedDelivery } from "../../../src/core/delivery.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "../delivery/harness.ts";

const DUE = new Date("2026-11-24T09:00:00Z");
const LEASE_MS = 60_000;

const planned = (n: number, detail?: string): PlannedDelivery => ({
  channel: channelRef(`telegram:-100${n}`),
  localDate: "2026-11-24",
  platform: "telegram",
  campaignId: CAMPAIGN,
  timezone: "Europe/Berlin",
  dueAt: DUE,
  state: "pending",
  ...(detail ? { detail } : {}),
});

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`the ledger's steps on ${target.name}`, () => {
    const world = useDeliveryWorld(target);
    const ledger = () => world.repositories.deliveries;
    const row = async (channel: string) => (await ledger().list()).find((r) => r.channel === channel)!;

    it("writes new rows with their values, counts only those, and leaves a planned channel's day alone", async () => {
      expect(await ledger().recordPlan([planned(1, `it's "quoted", {braced} \\ and ünïcode`)], [])).toBe(1);
      expect(await ledger().recordPlan([planned(1), planned(2)], [])).toBe(1);
      const first = await row("telegram:-1001");
      expect(first).toMatchObject({
        platform: "telegram",
        localDate: "2026-11-24",
        timezone: "Europe/Berlin",
        campaignId: CAMPAIGN,
        state: "pending",
        attempts: 0,
        detail: `it's "quoted", {braced} \\ and ünïcode`,
      });
      expect(first.dueAt.getTime()).toBe(DUE.getTime());
      expect(first.nextAttemptAt.getTime()).toBe(DUE.getTime());
      expect((await row("telegram:-1002")).detail).toBeUndefined();
      expect(await ledger().recordPlan([], [])).toBe(0);
    });

    it("keeps what an outcome leaves out, the earliest uncertain start, and writes nothing for a lost claim", async () => {
      await ledger().recordPlan([planned(3)], []);
      const claim = () =>
        ledger().claim({ platform: "telegram", now: DUE, limit: 1, leaseMs: LEASE_MS, owner: "p" });
      const mark = (id: number, owner: string, at: Date) =>
        ledger().markSending(id, owner, { startedAt: at, leaseUntil: new Date(at.getTime() + LEASE_MS) });
      const [claimed] = await claim();
      expect(await mark(claimed!.id, "someone else", DUE)).toBeUndefined();
      expect(await mark(claimed!.id, "p", DUE)).toEqual({ catalogVersion: expect.any(String) });
      const firstTry = new Date(DUE.getTime() + 1_000);
      expect(
        await ledger().finish(claimed!.id, "p", {
          state: "pending",
          detail: "timed out",
          nextAttemptAt: DUE,
          uncertainSince: firstTry,
        }),
      ).toBe(true);
      const retried = await row("telegram:-1003");
      expect(retried).toMatchObject({ state: "pending", detail: "timed out", attempts: 1 });
      expect(retried.uncertainSince?.getTime()).toBe(firstTry.getTime());
      expect(retried.sendingSince?.getTime()).toBe(DUE.getTime());

      const [again] = await claim();
      const later = new Date(DUE.getTime() + 5_000);
      await mark(again!.id, "p", later);
      expect(await ledger().finish(again!.id, "other", { state: "failed", detail: "no" })).toBe(false);
      const sent = { state: "sent", messageId: "42", profileId: "p-1", sentAt: later } as const;
      expect(await ledger().finish(again!.id, "p", { ...sent, uncertainSince: later })).toBe(true);
      const done = await row("telegram:-1003");
      expect(done).toMatchObject({ state: "sent", messageId: "42", profileId: "p-1", attempts: 2 });
      expect(done.detail).toBeUndefined();
      expect(done.uncertainSince?.getTime()).toBe(firstTry.getTime());
      expect(done.nextAttemptAt.getTime()).toBe(DUE.getTime());
      expect(await ledger().finish(again!.id, "p", { state: "failed", detail: "late" })).toBe(false);
    });
  });
}
