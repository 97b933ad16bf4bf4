/** A dry run's rotation log: it reads the real log, keeps its own picks in memory and never writes. */
import { describe, expect, it } from "vitest";
import type { RotationEntry, RotationLog } from "../../../src/core/ports/rotation-log.ts";
import { createDryRunRotationLog } from "../../../src/rotation/dry-run-log.ts";

/** A real-state log whose writes are counted: the dry-run log must never make one. */
function countingLog(entries: RotationEntry[]) {
  const log = { writes: 0 };
  const real: RotationLog = {
    history: async (campaignId) => entries.filter((e) => e.campaignId === campaignId).map((e) => ({ ...e })),
    async record(entry) {
      log.writes++;
      entries.push(entry);
      return entry;
    },
    async replace(entry) {
      log.writes++;
      return entry;
    },
  };
  return { real, log };
}

const entry = (localDate: string, profileId: string, cycle = 0): RotationEntry => ({
  campaignId: "c",
  localDate,
  profileId,
  cycle,
});

describe("the dry-run rotation log", () => {
  it("keeps a recorded date's pick and its own new picks, writing nothing", async () => {
    const { real, log } = countingLog([entry("2026-11-24", "a")]);
    const dry = createDryRunRotationLog(real);
    expect(await dry.record(entry("2026-11-24", "b"))).toMatchObject(entry("2026-11-24", "a"));
    expect(await dry.record(entry("2026-11-25", "c"))).toMatchObject(entry("2026-11-25", "c"));
    expect(await dry.record(entry("2026-11-25", "d"))).toMatchObject(entry("2026-11-25", "c"));
    expect(await dry.history("c")).toMatchObject([entry("2026-11-24", "a"), entry("2026-11-25", "c")]);
    expect(await dry.history("other")).toEqual([]);
    expect(await real.history("c")).toEqual([entry("2026-11-24", "a")]);
    expect(log.writes).toBe(0);
  });

  it("replaces a date's pick only while it is still the one given, in memory", async () => {
    const { real, log } = countingLog([entry("2026-11-24", "a")]);
    const dry = createDryRunRotationLog(real);
    expect(await dry.replace(entry("2026-11-24", "e"), "a")).toMatchObject(entry("2026-11-24", "e"));
    expect(await dry.replace(entry("2026-11-24", "f"), "a")).toMatchObject(entry("2026-11-24", "e"));
    expect(await dry.history("c")).toMatchObject([entry("2026-11-24", "e")]);
    expect(await real.history("c")).toEqual([entry("2026-11-24", "a")]);
    expect(log.writes).toBe(0);
  });
});
