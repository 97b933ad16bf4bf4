/**
 * `deliver --at`: an instant with a zone, on a day that exists, in a plausible year, and not in the future
 * unless it is a dry run; anything else is named.
 */
import { describe, expect, it } from "vitest";
import { parseInstant, readDeliverOptions } from "../../../src/cli/deliver.ts";
import { UsageError } from "../../../src/cli/usage.ts";

describe("deliver --at", () => {
  it("reads an instant in UTC or with an offset", () => {
    expect(parseInstant("2026-11-24T09:00:00Z").toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(parseInstant("2026-11-24T13:00+04:00").toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(parseInstant("2026-11-24T00:30-05:00").toISOString()).toBe("2026-11-24T05:30:00.000Z");
  });

  it("refuses a day that does not exist instead of rolling it over", () => {
    expect(() => parseInstant("2026-02-30T05:00:00Z")).toThrow(
      '--at names a day that does not exist: 2026-02-30 (got "2026-02-30T05:00:00Z")',
    );
    expect(() => parseInstant("2026-04-31T23:30-05:00")).toThrow(/does not exist: 2026-04-31/);
  });

  it("refuses an implausible year and a missing zone, saying what is allowed", () => {
    expect(() => parseInstant("0001-01-01T00:00:00Z")).toThrow(/between the years 2000 and 2100/);
    expect(() => parseInstant("2026-11-24T09:00:00")).toThrow(/ISO 8601 instant with a zone/);
  });
});

describe("deliver --at as of the clock", () => {
  const now = new Date("2026-11-24T10:00:00Z");

  it("refuses a future instant for a real pass, naming it and pointing to --dry-run", () => {
    const read = () => readDeliverOptions({ at: "2026-12-01T13:00+04:00" }, now);
    expect(read).toThrow(UsageError);
    expect(read).toThrow(
      "--at 2026-12-01T13:00+04:00 is in the future (2026-12-01T09:00:00.000Z; it is now 2026-11-24T10:00:00.000Z). " +
        "deliver --at only catches up on posts already due; nothing was opened or sent. " +
        "To see what would be posted then, add --dry-run: freetobehome deliver --dry-run --at 2026-12-01T13:00+04:00",
    );
    // One minute ahead is the future too: only clock skew of a few seconds counts as now.
    expect(() => readDeliverOptions({ at: "2026-11-24T10:01:00Z" }, now)).toThrow(/is in the future/);
  });

  it("takes an instant up to now, and a few seconds ahead as clock skew", () => {
    expect(readDeliverOptions({ at: "2026-11-17T09:00:00Z" }, now)).toEqual({
      at: new Date("2026-11-17T09:00:00Z"),
      dryRun: false,
    });
    expect(readDeliverOptions({ at: "2026-11-24T10:00:05Z" }, now).at).toEqual(
      new Date("2026-11-24T10:00:05Z"),
    );
    expect(() => readDeliverOptions({ at: "2026-11-24T10:00:06Z" }, now)).toThrow(/is in the future/);
  });

  it("lets a dry run look ahead", () => {
    expect(readDeliverOptions({ dryRun: true, at: "2026-12-01T09:00:00Z" }, now)).toEqual({
      at: new Date("2026-12-01T09:00:00Z"),
      dryRun: true,
    });
    expect(readDeliverOptions({ dryRun: true }, now)).toEqual({ dryRun: true });
  });
});
