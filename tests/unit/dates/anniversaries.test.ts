/** Which anniversaries fall on a date (core/anniversaries.ts). */
import { describe, expect, it } from "vitest";
import { anniversariesOn, anniversaryCalendar } from "../../../src/core/anniversaries.ts";

const profile = (arrestDate: string, sentenceDate?: string, id = "p") => ({
  id,
  detentions: [
    {
      arrestDate,
      status: "sentenced" as const,
      ...(sentenceDate ? { sentenceDate } : {}),
    },
  ] as never,
});

describe("anniversariesOn", () => {
  it("finds the yearly return of the arrest and of the sentence, from the first year", () => {
    const p = profile("2013-02-04", "2014-03-17");
    expect(anniversariesOn(p, "2023-02-04")).toEqual([{ kind: "arrest", years: 10, date: "2013-02-04" }]);
    expect(anniversariesOn(p, "2015-03-17")).toEqual([{ kind: "sentence", years: 1, date: "2014-03-17" }]);
    expect(anniversariesOn(p, "2013-02-04")).toEqual([]);
    expect(anniversariesOn(p, "2023-02-05")).toEqual([]);
  });

  it("observes 29 February on 28 February in years without one, and on the 29th in leap years", () => {
    const p = profile("2012-02-29");
    expect(anniversariesOn(p, "2013-02-28")).toEqual([{ kind: "arrest", years: 1, date: "2012-02-29" }]);
    expect(anniversariesOn(p, "2013-03-01")).toEqual([]);
    expect(anniversariesOn(p, "2016-02-28")).toEqual([]);
    expect(anniversariesOn(p, "2016-02-29")).toEqual([{ kind: "arrest", years: 4, date: "2012-02-29" }]);
    expect(anniversariesOn(p, "2100-02-28")).toHaveLength(1); // 2100 is not a leap year
  });

  it("has none for a date known only to the month or the year", () => {
    expect(anniversariesOn(profile("2013-02"), "2020-02-01")).toEqual([]);
    expect(anniversariesOn(profile("2013"), "2020-01-01")).toEqual([]);
  });

  it("looks only at the current episode", () => {
    const twice = {
      id: "p",
      detentions: [
        { arrestDate: "2011-08-15", status: "released" },
        { arrestDate: "2015-12-23", status: "pretrial_detention" },
      ] as never,
    };
    expect(anniversariesOn(twice, "2020-08-15")).toEqual([]);
    expect(anniversariesOn(twice, "2020-12-23")).toHaveLength(1);
  });
});

describe("anniversaryCalendar", () => {
  it("answers like anniversariesOn for every day of a leap year and a common year", () => {
    const profiles = [
      profile("2012-02-29", "2013-02-28", "leap"),
      profile("2010-12-31", undefined, "year-end"),
      profile("2019-01-01", "2019-06-15", "new-year"),
    ];
    const calendar = anniversaryCalendar(profiles);
    for (const start of ["2024-01-01", "2025-01-01"]) {
      for (let d = 0; d < 366; d++) {
        const date = new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
        const expected = profiles.flatMap((p) =>
          anniversariesOn(p, date).map((anniversary) => ({ profileId: p.id, anniversary })),
        );
        expect(calendar(date)).toEqual(expected);
      }
    }
  });
});
