/** `deliver --at`: an instant with a zone, on a day that exists, in a plausible year; anything else is named. */
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../src/cli/deliver.ts";

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
