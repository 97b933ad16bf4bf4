/**
 * The bot every adapter is checked with: the real command registry, dispatcher and services over in-memory
 * repositories, loaded with the shipped sample campaign and a profile at the schema's limits whose every
 * text tries to format and ping (tests/platforms/discord/schema-limits.ts). So the replies checked are the
 * ones the core really makes, at their longest and most hostile.
 */
import { fileURLToPath } from "node:url";
import type { AnyLanguageTag } from "../../src/core/i18n/languages.ts";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import { commands } from "../../commands/index.ts";
import { readImportFiles } from "../../src/catalog/read-import-files.ts";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch, OutboundPost } from "../../src/core/platform.ts";
import type { Subscription } from "../../src/core/ports/subscriptions.ts";
import { createDispatcher } from "../../src/dispatch.ts";
import { createBotServices } from "../../src/services/create-services.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import { createMemoryRepositories } from "../fakes/memory-repositories.ts";
import {
  limitsCampaign,
  limitsCard,
  limitsProfile,
  limitsButtons,
  limitsShareKit,
} from "../platforms/discord/schema-limits.ts";

import { currentDetention } from "../../src/core/profile.ts";
import type { StatusChange } from "../../src/core/status-update.ts";
import { updateLine, withUpdateLine } from "../../src/presentation/status-update.ts";

const SAMPLE = fileURLToPath(new URL("../../data", import.meta.url));

/** The hostile profile's id: `/prisoner limits` finds it by id on every platform. */
export const LIMITS_PROFILE = "limits";

export interface ContractBot {
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  /** Profile names for what was typed (Discord's autocomplete, the console's Tab). */
  suggest(typed: string, limit: number): Promise<Array<{ profileId: string; label: string }>>;
  /** How many subscriptions exist: proof that a refused command changed nothing. */
  subscriptionCount(): Promise<number>;
  /** Every subscription as stored: what a /subscribe through the platform set. */
  subscriptions(): Promise<Subscription[]>;
  /** The bot's default language from now on (DEFAULT_LANGUAGE): undefined for English. */
  speak(language: AnyLanguageTag | undefined): void;
  /** A sample profile's daily post written in `language`, as the delivery pass writes it. */
  dailyPost(profileId: string, language: AnyLanguageTag, idempotencyKey: string): Promise<OutboundPost>;
  /**
   * The same post as a status update edits it to (delivery/status-updates.ts): the card with the update
   * line said first, here for a changed sentence, the longest line (the new sentence as pronounced).
   */
  updatedPost(profileId: string, language: AnyLanguageTag, idempotencyKey: string): Promise<OutboundPost>;
}

export async function createContractBot(): Promise<ContractBot> {
  const repositories = createMemoryRepositories();
  const read = await readImportFiles([SAMPLE]);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  await repositories.catalog.importBundle(
    {
      campaigns: [...read.campaigns, limitsCampaign()],
      profiles: [...read.profiles, limitsProfile()],
    },
    "contract",
  );
  const now = new Date("2026-11-24T12:00:00Z");
  const services = createBotServices(repositories, {
    clock: { now: () => now },
    defaults: { postTime: "09:00", timezone: "UTC" },
    staleAfterDays: 90,
  });
  const dispatch = createDispatcher({ commands, services, logger: createMemoryLogger() });
  async function dailyPost(
    profileId: string,
    language: AnyLanguageTag,
    idempotencyKey: string,
  ): Promise<OutboundPost> {
    const stored = await services.catalog.get(profileId);
    const campaign = stored && (await services.catalog.campaign(stored.profile.campaign));
    if (!stored || !campaign) throw new Error(`no sample profile ${profileId}`);
    const tr = translatorFor(language);
    return {
      kind: "daily",
      intro: tr.t("post.dailyIntro", { date: tr.date("2026-11-24") }),
      card: services.presenter.card(stored, campaign, "2026-11-24", tr),
      share: services.presenter.shareKit(stored, campaign, tr),
      buttons: services.presenter.buttons(stored, campaign, "2026-11-24", tr),
      language,
      idempotencyKey,
    };
  }
  return {
    dispatch,
    commands,
    suggest: (typed, limit) => services.catalog.suggest(typed, limit),
    subscriptionCount: async () => (await repositories.subscriptions.list()).length,
    subscriptions: () => repositories.subscriptions.list(),
    dailyPost,
    async updatedPost(profileId, language, idempotencyKey) {
      const post = await dailyPost(profileId, language, idempotencyKey);
      const stored = (await services.catalog.get(profileId))!;
      const current = currentDetention(stored.profile);
      const change: StatusChange = {
        kind: "sentence_changed",
        profileId,
        date: current.statusAsOf,
        asOf: current.statusAsOf,
        sentence: current.sentence?.asPronounced ?? "7 years",
        sourceId: current.sources[current.sources.length - 1]!,
      };
      const line = updateLine(change, stored.profile, translatorFor(language));
      return { ...post, card: withUpdateLine(post.card, line) };
    },
    speak(language) {
      if (language) services.defaults.language = language;
      else delete services.defaults.language;
    },
  };
}

/** The daily post at its worst: the profile at the schema's limits, hostile text in every part. */
export function hostilePost(idempotencyKey: string): OutboundPost {
  return {
    kind: "daily",
    intro: "Today's featured family @everyone @here <!channel> <@123456789012345678>",
    card: limitsCard(),
    share: limitsShareKit(),
    buttons: limitsButtons(),
    idempotencyKey,
  };
}
