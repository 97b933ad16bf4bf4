import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldBase, foldName } from "../../../src/search/fold.ts";
import { buildNameIndex } from "../../../src/search/name-index.ts";
import type { SearchOutcome } from "../../../src/search/types.ts";
import { CAMPAIGN_2016_NAMES } from "./campaign-2016-names.ts";

// Letters from the scripts and spellings the campaign meets, including the ones with no decomposition.
const LETTERS = [
  ..."abcdefghijklmnopqrstuvwxyz",
  ..."áéíóúñçşğüöäıİəƏłŁøđßæœþ",
  ..."ąęśźżćńăâîșțơưđễộ",
  ..."абвгдеёжзийклмнопрстуфхцчшщыьэюяіїєґў",
  ..."ابتثجحخدذرزسشصضطظعغفقكلمنهوييیکة",
  ..."伊力哈木土赫提王李张刘陈",
];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 9 }).map((cs) => cs.join(""));
const name = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(" ", "-", " al-", "'"))
  .map(([words, joiner]) => words.join(joiner))
  .filter((n) => foldName(n).keys.length > 0);

const GENERATED = "generated";
const profileIds = (outcome: SearchOutcome): string[] =>
  outcome.kind === "found"
    ? [outcome.hit.profileId]
    : outcome.kind === "none"
      ? []
      : outcome.hits.map((h) => h.profileId);

describe("search properties", () => {
  it("a name, and its own folding, find its profile at the exact tier", () => {
    fc.assert(
      fc.property(name, (n) => {
        const index = buildNameIndex([
          ...CAMPAIGN_2016_NAMES,
          { profileId: GENERATED, label: n, names: [n] },
        ]);
        for (const query of [n, foldBase(n)]) {
          const outcome = index.search(query);
          expect(outcome.kind === "found" || outcome.kind === "several").toBe(true);
          const hits =
            outcome.kind === "found" ? [outcome.hit] : outcome.kind === "several" ? outcome.hits : [];
          expect(hits.find((h) => h.profileId === GENERATED)?.tier).toBe("exact");
        }
      }),
    );
  });

  it("every prefix of a name's first word suggests its profile", () => {
    fc.assert(
      fc.property(name, fc.nat(), (n, cut) => {
        const index = buildNameIndex([
          ...CAMPAIGN_2016_NAMES,
          { profileId: GENERATED, label: n, names: [n] },
        ]);
        const first = foldName(n).words[0]![0]!;
        const prefix = [...first].slice(0, 1 + (cut % [...first].length)).join("");
        expect(index.suggest(prefix, 25).map((s) => s.profileId)).toContain(GENERATED);
      }),
    );
  });

  const index = buildNameIndex(CAMPAIGN_2016_NAMES);
  const queries = [
    ...CAMPAIGN_2016_NAMES.flatMap((e) => e.names),
    ...CAMPAIGN_2016_NAMES.flatMap((e) => e.names.flatMap((n) => n.split(" "))),
    ...CAMPAIGN_2016_NAMES.flatMap((e) => e.names.map((n) => n.slice(0, 4))),
    "Mamadov",
    "Sentsof",
    "Tohty",
    "Moham",
    "xyzzy",
  ];
  // Accents that no folding rule treats as a separate spelling (unlike ş, ç or ü).
  const ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0303", "\u030C", "\u0323", "\u0328"];
  const ACCENTABLE = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

  it("changing case or accents does not change the result", () => {
    const edit = fc.array(
      fc.tuple(fc.boolean(), fc.option(fc.constantFrom(...ACCENTS), { nil: undefined })),
      {
        minLength: 40,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(fc.constantFrom(...queries), edit, fc.boolean(), (query, edits, stripAccents) => {
        const base = stripAccents ? query.normalize("NFD").replace(/\p{Mn}/gu, "") : query;
        const changed = [...base]
          .map((c, i) => {
            const [upper, accent] = edits[i % edits.length]!;
            const cased = upper ? c.toUpperCase() : c.toLowerCase();
            return accent !== undefined && ACCENTABLE.test(c) ? cased + accent : cased;
          })
          .join("");
        expect(profileIds(index.search(changed))).toEqual(profileIds(index.search(query)));
        expect(index.search(changed).kind).toBe(index.search(query).kind);
      }),
    );
  });

  it("folding is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(name, fc.string({ unit: "grapheme", maxLength: 30 })), (s) => {
        expect(foldBase(foldBase(s))).toBe(foldBase(s));
      }),
      { numRuns: 500 },
    );
  });
});
