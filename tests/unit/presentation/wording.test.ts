import { describe, expect, it } from "vitest";
import { DETENTION_STATUSES } from "../../../src/core/profile.ts";
import {
  capitalize,
  countryName,
  datePhrase,
  describeStatus,
  formatCharges,
  formatDesignation,
  formatSentence,
  formatTerm,
  isStillDetained,
  relationshipWithPronoun,
  STATUS_LABELS,
} from "../../../src/presentation/wording.ts";

describe("wording", () => {
  it("has a label for every status", () => {
    for (const status of DETENTION_STATUSES) expect(STATUS_LABELS[status]).toMatch(/^[A-Z]/);
  });

  it("treats only those held now as still detained", () => {
    expect(isStillDetained("sentenced")).toBe(true);
    expect(isStillDetained("house_arrest")).toBe(true);
    expect(isStillDetained("released")).toBe(false);
    expect(isStillDetained("disappeared")).toBe(false);
  });

  it("phrases dates only as precisely as they are known", () => {
    expect(datePhrase("2014-03-17")).toBe("on 17 March 2014");
    expect(datePhrase("2016-05")).toBe("in May 2016");
    expect(datePhrase("2011")).toBe("in 2011");
  });

  it("says how and when someone was released", () => {
    expect(describeStatus({ status: "released", release: { date: "2020-04-23", type: "acquittal" } })).toBe(
      "Released (acquitted) on 23 April 2020",
    );
    expect(
      describeStatus({
        status: "released",
        release: { date: "2019-09-07", type: "exchange", note: "Ukraine–Russia exchange" },
      }),
    ).toBe("Released (in a prisoner exchange) on 7 September 2019: Ukraine–Russia exchange");
    expect(describeStatus({ status: "released", release: { date: "2018", type: "other" } })).toBe(
      "Released in 2018",
    );
    expect(describeStatus({ status: "disappeared" })).toBe("Disappeared");
  });

  it("refers to a relative by role with the prisoner's pronoun", () => {
    expect(relationshipWithPronoun("wife", "male")).toBe("his wife");
    expect(relationshipWithPronoun("husband", "female")).toBe("her husband");
    expect(relationshipWithPronoun("daughter", undefined)).toBe("their daughter");
    expect(relationshipWithPronoun("sibling", "other")).toBe("their sibling");
  });

  it("quotes charges as reported and never states them as facts", () => {
    expect(
      formatCharges([{ label: "organising mass riots", statute: "Article 220.1" }, { label: "riot" }]),
    ).toBe('Charged with "organising mass riots" (Article 220.1); "riot"');
    expect(formatCharges([])).toBe("None reported");
  });

  it("formats terms in years and months", () => {
    expect(formatTerm(120)).toBe("10 years");
    expect(formatTerm(12)).toBe("1 year");
    expect(formatTerm(165)).toBe("13 years and 9 months");
    expect(formatTerm(1)).toBe("1 month");
  });

  it("adds the term to serve only where it differs from the one pronounced", () => {
    expect(
      formatSentence({
        sentence: { asPronounced: "16 years", termMonths: 192, servedTermMonths: 120 },
        sentenceDate: "2016-05",
      }),
    ).toBe("Sentenced to 16 years in May 2016; the term to serve is 10 years");
    expect(
      formatSentence({ sentence: { asPronounced: "7 years", termMonths: 84, servedTermMonths: 84 } }),
    ).toBe("Sentenced to 7 years");
    expect(
      formatSentence({ sentence: { asPronounced: "life", life: true }, sentenceDate: "2014-09-23" }),
    ).toBe("Sentenced to life imprisonment on 23 September 2014");
    expect(formatSentence({})).toBeUndefined();
  });

  it("dates designations and marks withdrawn ones", () => {
    const base = { by: "Amnesty International", kind: "prisoner of conscience", source: "s" };
    expect(formatDesignation({ ...base, date: "2014" })).toBe(
      "Amnesty International: prisoner of conscience (2014)",
    );
    expect(formatDesignation({ ...base, date: "2014", withdrawn: "2021" })).toBe(
      "Amnesty International: prisoner of conscience (2014; withdrawn 2021)",
    );
    expect(formatDesignation(base)).toBe("Amnesty International: prisoner of conscience");
  });

  it("names countries in English unless a curated label says better", () => {
    expect(countryName({ code: "AZ" })).toBe("Azerbaijan");
    expect(countryName({ code: "UA", label: "Crimea (occupied by Russia), Ukraine" })).toBe(
      "Crimea (occupied by Russia), Ukraine",
    );
    expect(capitalize("his wife")).toBe("His wife");
  });
});
