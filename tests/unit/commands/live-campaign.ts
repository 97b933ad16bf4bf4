/**
 * A second, live (not historical) campaign for command tests: the sample campaign is historical, which
 * exempts it from the freshness rule. Imported beside the sample, the first one is the default campaign.
 */
import { fileURLToPath } from "node:url";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { Campaign, Profile } from "../../../src/core/profile.ts";
import type { createTestBot } from "./test-bot.ts";

const MATOUK = fileURLToPath(new URL("../../../data/profiles/khalil-matouk.yaml", import.meta.url));
const CAMPAIGN = fileURLToPath(new URL("../../../data/campaign.yaml", import.meta.url));

type Bot = Awaited<ReturnType<typeof createTestBot>>;

/** Imports campaign `id` with one profile per entry of `people`: a copy of Khalil Matouk's, renamed and changed. */
export async function importLiveCampaign(
  bot: Bot,
  id: string,
  people: Array<{ id: string; name: string; change?: (profile: Profile) => void }> = [],
): Promise<void> {
  const read = await readImportFiles([CAMPAIGN, MATOUK]);
  const [sampleCampaign] = read.campaigns;
  const [template] = read.profiles;
  if (!sampleCampaign || !template) throw new Error(JSON.stringify(read.problems));
  const { historical: _past, ...rest } = sampleCampaign;
  const campaign: Campaign = { ...rest, id, isDefault: false };
  const profiles = people.map((person) => {
    const profile: Profile = structuredClone(template);
    profile.id = person.id;
    profile.campaign = id;
    profile.displayName = person.name;
    profile.names = [{ ...template.names[0]!, value: person.name }];
    person.change?.(profile);
    return profile;
  });
  await bot.repositories.catalog.importBundle({ campaigns: [campaign], profiles }, "test");
}
