import { describe, expect, it } from "vitest";
import { syntheticCampaign } from "../../../bench/synthetic-names.ts";
import { buildNameIndex } from "../../../src/search/name-index.ts";
import type { SearchOutcome } from "../../../src/search/types.ts";
import { CAMPAIGN_2016_NAMES } from "./campaign-2016-names.ts";

const index = buildNameIndex(CAMPAIGN_2016_NAMES);

function foundId(outcome: SearchOutcome): string | undefined {
  return outcome.kind === "found" ? outcome.hit.profileId : undefined;
}

describe("search over the ten 2016 profiles", () => {
  it.each([
    ["Məmmədov", "ilgar-mammadov"],
    ["Mamedov", "ilgar-mammadov"],
    ["Mammadov", "ilgar-mammadov"],
    ["Mammedov", "ilgar-mammadov"],
    ["İlqar", "ilgar-mammadov"],
    ["ilgar", "ilgar-mammadov"],
    ["ILQAR MƏMMƏDOV", "ilgar-mammadov"],
    ["Oleh Sentsov", "oleg-sentsov"],
    ["Oleg Sentsov", "oleg-sentsov"],
    ["Олег Сенцов", "oleg-sentsov"],
    ["сенцов", "oleg-sentsov"],
    ["Maatouk", "khalil-matouk"],
    ["Ma'touq", "khalil-matouk"],
    ["Maʼtouq", "khalil-matouk"],
    ["Matouk", "khalil-matouk"],
    ["Khalil al-Matouk", "khalil-matouk"],
    ["خليل معتوق", "khalil-matouk"],
    ["Lopez", "leopoldo-lopez"],
    ["López", "leopoldo-lopez"],
    ["Leopoldo López Mendoza", "leopoldo-lopez"],
    ["Girba", "bekele-gerba"],
    ["Gerba", "bekele-gerba"],
    ["Fatoumatta Jawara", "fanta-jawara"],
    ["Fatoumata", "fanta-jawara"],
    ["Fanta Jawara", "fanta-jawara"],
    ["Ilham Tohti", "ilham-tohti"],
    ["土赫提", "ilham-tohti"],
    ["ئىلھام توختى", "ilham-tohti"],
    ["Mohammadi", "narges-mohammadi"],
    // Typed on an Arabic keyboard: ي for the Persian ی.
    ["نرگس محمدي", "narges-mohammadi"],
    ["Omar Mohammed Ali", "omar-mohamed-ali"],
    ["Omar Mohamed", "omar-mohamed-ali"],
    ["Ferrer Tamayo", "julio-ferrer-tamayo"],
  ])("%s finds %s", (query, profileId) => {
    expect(foundId(index.search(query))).toBe(profileId);
  });

  it("reports the tier and the spelling that matched", () => {
    expect(index.search("Oleh Sentsov")).toMatchObject({
      kind: "found",
      hit: {
        profileId: "oleg-sentsov",
        label: "Oleg Sentsov",
        matched: "Oleh Sentsov",
        tier: "exact",
        score: 1,
      },
    });
    expect(index.search("Gerba")).toMatchObject({
      kind: "found",
      hit: { tier: "word", matched: "Bekele Gerba" },
    });
    expect(index.search("Tamay")).toMatchObject({ kind: "found", hit: { tier: "prefix" } });
  });

  it.each([
    ["Mamadov", "ilgar-mammadov"],
    ["Sentsof", "oleg-sentsov"],
    ["Tohty", "ilham-tohti"],
    ["Ilham Tohty", "ilham-tohti"],
    ["Bekele Gerbaa", "bekele-gerba"],
  ])("misspelt %s offers did-you-mean with %s first", (query, profileId) => {
    const outcome = index.search(query);
    expect(outcome.kind).toBe("did-you-mean");
    if (outcome.kind !== "did-you-mean") return;
    expect(outcome.hits[0]).toMatchObject({ profileId, tier: "fuzzy" });
  });

  it.each(["xyzzy", "", "  -- ' ", "Ilgar Smith"])("%j finds nobody", (query) => {
    expect(index.search(query)).toEqual({ kind: "none" });
  });

  it("offers a choice between Mohammadi and Mohamed for an unfinished name", () => {
    const outcome = index.search("Moham");
    expect(outcome.kind).toBe("several");
    if (outcome.kind !== "several") return;
    expect(outcome.hits.map((h) => h.profileId).sort()).toEqual(["narges-mohammadi", "omar-mohamed-ali"]);
  });

  it("does not let a prefix silently win over a one-letter look-alike", () => {
    // "Mohammad" completes Mohammadi, and is one letter away from Omar's "Mohammed".
    const outcome = index.search("Mohammad");
    expect(outcome.kind).toBe("several");
    if (outcome.kind !== "several") return;
    expect(outcome.hits.map((h) => [h.profileId, h.tier])).toEqual([
      ["narges-mohammadi", "prefix"],
      ["omar-mohamed-ali", "fuzzy"],
    ]);
  });

  it("returns one hit per profile, not per name", () => {
    const outcome = index.search("Jawara");
    expect(outcome).toMatchObject({ kind: "found", hit: { profileId: "fanta-jawara" } });
  });
});

describe("search with two people of the same name", () => {
  const withTwoOmars = buildNameIndex([
    ...CAMPAIGN_2016_NAMES,
    { profileId: "omar-test", label: "Omar Test", names: ["Omar Test"] },
  ]);

  it("offers both Omars instead of picking one", () => {
    const outcome = withTwoOmars.search("omar");
    expect(outcome.kind).toBe("several");
    if (outcome.kind !== "several") return;
    expect(outcome.hits.map((h) => h.profileId).sort()).toEqual(["omar-mohamed-ali", "omar-test"]);
    expect(outcome.hits.every((h) => h.tier === "word")).toBe(true);
  });

  it("still finds one Omar when the query says which", () => {
    expect(foundId(withTwoOmars.search("Omar Mohamed Ali"))).toBe("omar-mohamed-ali");
    expect(foundId(withTwoOmars.search("omar test"))).toBe("omar-test");
  });

  it("prefers an exact whole name over word matches of others", () => {
    const index = buildNameIndex([
      { profileId: "a", label: "Omar", names: ["Omar"] },
      { profileId: "b", label: "Omar Mohamed Ali", names: ["Omar Mohamed Ali"] },
    ]);
    expect(foundId(index.search("OMAR"))).toBe("a");
  });
});

describe("index shape", () => {
  it("counts profiles, and ignores names that fold to nothing", () => {
    const index = buildNameIndex([
      ...CAMPAIGN_2016_NAMES,
      { profileId: "blank", label: "—", names: ["—", "''"] },
    ]);
    expect(index.size).toBe(11);
    expect(index.search("—")).toEqual({ kind: "none" });
  });

  it("finds nothing in an empty index", () => {
    const empty = buildNameIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.search("Ilgar")).toEqual({ kind: "none" });
    expect(empty.suggest("il", 25)).toEqual([]);
  });
});

describe("search over a 2,000-profile multi-script campaign", () => {
  const profiles = syntheticCampaign(2_000, 7);
  const index = buildNameIndex(profiles);

  it("finds every profile by each of its names, at the exact tier", () => {
    for (const profile of profiles) {
      for (const name of profile.names) {
        const outcome = index.search(name);
        const hits =
          outcome.kind === "found" ? [outcome.hit] : outcome.kind === "several" ? outcome.hits : [];
        // Namesakes share a choice capped at ten; the profile must be there unless ten others are too.
        if (outcome.kind === "several" && hits.length === 10) continue;
        expect(hits.find((h) => h.profileId === profile.profileId)?.tier, name).toBe("exact");
      }
    }
  });
});
