import { describe, expect, it } from "vitest";
import type { Card } from "../../../src/core/reply.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { campaign2016, currentCampaign, ilgarMammadov, khalilMatouk, omarMohamedAli } from "./profiles.ts";

const field = (card: Card, label: string) => card.fields.find((f) => f.label === label)?.value;

describe("buildCard: identity and framing", () => {
  it("titles the card with the name and adds the country and the native-script name", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.profileId).toBe("ilgar-mammadov");
    expect(card.title).toBe("Ilgar Mammadov");
    expect(card.subtitle).toBe("Azerbaijan · İlqar Məmmədov");
    expect(buildCard(khalilMatouk(), campaign2016).subtitle).toBe("Syria · خليل معتوق");
    expect(buildCard(omarMohamedAli(), campaign2016).subtitle).toBe("Egypt");
  });

  it("prefers a curated country label where the code alone would mislead", () => {
    const card = buildCard(
      ilgarMammadov({ country: { code: "UA", label: "Crimea (occupied by Russia), Ukraine" } }),
      campaign2016,
    );
    expect(card.subtitle.startsWith("Crimea (occupied by Russia), Ukraine")).toBe(true);
  });

  it("says plainly that a past campaign's status may have changed, leaving its date to the one 'as of' line", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.notice).toBe(
      "Profiled by #FreeToBeHome in December 2016 (a past campaign). The status shown may have changed since.",
    );
    expect(card.statusAsOf).toBe("Status as of 23 April 2020");
    const noted = buildCard(ilgarMammadov(), {
      ...campaign2016,
      historical: { asOf: "2016-12", note: "See the campaign site for updates." },
    });
    expect(noted.notice).toMatch(/may have changed since\. See the campaign site for updates\.$/);
  });

  it("has no notice for a current, confirmed profile, and marks unconfirmed ones", () => {
    expect(buildCard(ilgarMammadov(), currentCampaign).notice).toBeUndefined();
    expect(buildCard(ilgarMammadov({ confidence: "unconfirmed" }), currentCampaign).notice).toBe(
      "Some details of this profile are unconfirmed.",
    );
  });

  it("carries the hashtag and the campaign", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.hashtag).toBe("#FreeToBeHome");
    expect(card.campaign).toEqual({ id: campaign2016.id, name: campaign2016.name, url: campaign2016.url });
    expect(card.summary).toMatch(/^Chairman of the REAL movement/);
  });
});

describe("buildCard: the detention", () => {
  it("describes a released person with the release and the closed period", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.statusAsOf).toBe("Status as of 23 April 2020");
    expect(field(card, "Status")).toBe("Released (conditionally) on 13 August 2018");
    expect(field(card, "Detained")).toBe("4 February 2013 – 13 August 2018");
    expect(field(card, "Detained since")).toBeUndefined();
    expect(field(card, "Charges as reported")).toBe('Charged with "organising mass riots"');
    expect(field(card, "Sentence")).toBe("Sentenced to 7 years on 17 March 2014");
  });

  it("says 'Detained since' with the arrest-date doubt for someone still held", () => {
    const card = buildCard(
      ilgarMammadov({
        detentions: [
          {
            arrestDate: "2015-12-23",
            arrestDateNote: "23 or 24 December 2015: sources differ",
            detainingCountry: "ET",
            charges: [{ label: "terrorism", statute: "Anti-Terrorism Proclamation" }],
            status: "pretrial_detention",
            statusAsOf: "2016-12",
            sources: ["irfs"],
          },
        ],
      }),
      currentCampaign,
    );
    expect(field(card, "Status")).toBe("In pretrial detention");
    expect(field(card, "Detained since")).toBe("23 December 2015 (23 or 24 December 2015: sources differ)");
    expect(field(card, "Charges as reported")).toBe('Charged with "terrorism" (Anti-Terrorism Proclamation)');
    expect(card.statusAsOf).toBe("Status as of December 2016");
  });

  it("does not call a disappeared person detained, and reports no charge", () => {
    const card = buildCard(khalilMatouk(), campaign2016);
    expect(field(card, "Status")).toBe("Disappeared");
    expect(field(card, "Disappeared since")).toBe("2 October 2012");
    expect(field(card, "Detained since")).toBeUndefined();
    expect(field(card, "Charges as reported")).toBe("None reported");
  });

  it("words a life sentence and an unknown status", () => {
    const card = buildCard(omarMohamedAli(), campaign2016);
    expect(field(card, "Status")).toBe("Unknown");
    expect(field(card, "Arrested")).toBe("June 2015");
    expect(field(card, "Sentence")).toBe("Sentenced to life imprisonment in May 2016");
  });

  it("names a prison only where it is publishable and the person is held there", () => {
    const held = (publishable: boolean, status: "sentenced" | "released") =>
      buildCard(
        ilgarMammadov({
          detentions: [
            {
              arrestDate: "2014-02-18",
              detainingCountry: "VE",
              status,
              statusAsOf: "2016-12",
              placeOfDetention: { name: "Ramo Verde military prison", publishable },
              sources: ["irfs"],
            },
          ],
        }),
        currentCampaign,
      );
    expect(field(held(true, "sentenced"), "Place of detention")).toBe("Ramo Verde military prison");
    expect(JSON.stringify(held(false, "sentenced"))).not.toContain("Ramo Verde");
    expect(JSON.stringify(held(true, "released"))).not.toContain("Ramo Verde");
  });

  it("takes the current status from the latest arrest, listing earlier episodes briefly", () => {
    const card = buildCard(
      ilgarMammadov({
        // Listed out of order on purpose: the latest arrest, not the last entry, is the current episode.
        detentions: [
          {
            arrestDate: "2015-12-23",
            detainingCountry: "ET",
            status: "released",
            statusAsOf: "2018-02-13",
            release: { date: "2018-02-13", type: "other" },
            sources: ["news-am"],
          },
          {
            arrestDate: "2011-08",
            detainingCountry: "ET",
            status: "released",
            statusAsOf: "2015",
            release: { date: "2015", type: "served" },
            sources: ["commonspace"],
          },
        ],
        designations: [],
      }),
      currentCampaign,
    );
    expect(card.statusAsOf).toBe("Status as of 13 February 2018");
    expect(field(card, "Detained")).toBe("23 December 2015 – 13 February 2018");
    expect(field(card, "Earlier detentions")).toBe(
      "Arrested in August 2011, released (sentence served) in 2015",
    );
    expect(card.sources.map((s) => s.publisher)).toContain("commonspace.eu");
  });

  it("lists designations and marks withdrawn ones", () => {
    const card = buildCard(
      ilgarMammadov({
        designations: [
          {
            by: "Amnesty International",
            kind: "prisoner of conscience",
            date: "2014",
            source: "commonspace",
          },
          { by: "Some NGO", kind: "political prisoner", date: "2013", withdrawn: "2021", source: "news-am" },
        ],
      }),
      campaign2016,
    );
    expect(field(card, "Designations")).toBe(
      "Amnesty International: prisoner of conscience (2014); Some NGO: political prisoner (2013; withdrawn 2021)",
    );
  });
});

describe("buildCard: photo", () => {
  const photo = {
    url: "https://example.org/photo.jpg",
    credit: "Family archive",
    license: "used with permission",
    alt: "Ilgar Mammadov at a rally",
    consent: true,
  };

  it("shows a consented, credited photo", () => {
    expect(buildCard(ilgarMammadov({ photo }), campaign2016).photo).toEqual({
      url: photo.url,
      alt: photo.alt,
      credit: photo.credit,
    });
    expect(buildCard(ilgarMammadov(), campaign2016).photo).toBeUndefined();
  });

  it("drops a photo without consent even if a hand-edited record slipped past the schema", () => {
    const profile = { ...ilgarMammadov(), photo: { ...photo, consent: false } };
    expect(buildCard(profile, campaign2016).photo).toBeUndefined();
    const uncredited = { ...ilgarMammadov(), photo: { ...photo, credit: " " } };
    expect(buildCard(uncredited, campaign2016).photo).toBeUndefined();
  });
});
