import { describe, expect, it } from "vitest";
import { canonicalTimeZone, instantOf, localDateOf, nextOccurrence } from "../../src/core/time.ts";

describe("local time", () => {
  it("finds the local date of an instant in far-apart zones", () => {
    const instant = new Date("2026-11-24T23:30:00Z");
    expect(localDateOf(instant, "UTC")).toBe("2026-11-24");
    expect(localDateOf(instant, "Asia/Baku")).toBe("2026-11-25");
    expect(localDateOf(instant, "Pacific/Chatham")).toBe("2026-11-25");
    expect(localDateOf(instant, "America/New_York")).toBe("2026-11-24");
  });

  it("posts at the first valid minute after a time skipped by spring-forward", () => {
    // New York skips 02:00-02:59 on 2026-03-08.
    expect(instantOf("2026-03-08", "02:30", "America/New_York").toISOString()).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    // Lord Howe skips only half an hour (02:00-02:29) on 2026-10-04.
    expect(instantOf("2026-10-04", "02:10", "Australia/Lord_Howe").toISOString()).toBe(
      "2026-10-03T15:30:00.000Z",
    );
  });

  it("posts once, at the first occurrence, on a fall-back day", () => {
    // New York repeats 01:00-01:59 on 2026-11-01: the first 01:30 is EDT (UTC-4).
    expect(instantOf("2026-11-01", "01:30", "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("handles zones with quarter-hour offsets", () => {
    expect(instantOf("2026-11-24", "09:00", "Asia/Kathmandu").toISOString()).toBe("2026-11-24T03:15:00.000Z");
    expect(instantOf("2026-11-24", "09:00", "Pacific/Chatham").toISOString()).toBe(
      "2026-11-23T19:15:00.000Z",
    );
  });

  it("gives the next occurrence today, or tomorrow once today's has passed", () => {
    const now = new Date("2026-11-24T06:00:00Z"); // 10:00 in Baku
    expect(nextOccurrence(now, "09:00", "Asia/Baku")).toEqual({
      localDate: "2026-11-25",
      at: new Date("2026-11-25T05:00:00Z"),
    });
    expect(nextOccurrence(now, "11:00", "Asia/Baku")).toEqual({
      localDate: "2026-11-24",
      at: new Date("2026-11-24T07:00:00Z"),
    });
  });

  it("skips dates whose post is already settled", () => {
    const now = new Date("2026-11-24T06:00:00Z"); // 10:00 in Baku
    // Today's post went out at 09:00; moving the time to 11:00 cannot bring a second post today.
    expect(nextOccurrence(now, "11:00", "Asia/Baku", "2026-11-24")).toEqual({
      localDate: "2026-11-25",
      at: new Date("2026-11-25T07:00:00Z"),
    });
    expect(nextOccurrence(now, "11:00", "Asia/Baku", "2026-11-23").localDate).toBe("2026-11-24");
    expect(nextOccurrence(now, "09:00", "Asia/Baku", "2026-11-23").localDate).toBe("2026-11-25");
  });

  it("canonicalises zone names and rejects unknown ones", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("Asia/Kathmandu")).toBe("Asia/Kathmandu");
    // Not an IANA name, but the one people (and our spec) use for Baku.
    expect(canonicalTimeZone("Europe/Baku")).toBe("Asia/Baku");
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus")).toBeUndefined();
  });

  it("knows no zone named like a JavaScript property", () => {
    for (const name of ["constructor", "Constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(canonicalTimeZone(name), name).toBeUndefined();
    }
  });
});
