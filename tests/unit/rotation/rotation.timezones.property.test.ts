/**
 * Out-of-order requests: channels live in time zones up to two calendar dates apart, so a later date may be
 * decided before an earlier one. Each step, the dates from "today" to two days ahead are asked for in a
 * random order, with curators' edits in between; the log keeps the first writer's entry.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { pickForDate } from "../../../src/rotation/rotation.ts";
import { addDays, Catalog, type Op, scenario, shuffle } from "./simulation.ts";

/** Each step's extra requests: a date 0, 1 or 2 days ahead, and a seed to shuffle the history by. */
const requests = fc.array(fc.record({ ahead: fc.integer({ min: 0, max: 2 }), seed: fc.integer() }), {
  minLength: 1,
  maxLength: 4,
});

describe("rotation under out-of-order requests", () => {
  it("keeps every pick valid, fair within its cycle and stable once decided", () => {
    fc.assert(
      fc.property(scenario(45), fc.array(requests, { minLength: 45, maxLength: 45 }), (s, asks) => {
        const catalog = new Catalog(s.salt);
        for (let i = 0; i < s.initial; i++) catalog.add();
        const log: RotationEntry[] = [];

        s.days.forEach((ops: Op[], step) => {
          for (const edit of ops) if (edit.kind !== "takedown") catalog.apply(edit);
          // The step's own date is always asked for, so every date ends up decided when anyone is eligible.
          for (const { ahead, seed } of [...asks[step]!, { ahead: 0, seed: step }]) {
            const localDate = addDays(s.firstDate, step + ahead);
            const eligible = catalog.eligible();
            const input = { campaignId: s.campaignId, localDate, eligible, history: shuffle(log, seed) };
            const picked = pickForDate(input);
            const again = pickForDate({ ...input, eligible: shuffle(eligible, seed), history: log });
            expect(again).toEqual(picked);

            const recorded = log.find((e) => e.localDate === localDate);
            if (recorded) {
              expect(picked).toBe(recorded);
              continue;
            }
            if (eligible.length === 0) {
              expect(picked).toBeUndefined();
              continue;
            }
            expect(picked).toMatchObject({ campaignId: s.campaignId, localDate });
            const entry = picked!;
            expect(eligible.map((c) => c.id)).toContain(entry.profileId);
            // No profile twice in one cycle, whatever order the dates were decided in.
            expect(log.some((e) => e.cycle === entry.cycle && e.profileId === entry.profileId)).toBe(false);
            // A cycle is left behind only when every eligible profile already had its day in it.
            const prior = log.filter((e) => e.localDate < localDate).map((e) => e.cycle);
            for (let c = Math.max(0, ...prior); c < entry.cycle; c++) {
              const taken = new Set(log.filter((e) => e.cycle === c).map((e) => e.profileId));
              for (const { id } of eligible) expect(taken.has(id)).toBe(true);
            }
            log.push(entry);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
