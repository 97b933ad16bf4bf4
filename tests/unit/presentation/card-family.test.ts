import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONSENT_SCOPES,
  CONSENT_STATUSES,
  type FamilyMember,
  type Profile,
} from "../../../src/core/profile.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { campaign2016, ilgarMammadov, khalilMatouk, omarMohamedAli } from "./profiles.ts";

/** Edits the parsed record directly, as a hand-edited or just-updated record would look. */
function withMember(profile: Profile, id: string, change: Partial<FamilyMember>): Profile {
  return { ...profile, family: profile.family.map((m) => (m.id === id ? { ...m, ...change } : m)) };
}
const consent = (status: FamilyMember["consent"]["status"], scope: FamilyMember["consent"]["scope"]) => ({
  consent: { status, scope },
});
const VAFA = "Vafa Mammadova";

describe("buildCard: family members", () => {
  it("names a public advocate who consented, with her role, and never the minor daughter", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.quote).toEqual({
      text: expect.stringMatching(/^It doesn't matter how hard it is/),
      attribution: "Vafa Mammadova, his wife",
      isTranslation: false,
    });
    expect(card.fields).toContainEqual({
      id: "family",
      label: "Speaking for the family",
      value: "His wife, Vafa Mammadova",
    });
    // The quote itself mentions "our daughter"; the card must not point at her as a person of its own.
    expect(JSON.stringify(card)).not.toMatch(/his daughter/i);
  });

  it("refers to an unnamed fiancée by role", () => {
    const card = buildCard(omarMohamedAli(), campaign2016);
    expect(card.quote?.attribution).toBe("his fiancée");
    expect(card.fields.find((f) => f.label === "Speaking for the family")).toBeUndefined();
  });

  it("uses the prisoner's pronoun, and 'their' when it is not recorded", () => {
    expect(buildCard(omarMohamedAli({ gender: "female" }), campaign2016).quote?.attribution).toBe(
      "her fiancée",
    );
    const unknown = { ...omarMohamedAli(), gender: undefined };
    expect(buildCard(unknown, campaign2016).quote?.attribution).toBe("their fiancée");
  });

  it("quotes but does not name a relative whose consent covers the quote only", () => {
    const card = buildCard(withMember(ilgarMammadov(), "vafa", consent("given", ["quote"])), campaign2016);
    expect(card.quote?.attribution).toBe("his wife");
    expect(JSON.stringify(card)).not.toContain(VAFA);
  });

  it("does not name a relative who is not a public advocate, whatever the consent", () => {
    const card = buildCard(withMember(ilgarMammadov(), "vafa", { publicAdvocate: false }), campaign2016);
    expect(card.quote?.attribution).toBe("his wife");
    expect(JSON.stringify(card)).not.toContain(VAFA);
  });

  it.each(["withdrawn", "refused", "not_sought"] as const)(
    "takes out the name, the quote and their sources at once when consent is %s",
    (status) => {
      const card = buildCard(
        withMember(ilgarMammadov(), "vafa", consent(status, ["name", "quote"])),
        campaign2016,
      );
      expect(card.quote).toBeUndefined();
      expect(JSON.stringify(card)).not.toContain(VAFA);
      expect(card.sources.map((s) => s.publisher)).not.toContain("U.S. Department of State");
    },
  );

  it("never shows a minor's name or words, even in a record that broke the schema's rules", () => {
    let profile = withMember(ilgarMammadov(), "daughter", {
      displayName: "Minor Name",
      publicAdvocate: true,
      ...consent("given", ["name", "quote", "story"]),
    });
    profile = {
      ...profile,
      quotes: [
        { text: "Words of a child", speaker: "daughter", lang: "en", isTranslation: false, source: "irfs" },
      ],
      familyStory: { text: "A story about the child.", about: ["daughter"], sources: ["irfs"] },
    };
    const shown = JSON.stringify(buildCard(profile, campaign2016));
    for (const secret of ["Minor Name", "Words of a child", "A story about the child"]) {
      expect(shown).not.toContain(secret);
    }
  });

  it("shows the family story while everyone it is about consents to it", () => {
    const card = buildCard(khalilMatouk(), campaign2016);
    expect(card.familyStory).toBe(
      "His daughter Raneem was herself detained from February 2013 to June 2014.",
    );
    expect(card.quote).toEqual({
      text: "I miss the self-confidence he always gave me.",
      attribution: "Raneem Matouk, his daughter",
      isTranslation: true,
    });
  });

  it("hides the family story when one person it is about has not consented to it", () => {
    const withoutStory = withMember(khalilMatouk(), "raneem", consent("given", ["name", "quote"]));
    expect(buildCard(withoutStory, campaign2016).familyStory).toBeUndefined();
    const base = khalilMatouk();
    const twoPeople: Profile = {
      ...base,
      family: [
        ...base.family,
        {
          id: "wife",
          relationship: "wife",
          isMinor: false,
          publicAdvocate: false,
          sources: [],
          ...consent("refused", []),
        },
      ],
      familyStory: { ...base.familyStory!, about: ["raneem", "wife"] },
    };
    expect(buildCard(twoPeople, campaign2016).familyStory).toBeUndefined();
  });

  it("picks the first quote whose speaker consented", () => {
    const base = ilgarMammadov();
    const profile = withMember(
      { ...base, quotes: [{ ...base.quotes[0]!, speaker: "daughter", text: "unshown" }, ...base.quotes] },
      "daughter",
      { isMinor: false, ...consent("refused", ["quote"]) },
    );
    expect(buildCard(profile, campaign2016).quote?.text).toMatch(/^It doesn't matter/);
  });
});

describe("buildCard: sources", () => {
  it("cites only the sources of what is shown, once each, in the profile's order", () => {
    const card = buildCard(khalilMatouk(), campaign2016);
    expect(card.sources).toEqual([
      {
        title: "A huge hole in our lives",
        publisher: "Amnesty International",
        url: "https://www.amnesty.org/en/latest/news/2015/10/a-huge-hole-in-our-lives/",
      },
      {
        title: "Khalil Maatouk: more than a decade of forced disappearance",
        publisher: "SyriaWise",
        url: "https://www.syriawise.com/khalil-maatouk-more-than-a-decade-of-forced-disappearance/",
      },
    ]);
  });

  it("drops a source cited only by a hidden story or quote", () => {
    const base = khalilMatouk();
    // The disappearance is sourced to Amnesty here, so SyriaWise backs only the family story.
    const profile = withMember(
      { ...base, detentions: [{ ...base.detentions[0]!, sources: ["amnesty"] }] },
      "raneem",
      consent("withdrawn", []),
    );
    const card = buildCard(profile, campaign2016);
    expect(card.familyStory).toBeUndefined();
    expect(card.quote).toBeUndefined();
    expect(card.sources.map((s) => s.publisher)).toEqual(["Amnesty International"]);
  });

  it("cites designations shown and every source of the Ilgar Mammadov card in order", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(card.sources.map((s) => s.publisher)).toEqual([
      "IRFS",
      "news.am",
      "commonspace.eu",
      "U.S. Department of State",
    ]);
  });
});

describe("buildCard: consent property", () => {
  const member = fc.record({
    status: fc.constantFrom(...CONSENT_STATUSES),
    scope: fc.subarray([...CONSENT_SCOPES]),
    isMinor: fc.boolean(),
    publicAdvocate: fc.boolean(),
  });

  it("never shows the name, quote or story of anyone without consent given for it, nor of a minor", () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 4 }), (members) => {
        const base = ilgarMammadov();
        const family: FamilyMember[] = members.map((m, i) => ({
          id: `member-${i}`,
          relationship: "sister",
          displayName: `Name${i}Zq`,
          isMinor: m.isMinor,
          publicAdvocate: m.publicAdvocate,
          consent: { status: m.status, scope: m.scope },
          sources: [],
        }));
        const profile: Profile = {
          ...base,
          family,
          quotes: family.map((f, i) => ({ ...base.quotes[0]!, speaker: f.id, text: `Quote${i}Zq` })),
          familyStory: { text: "StoryZq", about: family.map((f) => f.id), sources: ["irfs"] },
        };
        const shown = JSON.stringify(buildCard(profile, campaign2016));
        members.forEach((m, i) => {
          const ok = (scope: (typeof CONSENT_SCOPES)[number]) =>
            m.status === "given" && !m.isMinor && m.scope.includes(scope);
          if (!(ok("name") && m.publicAdvocate)) expect(shown).not.toContain(`Name${i}Zq`);
          if (!ok("quote")) expect(shown).not.toContain(`Quote${i}Zq`);
          if (!ok("story")) expect(shown).not.toContain("StoryZq");
        });
      }),
      { numRuns: 300 },
    );
  });
});
