/** The day count on a card (core/detention-days.ts): arrest day is day 1, whole dates only, the reader's date. */
import { describe, expect, it } from "vitest";
import { clockInZone } from "../../../src/core/channel-clock.ts";
import { detentionDays } from "../../../src/core/detention-days.ts";

const held = (arrestDate: string) => ({ arrestDate, status: "sentenced" as const });

describe("detentionDays", () => {
  it("counts the arrest day as day 1", () => {
    expect(detentionDays(held("2015-12-23"), "2015-12-23")).toEqual({ kind: "held", day: 1 });
    expect(detentionDays(held("2015-12-23"), "2015-12-24")).toEqual({ kind: "held", day: 2 });
  });

  it("counts across leap days: 29 February is a day like any other", () => {
    // 2016-02-28 → 2016-03-01 spans 29 February: three days later is day 3 (28, 29, 1 March).
    expect(detentionDays(held("2016-02-28"), "2016-03-01")).toEqual({ kind: "held", day: 3 });
    expect(detentionDays(held("2015-02-28"), "2015-03-01")).toEqual({ kind: "held", day: 2 });
    // Four whole years from a leap day: 1,461 days later is day 1,462.
    expect(detentionDays(held("2016-02-29"), "2020-02-29")).toEqual({ kind: "held", day: 1462 });
  });

  it("counts on the reader's calendar: zones either side of UTC midnight differ by a day", () => {
    const instant = new Date("2026-03-05T11:30:00Z");
    const kiritimati = clockInZone("Pacific/Kiritimati", instant).today; // UTC+14: already the 6th
    const pagoPago = clockInZone("Pacific/Pago_Pago", instant).today; // UTC-11: still the 5th
    expect([kiritimati, pagoPago]).toEqual(["2026-03-06", "2026-03-05"]);
    expect(detentionDays(held("2026-03-01"), kiritimati)).toEqual({ kind: "held", day: 6 });
    expect(detentionDays(held("2026-03-01"), pagoPago)).toEqual({ kind: "held", day: 5 });
  });

  it("gives no count before the arrest day on the reader's calendar", () => {
    expect(detentionDays(held("2026-03-06"), "2026-03-05")).toBeUndefined();
  });

  it("makes up no count for an arrest known only to the month or the year", () => {
    expect(detentionDays(held("2015-12"), "2026-01-01")).toBeUndefined();
    expect(detentionDays(held("2015"), "2026-01-01")).toBeUndefined();
  });

  it("counts a disappearance in its own words", () => {
    const missing = { arrestDate: "2020-03-02", status: "disappeared" as const };
    expect(detentionDays(missing, "2020-03-11")).toEqual({ kind: "disappeared", day: 10 });
  });

  it("says how long a past detention lasted, counting both ends, once the release has come", () => {
    const past = {
      arrestDate: "2013-02-04",
      status: "released" as const,
      release: { date: "2018-08-13", type: "conditional" as const },
    };
    expect(detentionDays(past, "2026-01-01")).toEqual({ kind: "releasedAfter", days: 2017 });
    const short = { ...past, arrestDate: "2018-08-11" };
    expect(detentionDays(short, "2018-08-13")).toEqual({ kind: "releasedAfter", days: 3 });
    expect(detentionDays(short, "2018-08-12")).toBeUndefined();
  });

  it("gives no count for a release known only to the month, nor for statuses it cannot word", () => {
    const vague = { arrestDate: "2013-02-04", status: "released" as const };
    expect(detentionDays({ ...vague, release: { date: "2018-08", type: "pardon" } }, "2026-01-01")).toBe(
      undefined,
    );
    expect(detentionDays(vague, "2026-01-01")).toBeUndefined();
    expect(detentionDays({ arrestDate: "2013-02-04", status: "unknown" }, "2026-01-01")).toBeUndefined();
    expect(detentionDays({ arrestDate: "2013-02-04", status: "died" }, "2026-01-01")).toBeUndefined();
  });
});
