/**
 * `deliver --dry-run` over PGlite and the Postgres server (when TEST_DATABASE_URL is set): as of a future
 * instant or as of now, it prints what would be posted where, when and which profile, and leaves every
 * table exactly as it was (no ledger rows, planning marks, rotation picks or settling).
 */
import { describe, expect, it } from "vitest";
import type { PassLine, PassReport } from "../../../src/delivery/report.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets, dumpTables } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";

/** The profile a would-send line names. */
const profileOf = (line: PassLine | undefined) => /of profile ([\w-]+) /.exec(line?.detail ?? "")?.[1];
const lineFor = (report: PassReport, channel: string, localDate: string) =>
  report.lines.find((l) => l.channel === channel && l.localDate === localDate);

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`dry-run delivery on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    it("as of a future instant lists each day to come at its own time, and writes nothing", async () => {
      const telegram = createRecordingPlatform();
      const utc = await world.subscribe("telegram:-1001", "09:00", "UTC");
      await world.subscribe("telegram:-1002", "09:00", "Asia/Baku");
      world.setNow("2026-11-24T09:00:30Z");
      const delivery = world.delivery([telegram.adapter]);
      expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 }); // a ledger and a rotation pick
      const before = await dumpTables(world.database.db);

      const report = await delivery.runPass({ at: new Date("2026-11-27T09:00:30Z"), dryRun: true });

      expect(await dumpTables(world.database.db)).toEqual(before);
      expect(telegram.messages).toHaveLength(1);
      expect(report).toMatchObject({ dryRun: true, at: new Date("2026-11-27T09:00:30Z") });
      // No day in between is missed: the scheduler would post each one when it comes.
      expect(report.lines.map((l) => `${l.kind} ${l.channel} ${l.localDate}`)).toEqual([
        "would-send telegram:-1002 2026-11-25",
        "would-send telegram:-1001 2026-11-25",
        "would-send telegram:-1002 2026-11-26",
        "would-send telegram:-1001 2026-11-26",
        "would-send telegram:-1002 2026-11-27",
        "would-send telegram:-1001 2026-11-27",
      ]);
      expect(lineFor(report, "telegram:-1002", "2026-11-25")?.detail).toMatch(
        /^on telegram at Wednesday 25 November 2026, 09:00 \(Asia\/Baku\) = 2026-11-25T05:00:00\.000Z: daily post of profile [\w-]+ \(.+\)$/,
      );
      expect(lineFor(report, "telegram:-1001", "2026-11-26")?.detail).toMatch(
        /^on telegram at Thursday 26 November 2026, 09:00 \(UTC\) = 2026-11-26T09:00:00\.000Z: daily post/,
      );
      // One family per date in every channel, and a different one each day (the day's picks count as taken).
      const byDate = ["2026-11-25", "2026-11-26", "2026-11-27"].map((date) => [
        profileOf(lineFor(report, "telegram:-1001", date)),
        profileOf(lineFor(report, "telegram:-1002", date)),
      ]);
      for (const [a, b] of byDate) expect(a).toBe(b);
      const posted = telegram.messages[0]!.post.card.profileId;
      expect(new Set([posted, ...byDate.map(([a]) => a)]).size).toBe(4);

      // What it said is what the real passes then post.
      for (const date of ["2026-11-25", "2026-11-26"]) {
        world.setNow(`${date}T09:00:30Z`);
        await delivery.runPass();
        const sent = telegram.messagesTo(utc).at(-1)!;
        expect(sent.post.intro).toContain(`${Number(date.slice(8))} November 2026`);
        expect(sent.post.card.profileId).toBe(profileOf(lineFor(report, "telegram:-1001", date)));
      }
    });

    it("as of now after downtime shows what would be missed and sent, without settling anything", async () => {
      const telegram = createRecordingPlatform();
      const chat = await world.subscribe("telegram:-1001", "09:00", "UTC");
      world.setNow("2026-11-24T09:00:30Z");
      // Planned while no Telegram adapter ran: the row waits in the ledger as pending.
      expect(countByKind(await world.delivery([]).runPass())).toEqual({ skipped: 1 });
      world.setNow("2026-11-26T10:00:00Z");
      const delivery = world.delivery([telegram.adapter]);
      const before = await dumpTables(world.database.db);

      const preview = await delivery.runPass({ dryRun: true });

      expect(await dumpTables(world.database.db)).toEqual(before);
      expect(await world.statesOf(chat)).toEqual(["pending"]);
      expect(preview.lines.map((l) => `${l.kind} ${l.localDate}`)).toEqual([
        "missed 2026-11-24",
        "missed 2026-11-25",
        "would-send 2026-11-26",
      ]);
      expect(lineFor(preview, chat, "2026-11-24")?.detail).toBe(
        "would be recorded as missed: due at Tuesday 24 November 2026, 09:00 (UTC) = 2026-11-24T09:00:00.000Z; its local day ended before it was sent",
      );
      expect(lineFor(preview, chat, "2026-11-26")?.detail).toMatch(
        /^on telegram at Thursday 26 November 2026, 10:00 \(UTC\) = 2026-11-26T10:00:00\.\d{3}Z: daily post of profile /, // the pass's instant, moving on while it runs
      );

      // The real pass does what the dry run said.
      const real = await delivery.runPass();
      expect(real.lines.map((l) => `${l.kind} ${l.localDate}`).sort()).toEqual([
        "missed 2026-11-24",
        "missed 2026-11-25",
        "sent 2026-11-26",
      ]);
      expect(telegram.messages[0]!.post.card.profileId).toBe(profileOf(lineFor(preview, chat, "2026-11-26")));
    });
  });
}
