/**
 * Properties of the rotation over simulated months of days with profiles added, removed, suspended and
 * taken down between picks (see simulation.ts), each pick fed back as history.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { pickForDate, replacementForDate } from "../../../src/rotation/rotation.ts";
import { type Day, type Op, type Scenario, scenario, shuffle, simulate } from "./simulation.ts";

const runs = { numRuns: 300 };
const entries = (days: Day[]) => days.flatMap((day) => (day.entry ? [day.entry] : []));
const ids = (day: Day) => new Set(day.eligible.map((c) => c.id));

describe("rotation properties", () => {
  it("features an eligible profile each day, and nobody only when nobody is eligible", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        for (const day of simulate(s)) {
          if (day.eligible.length === 0) expect(day.entry).toBeUndefined();
          else {
            expect(day.entry).toMatchObject({ campaignId: s.campaignId, localDate: day.localDate });
            expect(ids(day).has(day.entry!.profileId)).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it("is fair: no repeat within a cycle, and a new cycle only once every eligible profile had its day", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const featured = new Map<number, Set<string>>();
        let current = -1;
        for (const day of simulate(s)) {
          if (!day.entry) continue;
          const { cycle, profileId } = day.entry;
          if (cycle !== current) {
            expect(cycle).toBe(current + 1);
            // Whoever is eligible today and waited through the last cycle would have been picked instead.
            for (const id of ids(day)) if (current >= 0) expect(featured.get(current)?.has(id)).toBe(true);
            current = cycle;
          }
          const seen = featured.get(cycle) ?? new Set<string>();
          expect(seen.has(profileId)).toBe(false);
          featured.set(cycle, seen.add(profileId));
        }
      }),
      runs,
    );
  });

  it("never features the same family two days running when another is eligible", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const days = simulate(s);
        for (let i = 1; i < days.length; i++) {
          const [before, today] = [days[i - 1]!, days[i]!];
          if (before.entry && today.entry && today.eligible.length > 1) {
            expect(today.entry.profileId).not.toBe(before.entry.profileId);
          }
        }
      }),
      runs,
    );
  });

  it("lets a profile added mid-cycle join that cycle when it stays eligible until the cycle ends", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const days = simulate(s);
        days.forEach((day, t) => {
          const cycle = days.slice(0, t).findLast((d) => d.entry)?.entry?.cycle;
          if (cycle === undefined) return;
          const end = days.findIndex((d, u) => u >= t && d.entry !== undefined && d.entry.cycle > cycle);
          if (end < 0) return; // the cycle has not ended yet: no claim
          for (const id of day.added) {
            if (!days.slice(t, end + 1).every((d) => ids(d).has(id))) continue;
            const inCycle = days.some((d) => d.entry?.cycle === cycle && d.entry.profileId === id);
            expect(inCycle, `${id} joined cycle ${cycle} on ${day.localDate}`).toBe(true);
          }
        });
      }),
      runs,
    );
  });

  it("is deterministic: each day recomputes to the same entry whatever the order of eligible and history", () => {
    fc.assert(
      fc.property(scenario(40), fc.integer(), (s, seed) => {
        const days = simulate(s);
        const log = entries(days);
        for (const day of days) {
          const before = log.filter((e) => e.localDate < day.localDate);
          const again = pickForDate({
            campaignId: s.campaignId,
            localDate: day.localDate,
            eligible: shuffle(day.eligible, seed),
            history: shuffle(before, seed + 1),
          });
          expect(again).toEqual(day.entry);
          if (!day.replaced) continue;
          const replacement = replacementForDate({
            campaignId: s.campaignId,
            localDate: day.localDate,
            eligible: shuffle(day.eligible, seed + 2),
            history: shuffle([...before, day.replaced], seed + 3),
          });
          expect(replacement).toEqual(day.entry);
        }
      }),
      runs,
    );
  });

  it("is stable: a decided date always returns its entry, and an edit never changes earlier days", () => {
    const edit = fc.oneof(
      fc.constant<Op>({ kind: "add" }),
      fc.record({ kind: fc.constant("remove" as const), index: fc.nat(50) }),
    );
    fc.assert(
      fc.property(scenario(40), fc.nat(), edit, fc.integer(), (s, at, extra, seed) => {
        const days = simulate(s);
        const log = entries(days);
        for (const entry of log) {
          const again = pickForDate({
            campaignId: s.campaignId,
            localDate: entry.localDate,
            eligible: shuffle(days.at(-1)!.eligible, seed),
            history: shuffle(log, seed),
          });
          expect(again).toBe(entry);
        }
        const k = at % s.days.length;
        const edited: Scenario = { ...s, days: s.days.map((ops, i) => (i === k ? [extra, ...ops] : ops)) };
        expect(simulate(edited).slice(0, k)).toEqual(days.slice(0, k));
      }),
      runs,
    );
  });

  it("replaces a taken-down pick with another profile, in the same cycle while one is untaken", () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const days = simulate(s);
        const log = entries(days);
        for (const day of days) {
          if (!day.replaced || !day.entry) continue;
          const { replaced, entry } = day;
          expect(entry.profileId).not.toBe(replaced.profileId);
          const taken = (e: RotationEntry) => e.cycle === replaced.cycle && e.localDate !== day.localDate;
          const takenIds = new Set(log.filter(taken).map((e) => e.profileId));
          if (day.eligible.some((c) => !takenIds.has(c.id))) expect(entry.cycle).toBe(replaced.cycle);
        }
      }),
      runs,
    );
  });
});
