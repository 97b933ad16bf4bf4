/**
 * The delivery log staff read (db/repositories/delivery-log.ts) on PGlite and Postgres: filters and paging
 * in SQL, keyset iteration that visits each row once, and per-day counts and lateness computed by the
 * database, checked against the ledger's own rows after real passes.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries } from "../../../db/schema/index.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`the delivery log on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    /** Three channels posting at 09:00 UTC for three days, each pass run `late` seconds after 09:00. */
    async function threeDays(late: number[]) {
      const telegram = createRecordingPlatform({ platform: "telegram" });
      const channels = ["telegram:-1001", "telegram:-1002", "telegram:-1003"];
      for (const c of channels) await world.subscribe(c, "09:00", "UTC");
      const delivery = world.delivery([telegram.adapter]);
      telegram.script(channels[2] as never, { kind: "permanent", reason: "chat not found" });
      for (const [i, day] of ["2026-11-24", "2026-11-25", "2026-11-26"].entries()) {
        world.setNow(new Date(Date.parse(`${day}T09:00:00Z`) + (late[i] ?? 0) * 1000).toISOString());
        await delivery.runPass();
      }
      return channels;
    }

    it("pages and filters in the database, newest date first, and counts what matches", async () => {
      await threeDays([5, 65, 125]);
      const log = world.repositories.deliveryLog;
      const all = await log.page({}, 0, 100);
      const ledger = await world.repositories.deliveries.list();
      expect(all.total).toBe(ledger.length);
      expect(all.rows.map((r) => r.localDate)).toEqual(
        [...all.rows.map((r) => r.localDate)].sort().reverse(),
      );
      const second = await log.page({}, 2, 2);
      expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
      const paused = await log.page({ state: "paused" }, 0, 10);
      expect(paused.rows.map((r) => [r.channel, r.detail])).toEqual([["telegram:-1003", "chat not found"]]);
      const day = await log.page({ from: "2026-11-25", to: "2026-11-25", platform: "telegram" }, 0, 10);
      expect(new Set(day.rows.map((r) => r.localDate))).toEqual(new Set(["2026-11-25"]));
      expect(day.total).toBe(2);
      expect((await log.page({ platform: "discord" }, 0, 10)).total).toBe(0);
    });

    it("carries each post's update after a status change and its withdrawal, as the ledger records them", async () => {
      await threeDays([5, 5, 5]);
      const [first] = await world.repositories.deliveries.list();
      await world.database.db
        .update(deliveries)
        .set({ updateState: "edited", updateDetail: "edited with the update line", retractState: "pending" })
        .where(eq(deliveries.id, first!.id));
      const { rows } = await world.repositories.deliveryLog.page({}, 0, 100);
      const row = rows.find((r) => r.id === first!.id);
      expect(row?.update).toEqual({ state: "edited", detail: "edited with the update line" });
      expect(row?.retraction).toEqual({ state: "pending" });
      expect(rows.filter((r) => r.update !== undefined)).toHaveLength(1);
    });

    it("iterates every matching row once, in batches smaller than the total", async () => {
      await threeDays([5, 5, 5]);
      const seen: number[] = [];
      for await (const row of world.repositories.deliveryLog.each({}, 2)) seen.push(row.id);
      const ledger = await world.repositories.deliveries.list();
      expect(seen.length).toBe(ledger.length);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it("counts posts per day, platform and outcome, and the median and worst lateness of sent ones", async () => {
      await threeDays([5, 65, 125]);
      const { posts, lateness } = await world.repositories.deliveryLog.daily("2026-11-24", "2026-11-26");
      const ledger = await world.repositories.deliveries.list();
      for (const figure of posts) {
        const matching = ledger.filter(
          (r) =>
            r.localDate === figure.localDate && r.platform === figure.platform && r.state === figure.state,
        );
        expect(figure.posts, `${figure.localDate} ${figure.state}`).toBe(matching.length);
      }
      expect(posts.reduce((sum, f) => sum + f.posts, 0)).toBe(ledger.length);
      // Both channels still posting were sent in the pass `late` seconds after 09:00.
      expect(
        lateness.map((l) => [l.localDate, Math.round(l.medianSeconds), Math.round(l.worstSeconds)]),
      ).toEqual([
        ["2026-11-24", 5, 5],
        ["2026-11-25", 65, 65],
        ["2026-11-26", 125, 125],
      ]);
    });
  });
}
