/**
 * The rotation as channels with anniversaries on see it (rotation/anniversary-track.ts), over simulated
 * years with leap days: every family once per round on both tracks, anniversaries shown on their own date.
 */
import { describe, expect, it } from "vitest";
import { anniversariesOn, anniversaryCalendar } from "../../../src/core/anniversaries.ts";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { addDays } from "../../../src/core/time.ts";
import { anniversaryTrackPick, type TrackPick } from "../../../src/rotation/anniversary-track.ts";
import { pickForDate } from "../../../src/rotation/rotation.ts";

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function catalog(size: number, seed: number) {
  const next = random(seed);
  return Array.from({ length: size }, (_, i) => {
    // Some on 29 February, the rest anywhere from 2008 to 2025; about half with a sentence date.
    const arrest = i % 7 === 0 ? "2016-02-29" : addDays("2008-01-01", Math.floor(next() * 6500));
    const sentence = next() < 0.5 ? addDays(arrest, 30 + Math.floor(next() * 400)) : undefined;
    return {
      id: `p${String(i).padStart(3, "0")}`,
      seq: i + 1,
      detentions: [
        { arrestDate: arrest, status: "sentenced", ...(sentence ? { sentenceDate: sentence } : {}) },
      ],
    } as { id: string; seq: number; detentions: never };
  });
}

const simulations = new Map<string, ReturnType<typeof run>>();
/** Each catalog is simulated once for the tests that read it. */
function simulate(size: number, seed: number) {
  const key = `${size}/${seed}`;
  if (!simulations.has(key)) simulations.set(key, run(size, seed));
  return simulations.get(key)!;
}

/** Three years from 2027 (2028 a leap year): the log's picks and the anniversary track's, day by day. */
function run(size: number, seed: number, days = 365 * 3 + 1) {
  const profiles = catalog(size, seed);
  const calendar = anniversaryCalendar(profiles);
  const history: RotationEntry[] = [];
  const track: Array<TrackPick & { localDate: string; cycle: number }> = [];
  for (let day = 0; day < days; day++) {
    const localDate = addDays("2027-01-01", day);
    const entry = pickForDate({ campaignId: "c", localDate, eligible: profiles, history })!;
    history.push(entry);
    const pick = anniversaryTrackPick({
      campaignId: "c",
      localDate,
      history,
      anniversariesOn: calendar,
      isEligible: () => true,
    })!;
    track.push({ ...pick, localDate, cycle: entry.cycle });
  }
  return { profiles, history, track };
}

const byCycle = <T extends { cycle: number }>(rows: T[]) => {
  const rounds = new Map<number, T[]>();
  for (const row of rows) rounds.set(row.cycle, [...(rounds.get(row.cycle) ?? []), row]);
  return [...rounds.values()];
};

describe("the anniversary track over simulated years", () => {
  for (const [size, seed] of [
    [5, 1],
    [40, 2],
    [400, 3],
  ] as const) {
    it(`keeps every family once per round on both tracks (${size} profiles)`, () => {
      const { history, track } = simulate(size, seed);
      const rounds = byCycle(history);
      const trackRounds = byCycle(track);
      trackRounds.forEach((round, i) => {
        const ids = round.map((r) => r.profileId);
        expect(new Set(ids).size, `round ${i} shows a family twice`).toBe(ids.length);
        const plain = rounds[i]!.map((e) => e.profileId);
        expect(new Set(plain).size).toBe(plain.length);
        // A finished round shows on this track exactly the families the log's round showed.
        if (i < trackRounds.length - 1) expect(new Set(ids)).toEqual(new Set(plain));
      });
    });

    it(`shows each anniversary on its own date, and only then (${size} profiles)`, () => {
      const { profiles, history, track } = simulate(size, seed);
      const byId = new Map(profiles.map((p) => [p.id, p]));
      const shown = track.filter((t) => t.anniversary);
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) {
        expect(anniversariesOn(byId.get(t.profileId)!, t.localDate)).toContainEqual(t.anniversary);
      }
      // Where the log's own pick has an anniversary, the track shows it with its reason and nothing moves.
      for (const [i, e] of history.entries()) {
        if (anniversariesOn(byId.get(e.profileId)!, e.localDate).length === 0) continue;
        if (track.slice(0, i).some((t) => t.cycle === e.cycle && t.profileId === e.profileId)) continue;
        expect(track[i]!.profileId).toBe(e.profileId);
        expect(track[i]!.anniversary).toBeDefined();
      }
      // A 29 February arrest is marked on 28 February in 2027 and 2029, on the 29th in 2028.
      const leap = track.filter((t) => t.anniversary?.date === "2016-02-29").map((t) => t.localDate);
      for (const date of leap) expect(["2027-02-28", "2028-02-29", "2029-02-28"]).toContain(date);
    });
  }

  it("observes an anniversary when the family has not had its turn in the round, and swaps the day", () => {
    const profiles = ["a", "b", "c"].map((id) => ({ id, seq: id.charCodeAt(0) }));
    const history: RotationEntry[] = [];
    const picks: string[] = [];
    for (let day = 0; day < 3; day++) {
      const localDate = addDays("2027-05-01", day);
      history.push(pickForDate({ campaignId: "c", localDate, eligible: profiles, history })!);
    }
    // Give the round's last family an anniversary on the round's first day.
    const last = history[2]!.profileId;
    const calendar = (date: string) =>
      date === "2027-05-01"
        ? [{ profileId: last, anniversary: { kind: "arrest" as const, years: 10, date: "2017-05-01" } }]
        : [];
    for (const e of history) {
      const pick = anniversaryTrackPick({
        campaignId: "c",
        localDate: e.localDate,
        history,
        anniversariesOn: calendar,
        isEligible: () => true,
      })!;
      picks.push(pick.profileId);
    }
    expect(picks).toEqual([last, history[1]!.profileId, history[0]!.profileId]);
  });

  it("lets an anniversary pass when the family was already shown in the round", () => {
    const profiles = ["a", "b", "c"].map((id) => ({ id, seq: id.charCodeAt(0) }));
    const history: RotationEntry[] = [];
    for (let day = 0; day < 2; day++) {
      const localDate = addDays("2027-05-01", day);
      history.push(pickForDate({ campaignId: "c", localDate, eligible: profiles, history })!);
    }
    const first = history[0]!.profileId;
    const calendar = (date: string) =>
      date === "2027-05-02"
        ? [{ profileId: first, anniversary: { kind: "arrest" as const, years: 3, date: "2024-05-02" } }]
        : [];
    const pick = anniversaryTrackPick({
      campaignId: "c",
      localDate: "2027-05-02",
      history,
      anniversariesOn: calendar,
      isEligible: () => true,
    });
    expect(pick).toEqual({ profileId: history[1]!.profileId });
  });
});

describe("the anniversary track's answer for a date", () => {
  it("stays the same when an earlier date of the round is decided after it", () => {
    const at = (minute: number) => new Date(Date.UTC(2027, 4, 1, 0, minute));
    const entry = (localDate: string, profileId: string, minute: number): RotationEntry => ({
      campaignId: "c",
      localDate,
      profileId,
      cycle: 0,
      recordedAt: at(minute),
    });
    const calendar = (date: string) =>
      date === "2027-05-02"
        ? [{ profileId: "k", anniversary: { kind: "arrest" as const, years: 14, date: "2013-05-02" } }]
        : [];
    const ask = (history: RotationEntry[]) =>
      anniversaryTrackPick({
        campaignId: "c",
        localDate: "2027-05-02",
        history,
        anniversariesOn: calendar,
        isEligible: () => true,
      });
    // A channel ahead in time decides 2 May first: the anniversary's family, "k".
    const before = [entry("2027-05-02", "n", 1)];
    expect(ask(before)).toMatchObject({ profileId: "k" });
    // A channel behind then decides 1 May, and the log gives it "k": asked again, 2 May is still "k".
    expect(ask([...before, entry("2027-05-01", "k", 2)])).toMatchObject({ profileId: "k" });
  });
});
