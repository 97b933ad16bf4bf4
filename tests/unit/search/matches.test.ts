import { describe, expect, it } from "vitest";
import { TopMatches } from "../../../src/search/matches.ts";
import { Scratch } from "../../../src/search/scratch.ts";

describe("TopMatches", () => {
  it("keeps the best few, best first, ties in profile order, and counts all offers", () => {
    const top = new TopMatches(3);
    for (const [profile, score] of [
      [5, 0.2],
      [4, 0.9],
      [3, 0.5],
      [2, 0.9],
      [1, 0.1],
    ] as const) {
      top.offer(profile, profile * 10, score);
    }
    expect(top.total).toBe(5);
    expect(top.best.map((m) => [m.profile, m.score])).toEqual([
      [2, 0.9],
      [4, 0.9],
      [3, 0.5],
    ]);
  });
});

describe("Scratch", () => {
  it("forgets every value when a new query begins", () => {
    const scratch = new Scratch(4);
    scratch.begin();
    scratch.set(2, 0.5, 7);
    scratch.set(2, 0.75, 8);
    expect([scratch.get(2), scratch.nameOf(2), [...scratch.touched]]).toEqual([0.75, 8, [2]]);
    scratch.begin();
    expect([scratch.has(2), scratch.get(2), [...scratch.touched]]).toEqual([false, 0, []]);
  });
});
