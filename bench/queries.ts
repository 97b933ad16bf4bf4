/**
 * A realistic query mix drawn from a synthetic campaign: what people type into /profile and into the
 * autocomplete box. Misspellings are made by one random edit, the commonest kind of typo.
 */
import type { Random } from "./random.ts";
import type { SyntheticProfile } from "./synthetic-names.ts";

export const QUERY_KINDS = ["exact", "surname", "prefix", "misspelling", "other-script", "miss"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

const LATIN = "abcdefghijklmnopqrstuvwxyz";

export function searchQueries(
  profiles: readonly SyntheticProfile[],
  count: number,
  random: Random,
): BenchQuery[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = QUERY_KINDS[i % QUERY_KINDS.length]!;
    return { kind, text: searchQuery(kind, random.pick(profiles), random) };
  });
}

function searchQuery(kind: QueryKind, profile: SyntheticProfile, random: Random): string {
  const words = random.pick(profile.names).split(" ");
  switch (kind) {
    case "exact":
      return random.pick(profile.names);
    case "surname":
      return profile.label.split(" ").at(-1)!;
    case "prefix": {
      const word = random.pick(words);
      const cut = word.slice(0, Math.min(word.length, 3 + random.int(4)));
      // Sometimes a whole first word and the start of the next, as in "Ilgar Mam".
      return words.length > 1 && random.chance(0.3) ? `${words[0]} ${words[1]!.slice(0, 3)}` : cut;
    }
    case "misspelling":
      return random.chance(0.5)
        ? typo(profile.label.split(" ").at(-1)!, random)
        : typo(profile.label, random);
    case "other-script":
      return random.chance(0.7) ? profile.native : random.pick(profile.parts)[0]!;
    case "miss":
      return Array.from({ length: 5 + random.int(5) }, () => random.pick([...LATIN])).join("");
  }
}

/** One substitution, deletion, insertion or swap of neighbours, away from the ends. */
export function typo(text: string, random: Random): string {
  const chars = [...text];
  if (chars.length < 4) return text + random.pick([...LATIN]);
  const at = 1 + random.int(chars.length - 2);
  const letter = random.pick([...LATIN]);
  switch (random.int(4)) {
    case 0:
      chars[at] = letter;
      break;
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, letter);
      break;
    default:
      [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
  }
  return chars.join("");
}

/** What the autocomplete box holds after 1 to 8 keystrokes of some name, in any of its scripts. */
export function suggestQueries(
  profiles: readonly SyntheticProfile[],
  count: number,
  random: Random,
): string[] {
  return Array.from({ length: count }, () => {
    const name = random.pick(random.pick(profiles).names);
    return [...name].slice(0, 1 + random.int(8)).join("");
  });
}
