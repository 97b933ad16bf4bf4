/**
 * The day count on a card's period line (core/detention-days.ts through presentation/fields.ts): as of the
 * reader's local date, in the reader's language, numbers formatted for it; none for a partial date.
 */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Card } from "../../../src/core/reply.ts";
import { createPresenter } from "../../../src/presentation/presenter.ts";
import { campaign2016, currentCampaign, ilgarMammadov, khalilMatouk } from "./profiles.ts";

const presenter = createPresenter({ staleAfterDays: 90_000 });
const value = (card: Card, id: string) => card.fields.find((f) => f.id === id)?.value;
const stored = (profile: ReturnType<typeof ilgarMammadov>) => ({ profile, seq: 1 }) as never;

/** Ilgar Mammadov, still held since his arrest on 4 February 2013 (the fixture's release taken out). */
function held(arrestDate = "2013-02-04") {
  const base = ilgarMammadov();
  const { release: _release, ...detention } = base.detentions[0]!;
  return ilgarMammadov({
    detentions: [{ ...detention, arrestDate, status: "sentenced", statusAsOf: "2016-12" }],
  });
}

describe("the day count on a card", () => {
  it("says which day of detention it is on the reader's date, the arrest day being day 1", () => {
    const card = presenter.card(stored(held()), currentCampaign, "2016-11-06", translatorFor("en"));
    // 4 February 2013 to 6 November 2016 is 1,371 days later (2016 a leap year): day 1,372.
    expect(value(card, "detainedSince")).toBe("4 February 2013 · Day 1,372 in detention");
    const first = presenter.card(stored(held()), currentCampaign, "2013-02-04", translatorFor("en"));
    expect(value(first, "detainedSince")).toBe("4 February 2013 · Day 1 in detention");
  });

  it("formats the number for the reader's language", () => {
    const ru = presenter.card(stored(held()), currentCampaign, "2016-11-06", translatorFor("ru"));
    expect(value(ru, "detainedSince")).toMatch(/День 1\u00a0372 под стражей$/);
    const fa = presenter.card(stored(held()), currentCampaign, "2016-11-06", translatorFor("fa"));
    expect(value(fa, "detainedSince")).toContain("روز ۱٬۳۷۲ بازداشت");
  });

  it("says how long a past detention lasted", () => {
    const card = presenter.card(stored(ilgarMammadov()), campaign2016, "2024-01-01", translatorFor("en"));
    expect(value(card, "detained")).toMatch(/ · Released after 2,017 days in detention$/);
    const es = presenter.card(stored(ilgarMammadov()), campaign2016, "2024-01-01", translatorFor("es"));
    expect(value(es, "detained")).toMatch(/ · Liberado tras 2017 días de detención$/);
  });

  it("counts a disappearance in neutral words", () => {
    const card = presenter.card(stored(khalilMatouk()), campaign2016, "2012-10-11", translatorFor("en"));
    expect(value(card, "disappearedSince")).toBe("2 October 2012 · Day 10 since the disappearance");
  });

  it("makes up no count for an arrest known only to the month", () => {
    const card = presenter.card(stored(held("2013-02")), currentCampaign, "2016-11-06", translatorFor("en"));
    expect(value(card, "detainedSince")).toBe("February 2013");
  });
});
