/**
 * Deterministic synthetic campaigns for the search benchmark: each profile has a romanized display name,
 * its native-script or accented form, and one or two transliteration variants, the way real records
 * list them (CECC keeps the Han name beside the pinyin; the Azerbaijani lists keep Məmmədov beside
 * Mammadov and Mamedov).
 */
import type { NameEntry } from "../src/search/types.ts";
import { COINERS } from "./coined-names.ts";
import { CULTURES, type Culture, type Spellings } from "./name-pools.ts";
import { createRandom, type Random } from "./random.ts";

export interface SyntheticProfile extends NameEntry {
  culture: string;
  /** The name as written natively (may equal the label for Latin-script names without accents). */
  native: string;
  /** Each name part as its spellings, in native order, for deriving queries. */
  parts: Spellings[];
}

export function syntheticCampaign(size: number, seed: number): SyntheticProfile[] {
  const random = createRandom(seed);
  const totalWeight = CULTURES.reduce((sum, c) => sum + c.weight, 0);
  return Array.from({ length: size }, (_, i) => {
    const culture = pickCulture(random, totalWeight);
    return syntheticProfile(`p${i}-${culture.id}`, culture, random);
  });
}

function pickCulture(random: Random, totalWeight: number): Culture {
  let ticket = random.next() * totalWeight;
  for (const culture of CULTURES) {
    ticket -= culture.weight;
    if (ticket < 0) return culture;
  }
  return CULTURES[0]!;
}

/** Half the name parts are coined, so that common names repeat but most words are rare, as in real registers. */
const COINED_SHARE = 0.5;

function syntheticProfile(profileId: string, culture: Culture, random: Random): SyntheticProfile {
  const coiner = COINERS[culture.id];
  const givenName = () =>
    coiner !== undefined && random.chance(COINED_SHARE) ? coiner.given(random) : random.pick(culture.given);
  const familyName = () =>
    coiner?.family !== undefined && random.chance(COINED_SHARE)
      ? coiner.family(random)
      : random.pick(culture.family);
  const given = [givenName()];
  if (culture.fatherName && random.chance(0.7)) given.push(givenName());
  if (culture.middle !== undefined && random.chance(0.4)) given.push(random.pick(culture.middle));
  const family = [familyName()];
  if (culture.twoFamilyNames && random.chance(0.6)) family.push(familyName());
  const parts = culture.familyFirst ? [...family, ...given] : [...given, ...family];

  const native = parts.map((p) => p[0]!).join(culture.nativeJoiner ?? " ");
  const label = parts.map((p) => p[1] ?? p[0]!).join(" ");
  const names = [label, native];
  // Records carry one or two other transliterations, each mixing the variants of the parts.
  for (let n = 1 + random.int(2); n > 0; n--) names.push(parts.map((p) => random.pick(p.slice(1))).join(" "));
  if (culture.id === "zh" && random.chance(0.3)) names.push([...given, ...family].map((p) => p[1]).join(" "));
  if (parts.length > 2 && random.chance(0.3))
    names.push([parts[0]!, parts.at(-1)!].map((p) => p[1]).join(" "));
  return { profileId, label, names: [...new Set(names)], culture: culture.id, native, parts };
}
