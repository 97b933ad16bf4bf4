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
      expect(all).toHaveLength(ledger.length);
      expect(await log.count({})).toBe(ledger.length);
      expect(all.map((r) => r.localDate)).toEqual([...all.map((r) => r.localDate)].sort().reverse());
      const second = await log.page({}, 2, 2);
      expect(second.map((r) => r.id)).toEqual(all.slice(2, 4).map((r) => r.id));
      const paused = await log.page({ state: "paused" }, 0, 10);
      expect(paused.map((r) => [r.channel, r.detail])).toEqual([["telegram:-1003", "chat not found"]]);
      const oneDay = { from: "2026-11-25", to: "2026-11-25", platform: "telegram" };
      const day = await log.page(oneDay, 0, 10);
      expect(new Set(day.map((r) => r.localDate))).toEqual(new Set(["2026-11-25"]));
      expect(await log.count(oneDay)).toBe(2);
      expect(await log.count({ state: "paused" })).toBe(1);
      expect(await log.count({ platform: "discord" })).toBe(0);
      const profileId = ledger.find((r) => r.profileId)?.profileId;
      expect(await log.count({ profileId })).toBe(ledger.filter((r) => r.profileId === profileId).length);
    });

    it("carries each post's update after a status change and its withdrawal, as the ledger records them", async () => {
      await threeDays([5, 5, 5]);
      const [first] = await world.repositories.deliveries.list();
      await world.database.db
        .update(deliveries)
        .set({ updateState: "edited", updateDetail: "edited with the update line", retractState: "pending" })
        .where(eq(deliveries.id, first!.id));
      const rows = await world.repositories.deliveryLog.page({}, 0, 100);
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
      const log = world.repositories.deliveryLog;
      const { posts, lateness } = await log.daily({ from: "2026-11-24", to: "2026-11-26" });
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

    it("works out a day's lateness over every platform together, and reads ranges open at either end", async () => {
      const telegram = createRecordingPlatform({ platform: "telegram" });
      const discord = createRecordingPlatform({ platform: "discord" });
      await world.subscribe("telegram:-1001", "09:00", "UTC");
      await world.subscribe("discord:100000000000000001:200000000000000001", "09:01", "UTC");
      const delivery = world.delivery([telegram.adapter, discord.adapter]);
      for (const day of ["2026-11-24", "2026-11-25"]) {
        world.setNow(`${day}T09:02:00Z`);
        await delivery.runPass();
      }
      const log = world.repositories.deliveryLog;
      const ledger = await world.repositories.deliveries.list();
      const whole = await log.daily({});
      expect(whole.posts.reduce((sum, f) => sum + f.posts, 0)).toBe(ledger.length);
      expect(new Set(whole.posts.map((f) => f.platform))).toEqual(new Set(["telegram", "discord"]));
      // 120 s late on Telegram, 60 s on Discord: the median is between them, not either platform's own.
      expect(
        whole.lateness.map((l) => [l.localDate, Math.round(l.medianSeconds), Math.round(l.worstSeconds)]),
      ).toEqual([
        ["2026-11-24", 90, 120],
        ["2026-11-25", 90, 120],
      ]);
      const later = await log.daily({ from: "2026-11-25" });
      expect(later.posts.map((f) => [f.localDate, f.platform, f.posts])).toEqual([
        ["2026-11-25", "discord", 1],
        ["2026-11-25", "telegram", 1],
      ]);
      expect(later.lateness.map((l) => l.localDate)).toEqual(["2026-11-25"]);
      const earlier = await log.daily({ to: "2026-11-24" }, false);
      expect(earlier.posts.map((f) => [f.localDate, f.platform, f.state, f.posts])).toEqual([
        ["2026-11-24", "discord", "sent", 1],
        ["2026-11-24", "telegram", "sent", 1],
      ]);
      expect(earlier.lateness).toEqual([]);
    });
  });
}
