import { describe, expect, it } from "vitest";
import { buildNameIndex } from "../../../src/search/name-index.ts";
import { CAMPAIGN_2016_NAMES } from "./campaign-2016-names.ts";

const index = buildNameIndex(CAMPAIGN_2016_NAMES);
const ids = (prefix: string, limit = 25) => index.suggest(prefix, limit).map((s) => s.profileId);

describe("suggest", () => {
  it.each(["məmm", "mamm", "MAMM", "ilq", "ilg", "mamed"])("%s suggests Ilgar Mammadov", (prefix) => {
    expect(ids(prefix)).toEqual(["ilgar-mammadov"]);
  });

  it("completes any word, in any script", () => {
    expect(ids("sents")).toEqual(["oleg-sentsov"]);
    expect(ids("Сен")).toEqual(["oleg-sentsov"]);
    expect(ids("معت")).toEqual(["khalil-matouk"]);
    expect(ids("伊力")).toEqual(["ilham-tohti"]);
    expect(ids("tam")).toEqual(["julio-ferrer-tamayo"]);
  });

  it("returns label and id", () => {
    expect(index.suggest("jaw", 25)).toEqual([{ profileId: "fanta-jawara", label: "Fanta Jawara" }]);
  });

  it("lists the shortest completion first", () => {
    // "mohamed" (7 letters) completes "moham" more closely than "mohammadi" (9).
    expect(ids("moham")).toEqual(["omar-mohamed-ali", "narges-mohammadi"]);
  });

  it("requires every typed word to start a word of the profile", () => {
    expect(ids("ilgar m")).toEqual(["ilgar-mammadov"]);
    expect(ids("oleg m")).toEqual([]);
  });

  it("lists profiles alphabetically for an empty box, and honours the limit", () => {
    expect(ids("", 3)).toEqual(["bekele-gerba", "fanta-jawara", "ilgar-mammadov"]);
    expect(ids("", 100)).toHaveLength(10);
    expect(ids("o", 1)).toHaveLength(1);
    expect(ids("o", 0)).toEqual([]);
  });

  it("never returns more than Discord's 25", () => {
    const many = buildNameIndex(
      Array.from({ length: 40 }, (_, i) => ({
        profileId: `p${i}`,
        label: `Anna ${i}`,
        names: [`Anna Person${i}`],
      })),
    );
    expect(many.suggest("ann", 100)).toHaveLength(25);
  });
});
