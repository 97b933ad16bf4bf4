/**
 * Writes the generated catalog as a curator's folder: campaign.yaml and profiles in YAML files of a few
 * hundred each, as a coalition exports them. `changed` lists profile numbers written with an edit.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { BENCH_CAMPAIGN, generatedNames, generatedProfile } from "./catalog-generate.ts";

export const PROFILES_PER_FILE = 500;

export function writeCatalogFolder(
  dir: string,
  options: { profiles: number; seed: number; changed?: ReadonlySet<number> },
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "profiles"), { recursive: true });
  writeFileSync(join(dir, "campaign.yaml"), stringify(BENCH_CAMPAIGN));
  const names = generatedNames(options.profiles, options.seed);
  for (let start = 0; start < options.profiles; start += PROFILES_PER_FILE) {
    const end = Math.min(options.profiles, start + PROFILES_PER_FILE);
    const list = [];
    for (let i = start; i < end; i++) {
      list.push(generatedProfile(i, options.seed, names[i]!, options.changed?.has(i) ? 1 : 0));
    }
    const file = join(dir, "profiles", `part-${String(start / PROFILES_PER_FILE).padStart(4, "0")}.yaml`);
    writeFileSync(file, stringify(list, { lineWidth: 0 }));
  }
}

/** Every hundredth profile: the 1% a re-import finds changed. */
export function onePercent(profiles: number): Set<number> {
  const changed = new Set<number>();
  for (let i = 0; i < profiles; i += 100) changed.add(i);
  return changed;
}
