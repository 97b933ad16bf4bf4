/**
 * The presenter judges a card's freshness as of the local date it is given (the channel's today), never as
 * of the date in UTC: one profile, one instant, two channels on different dates.
 */
import { describe, expect, it } from "vitest";
import { createPresenter } from "../../../src/presentation/presenter.ts";
import { buildCampaign, buildProfile } from "../rotation/builders.ts";

const stored = {
  profile: buildProfile({ lastVerifiedAt: "2024-01-10" }),
  seq: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const live = buildCampaign();
const presenter = createPresenter({ staleAfterDays: 90 });

describe("the presenter's stale notice", () => {
  it("is absent on the 90th day after the verification and present from the 91st", () => {
    expect(presenter.card(stored, live, "2024-04-09").stale).toBeFalsy();
    expect(presenter.card(stored, live, "2024-04-10").stale).toBeTruthy();
  });

  it("is never shown for a historical campaign", () => {
    expect(
      presenter.card(stored, buildCampaign({ historical: { asOf: "2016-12" } }), "2030-01-01").stale,
    ).toBeFalsy();
  });
});
