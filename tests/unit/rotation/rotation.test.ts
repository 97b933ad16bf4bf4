import { describe, expect, it } from "vitest";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { pickForDate, rank, replacementForDate } from "../../../src/rotation/rotation.ts";

const campaignId = "freetobehome-2016";
const ids = ["bekele-gerba", "fanta-jawara", "ilgar-mammadov", "ilham-tohti", "khalil-matouk"];
const eligibleOf = (list: readonly string[]) => list.map((id, seq) => ({ id, seq }));
const entry = (localDate: string, profileId: string, cycle = 0): RotationEntry => ({
  campaignId,
  localDate,
  profileId,
  cycle,
});

/** Days in order from 2024-01-01, each pick fed back as history. */
function run(days: number, eligible = eligibleOf(ids), history: RotationEntry[] = []): RotationEntry[] {
  for (let day = 0; day < days; day++) {
    const localDate = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    const picked = pickForDate({ campaignId, localDate, eligible, history });
    if (picked) history.push(picked);
  }
  return history;
}

describe("pickForDate", () => {
  it("returns undefined when nothing is eligible", () => {
    expect(pickForDate({ campaignId, localDate: "2024-01-01", eligible: [], history: [] })).toBeUndefined();
  });

  it("starts at cycle 0 with the lowest-ranked profile", () => {
    const lowest = [...ids].sort((a, b) => rank(campaignId, 0, a) - rank(campaignId, 0, b))[0];
    expect(
      pickForDate({ campaignId, localDate: "2024-01-01", eligible: eligibleOf(ids), history: [] }),
    ).toEqual(entry("2024-01-01", lowest!, 0));
  });

  it("features every profile once per cycle, in an order that is neither alphabetical nor the same each cycle", () => {
    const history = run(ids.length * 3);
    const cycles = [0, 1, 2].map((cycle) => history.filter((e) => e.cycle === cycle).map((e) => e.profileId));
    for (const order of cycles) expect([...order].sort()).toEqual(ids);
    expect(cycles[0]).not.toEqual(ids);
    expect(new Set(cycles.map((order) => order.join())).size).toBeGreaterThan(1);
  });

  it("returns the recorded entry of a decided date unchanged, even if its profile is no longer eligible", () => {
    const recorded = entry("2024-01-02", "khalil-matouk", 4);
    const history = [entry("2024-01-03", "ilham-tohti", 4), recorded, entry("2024-01-01", "fanta-jawara", 4)];
    const picked = pickForDate({ campaignId, localDate: "2024-01-02", eligible: eligibleOf(["x"]), history });
    expect(picked).toBe(recorded);
  });

  it("ignores entries of other campaigns", () => {
    const foreign = { ...entry("2024-01-01", "bekele-gerba"), campaignId: "other" };
    const picked = pickForDate({
      campaignId,
      localDate: "2024-01-01",
      eligible: eligibleOf(["bekele-gerba"]),
      history: [foreign],
    });
    expect(picked).toEqual(entry("2024-01-01", "bekele-gerba", 0));
  });

  it("does not open a new cycle with the family that closed the last one", () => {
    for (const salt of ["a", "b", "c", "d", "e", "f"]) {
      const list = ids.map((id) => `${id}-${salt}`);
      const history = run(list.length * 4, eligibleOf(list));
      for (let i = 1; i < history.length; i++) {
        expect(history[i]!.profileId).not.toBe(history[i - 1]!.profileId);
      }
    }
  });

  it("features the only eligible profile every day, one cycle a day", () => {
    const history = run(3, eligibleOf(["ilham-tohti"]));
    expect(history.map((e) => [e.profileId, e.cycle])).toEqual([
      ["ilham-tohti", 0],
      ["ilham-tohti", 1],
      ["ilham-tohti", 2],
    ]);
  });

  it("lets a profile added mid-cycle join the current cycle", () => {
    const history = run(2, eligibleOf(ids.slice(0, 4)));
    run(3, eligibleOf([...ids.slice(0, 4), "newcomer"]), history);
    expect(history.map((e) => e.cycle)).toEqual([0, 0, 0, 0, 0]);
    expect(history.map((e) => e.profileId)).toContain("newcomer");
  });

  it("does not give an earlier date the family a later date already has (time zones)", () => {
    const three = eligibleOf(ids.slice(0, 3));
    const first = pickForDate({ campaignId, localDate: "2024-01-01", eligible: three, history: [] })!;
    const third = pickForDate({ campaignId, localDate: "2024-01-03", eligible: three, history: [first] })!;
    const second = pickForDate({
      campaignId,
      localDate: "2024-01-02",
      eligible: three,
      history: [first, third],
    })!;
    expect(new Set([first.profileId, second.profileId, third.profileId]).size).toBe(3);
    expect([first.cycle, second.cycle, third.cycle]).toEqual([0, 0, 0]);
  });

  it("refuses a malformed date", () => {
    expect(() => pickForDate({ campaignId, localDate: "1/2/2024", eligible: [], history: [] })).toThrow(
      RangeError,
    );
  });
});

describe("replacementForDate", () => {
  it("picks another untaken profile of the same cycle for the date", () => {
    const history = run(2);
    const [, today] = history as [RotationEntry, RotationEntry];
    const eligible = eligibleOf(ids.filter((id) => id !== today.profileId));
    const replacement = replacementForDate({ campaignId, localDate: today.localDate, eligible, history })!;
    expect(replacement.cycle).toBe(today.cycle);
    expect(replacement.localDate).toBe(today.localDate);
    expect([history[0]!.profileId, today.profileId]).not.toContain(replacement.profileId);
  });

  it("keeps the recorded entry while its profile is still eligible", () => {
    const history = run(2);
    const replacement = replacementForDate({
      campaignId,
      localDate: history[1]!.localDate,
      eligible: eligibleOf(ids),
      history,
    });
    expect(replacement).toBe(history[1]);
  });

  it("starts the next cycle when the cycle has no untaken profile left", () => {
    const two = ["ilham-tohti", "khalil-matouk"];
    const history = run(2, eligibleOf(two));
    const last = history[1]!;
    const eligible = eligibleOf(two.filter((id) => id !== last.profileId));
    const replacement = replacementForDate({ campaignId, localDate: last.localDate, eligible, history })!;
    expect(replacement).toEqual({ ...last, profileId: history[0]!.profileId, cycle: 1 });
  });

  it("keeps the date's cycle even when a profile added since could still join the cycle before", () => {
    const two = ["ilham-tohti", "khalil-matouk"];
    const history = run(3, eligibleOf(two)); // the third day opened cycle 1
    const today = history[2]!;
    expect(today.cycle).toBe(1);
    // A newcomer arrives in the morning, today's family is taken down at noon.
    const eligible = eligibleOf([...two.filter((id) => id !== today.profileId), "newcomer"]);
    const replacement = replacementForDate({ campaignId, localDate: today.localDate, eligible, history })!;
    expect(replacement.cycle).toBe(1);
    expect(replacement.profileId).not.toBe(today.profileId);
  });

  it("returns undefined when no other profile is eligible", () => {
    const history = run(1);
    expect(replacementForDate({ campaignId, localDate: history[0]!.localDate, eligible: [], history })).toBe(
      undefined,
    );
  });
});
