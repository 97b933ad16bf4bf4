/**
 * A large, realistic catalog for `npm run bench:catalog`, deterministic from a seed: names in several
 * scripts (Latin with diacritics, Cyrillic, Arabic, Persian, Han, Azerbaijani…) from the search bench's
 * name pools, and up to 10 sources, 5 relatives, 3 detentions and 6 names a profile, as real coalition
 * lists hold them. Every profile passes the import schema.
 */
import type { Campaign, ProfileInput } from "../src/core/profile.ts";
import { createRandom, type Random } from "./random.ts";
import { syntheticCampaign } from "./synthetic-names.ts";

export const BENCH_CAMPAIGN: Campaign = {
  id: "bench-catalog",
  name: "Catalog benchmark",
  hashtag: "#FreeToBeHome",
  description: "A generated campaign for measuring the catalog at scale; the people in it do not exist.",
  url: "https://example.org/free-to-be-home",
  shareText: "{name} is one of the people this generated campaign speaks for.",
  isDefault: true,
};

const SCRIPTS: Record<string, { lang: string; script: string }> = {
  az: { lang: "az", script: "Latn" },
  tr: { lang: "tr", script: "Latn" },
  "pl-by": { lang: "be", script: "Latn" },
  vi: { lang: "vi", script: "Latn" },
  "ru-by-ua": { lang: "ru", script: "Cyrl" },
  ar: { lang: "ar", script: "Arab" },
  fa: { lang: "fa", script: "Arab" },
  zh: { lang: "zh", script: "Hans" },
  ug: { lang: "ug", script: "Arab" },
  es: { lang: "es", script: "Latn" },
  "west-africa": { lang: "fr", script: "Latn" },
  et: { lang: "am", script: "Ethi" },
};
const COUNTRIES = ["AZ", "BY", "RU", "IR", "CN", "EG", "SY", "VN", "TR", "VE", "ET", "GM", "CU", "MM"];
const STATUSES = [
  "pretrial_detention",
  "on_trial",
  "sentenced",
  "disappeared",
  "unknown",
  "released",
] as const;
const RELATIONS = ["wife", "husband", "mother", "father", "daughter", "son", "sister", "brother", "fiancee"];
const PUBLISHERS = [
  "Amnesty International",
  "Human Rights Watch",
  "CPJ",
  "PEN America",
  "Memorial",
  "Viasna",
];
const CHARGES = [
  "hooliganism",
  "mass riots",
  "illegal entrepreneurship",
  "extremism",
  "treason",
  "espionage",
];
const TAGS = ["expression", "press", "religion", "assembly", "human-rights-defender", "opposition"];

const pad = (n: number) => String(n).padStart(2, "0");
const dateIn = (r: Random, from: number, to: number) =>
  `${from + r.int(to - from + 1)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;

/** Profile `i` of the catalog; `version` > 0 changes its summary, as a curator's edit would. */
export function generatedProfile(i: number, seed: number, name: NameSource, version = 0): ProfileInput {
  const r = createRandom(seed * 1_000_003 + i);
  const { label, names, culture } = name;
  const { lang, script } = SCRIPTS[culture] ?? { lang: "en", script: "Latn" };
  const sourceCount = 1 + r.int(10);
  const sources = Array.from({ length: sourceCount }, (_, s) => ({
    id: `s${s + 1}`,
    url: `https://example.org/${culture}/${i}/report-${s + 1}`,
    title: `Report ${s + 1} on the case of ${label}`,
    publisher: r.pick(PUBLISHERS),
    ...(r.chance(0.5) ? { publishedAt: dateIn(r, 2012, 2024) } : {}),
  }));
  const ids = sources.map((s) => s.id);
  const someSources = () => ids.slice(0, 1 + r.int(ids.length));
  const detentions = Array.from({ length: 1 + r.int(3) }, (_, d) => ({
    arrestDate: dateIn(r, 2010 + d * 4, 2013 + d * 4),
    detainingCountry: r.pick(COUNTRIES),
    charges: [{ label: r.pick(CHARGES) }],
    status: r.pick(STATUSES),
    statusAsOf: dateIn(r, 2023, 2024),
    ...(r.chance(0.5) ? { sentence: { asPronounced: `${1 + r.int(15)} years` } } : {}),
    sources: someSources(),
  }));
  const family = Array.from({ length: r.int(6) }, (_, f) => {
    const adult = r.chance(0.7);
    const advocate = adult && r.chance(0.5);
    return {
      id: `relative-${f + 1}`,
      relationship: r.pick(RELATIONS),
      ...(advocate ? { displayName: `${r.pick(names)} (relative)` } : {}),
      isMinor: !adult,
      publicAdvocate: advocate,
      consent: adult
        ? { status: "given" as const, scope: ["name" as const, "quote" as const] }
        : { status: "not_sought" as const, scope: [] },
      sources: someSources(),
    };
  });
  const speakers = family.filter((m) => !m.isMinor);
  return {
    id: `p${i}-${culture}`,
    campaign: BENCH_CAMPAIGN.id,
    displayName: label,
    names: names.slice(0, 6).map((value, n) => ({
      value,
      ...(n === 1 ? { lang, script } : {}),
      kind: n === 0 ? ("primary" as const) : n === 1 ? ("native" as const) : ("transliteration" as const),
    })),
    country: { code: r.pick(COUNTRIES) },
    tags: [r.pick(TAGS)],
    summary: {
      text: `${label} was detained for peaceful ${r.pick(TAGS)} work and charged with '${r.pick(CHARGES)}'.${version > 0 ? ` Updated (${version}).` : ""}`,
      sources: someSources(),
    },
    detentions,
    family,
    quotes: speakers.slice(0, 1).map((m) => ({
      text: "We will keep speaking until he is home.",
      speaker: m.id,
      lang: "en",
      isTranslation: r.chance(0.5),
      source: ids[0]!,
    })),
    sources,
    lastVerifiedAt: dateIn(r, 2023, 2024),
    verifiedBy: "generated for the catalog benchmark",
    confidence: r.chance(0.8) ? "confirmed" : "unconfirmed",
    publication: { visibility: "public" },
  };
}

export interface NameSource {
  label: string;
  names: string[];
  culture: string;
}

/** The names of `count` people, in the scripts of the search bench's cultures. */
export function generatedNames(count: number, seed: number): NameSource[] {
  return syntheticCampaign(count, seed);
}
