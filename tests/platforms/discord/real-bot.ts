/**
 * The real bot behind the Discord adapter in tests: the shipped commands, dispatcher and services over
 * in-memory repositories loaded with the sample campaign, plus one hostile profile that still passes the
 * import schema (markup and mentions in every name, 5,000-character free-text fields).
 */
import { fileURLToPath } from "node:url";
import { commands } from "../../../commands/index.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { ChannelRef, CommunityRef } from "../../../src/core/channel.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { type Profile, profileSchema } from "../../../src/core/profile.ts";
import { createDispatcher } from "../../../src/dispatch.ts";
import { createBotServices } from "../../../src/services/create-services.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";
import type { HarnessBot } from "./harness.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const AUTOCOMPLETE_LIMIT = 25;

export const HOSTILE_ID = "hostile-names";
const HOSTILE_LINE = "**@everyone** <@&123456789012345678> <@123456789012345678> @here `x` > [a](http://x) ";

export async function createRealBot(now = new Date("2026-12-10T08:00:00Z")) {
  const repositories = createMemoryRepositories();
  const read = await readImportFiles([SAMPLE]);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  const profiles = [...read.profiles, hostileProfile(read.profiles)];
  await repositories.catalog.importBundle({ campaigns: read.campaigns, profiles }, "test");
  const services = createBotServices(repositories, {
    clock: { now: () => now },
    defaults: { postTime: "09:00", timezone: "UTC" },
    staleAfterDays: 90,
  });
  const logger = createMemoryLogger();
  const bot: HarnessBot = {
    dispatch: createDispatcher({ commands, services, logger }),
    commands,
    // What the composition root does: the name index's suggestions as Discord choices.
    autocomplete: async (query) =>
      (await services.catalog.suggest(query, AUTOCOMPLETE_LIMIT)).map((s) => ({
        name: s.label,
        value: s.profileId,
      })),
  };

  /** The post a delivery pass would make for this channel today: its featured family, as the core builds it. */
  async function dailyPost(channel: ChannelRef, community: CommunityRef, key: string): Promise<OutboundPost> {
    const family = await services.featured.forChannel(channel, community);
    if (!family) throw new Error("the sample campaign has no featured family today");
    return {
      kind: "daily",
      intro: "Today's featured family",
      card: services.presenter.card(family.profile, family.campaign, family.localDate),
      share: services.presenter.shareKit(family.profile, family.campaign),
      idempotencyKey: key,
    };
  }

  /** The hostile profile's card and share kit, as a post. */
  async function hostilePost(key: string): Promise<OutboundPost> {
    const stored = await services.catalog.get(HOSTILE_ID);
    const campaign = stored && (await services.catalog.campaign(stored.profile.campaign));
    if (!stored || !campaign) throw new Error("hostile profile missing");
    return {
      kind: "spotlight",
      intro: HOSTILE_LINE.repeat(40),
      card: services.presenter.card(stored, campaign, now.toISOString().slice(0, 10)),
      share: services.presenter.shareKit(stored, campaign),
      idempotencyKey: key,
    };
  }

  return { bot, services, repositories, logger, dailyPost, hostilePost };
}

/**
 * A copy of a sample profile with hostile text everywhere the schema lets text in. The base decides the
 * status: a released one (the default) is looked up but never spotlighted; a sentenced one can be.
 */
export function hostileProfile(samples: readonly Profile[], baseId = "ilgar-mammadov"): Profile {
  const base = samples.find((p) => p.id === baseId);
  if (!base) throw new Error(`sample profile ${baseId} missing`);
  const long = HOSTILE_LINE.repeat(Math.ceil(5000 / HOSTILE_LINE.length)).slice(0, 5000);
  const name = HOSTILE_LINE.repeat(3).slice(0, 200).trim();
  const copy = structuredClone(base);
  return profileSchema.parse({
    ...copy,
    id: HOSTILE_ID,
    displayName: name,
    names: [{ value: name, kind: "primary" }],
    country: { code: copy.country.code, label: long },
    affiliations: [long],
    summary: { ...copy.summary, text: long.slice(0, 1500) },
    detentions: copy.detentions.map((d) => ({
      ...d,
      charges: [{ label: long }],
      note: long,
      sentence: d.sentence && { ...d.sentence, asPronounced: long },
    })),
    sources: copy.sources.map((s) => ({ ...s, title: long, publisher: long })),
  });
}
