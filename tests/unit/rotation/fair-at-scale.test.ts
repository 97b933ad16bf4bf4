/**
 * Rotation stays fair on a generated catalog (issue 20): over two campaigns of 600 and 400 generated
 * profiles, each eligible profile is featured once before any is featured twice, per campaign; a profile
 * added mid-cycle joins that cycle, and one that leaves never shifts a day already decided.
 */
import { describe, expect, it } from "vitest";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { addDays } from "../../../src/core/time.ts";
import { pickForDate, type RotationCandidate } from "../../../src/rotation/rotation.ts";
import { generatedProfiles } from "../../support/generated-catalog.ts";

const catalog = generatedProfiles(1_000).map((p, i) => ({ id: p.id, seq: i + 1 }));

/** Runs the campaign's days, the eligible list given per day; returns the decided entries in date order. */
function run(campaignId: string, days: number, eligibleOn: (day: number) => RotationCandidate[]) {
  const history: RotationEntry[] = [];
  for (let day = 0; day < days; day++) {
    const localDate = addDays("2025-01-01", day);
    const entry = pickForDate({ campaignId, localDate, eligible: eligibleOn(day), history });
    if (entry) history.push(entry);
  }
  return history;
}

/** How many times each id was featured among the first `n` entries. */
const featured = (entries: RotationEntry[], n: number) => {
  const counts = new Map<string, number>();
  for (const e of entries.slice(0, n)) counts.set(e.profileId, (counts.get(e.profileId) ?? 0) + 1);
  return counts;
};

describe("rotation on a generated catalog", () => {
  it("features each of a campaign's profiles once before any twice, in each of two campaigns", () => {
    for (const [campaignId, members] of [
      ["first", catalog.slice(0, 600)],
      ["second", catalog.slice(600)],
    ] as const) {
      const entries = run(campaignId, members.length * 2, () => members);
      expect(entries).toHaveLength(members.length * 2);
      const firstCycle = featured(entries, members.length);
      expect(firstCycle.size).toBe(members.length);
      expect(Math.max(...firstCycle.values())).toBe(1);
      const both = featured(entries, members.length * 2);
      expect([...both.values()].every((n) => n === 2)).toBe(true);
      expect(entries.slice(members.length).every((e) => e.cycle === 1)).toBe(true);
    }
  });

  it("lets a profile added mid-cycle join it, and never shifts a decided day when one leaves", () => {
    const base = catalog.slice(0, 300);
    const late = catalog[300]!;
    const leaving = base[10]!;
    const eligibleOn = (day: number) => [
      ...base.filter((c) => day < 100 || c.id !== leaving.id),
      ...(day >= 50 ? [late] : []),
    ];
    const entries = run("mid", 300, eligibleOn);
    const cycleZero = entries.filter((e) => e.cycle === 0);
    const ids = cycleZero.map((e) => e.profileId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(late.id);
    // The first 100 days are what they were without the later changes.
    const untouched = run("mid", 100, (day) => (day >= 50 ? [...base, late] : base));
    expect(entries.slice(0, 100)).toEqual(untouched);
  });
});
