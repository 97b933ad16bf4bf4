/**
 * Builds the services commands use from the repository ports: the one assembly shared by the app and by
 * tests that run the real services over in-memory repositories.
 */
import type { CatalogRepository } from "../core/ports/catalog.ts";
import type { ChannelLanguageRepository } from "../core/ports/channel-languages.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { RotationLog } from "../core/ports/rotation-log.ts";
import type { SpotlightRepository } from "../core/ports/spotlights.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { RetractionLedger } from "../core/retraction.ts";
import type { BotDefaults, BotServices } from "../core/services.ts";
import { createTelegramBotName, type TelegramBotName } from "../core/deep-link.ts";
import { createPresenter } from "../presentation/presenter.ts";
import { type CatalogService, createCatalogService } from "./catalog.ts";
import type { RecordKeeping } from "./catalog-entries.ts";
import { type CurationService, createCurationService } from "./curation.ts";
import { createFeaturedService } from "./featured.ts";

export interface ServiceRepositories {
  catalog: CatalogRepository;
  rotation: RotationLog;
  spotlights: SpotlightRepository;
  subscriptions: SubscriptionRepository;
  channelLanguages: ChannelLanguageRepository;
  /** Absent (in-memory tests): a takedown retracts nothing already posted. */
  retractions?: RetractionLedger;
}

export type AppServices = BotServices & {
  catalog: CatalogService;
  curation: CurationService;
  /** Told the Telegram bot's username by its adapter; share kits then link to the bot. */
  telegramBot: TelegramBotName;
};

export function createBotServices(
  repositories: ServiceRepositories,
  options: {
    clock: Clock;
    defaults: BotDefaults;
    staleAfterDays: number;
    retractWithinDays?: number;
    /** Where the catalog keeps whole records (services/catalog-entries.ts); "memory" when absent. */
    catalogRecords?: RecordKeeping;
  },
): AppServices {
  const catalog = createCatalogService(
    repositories.catalog,
    options.catalogRecords ? { records: options.catalogRecords } : {},
  );
  const telegramBot = createTelegramBotName();
  return {
    telegramBot,
    catalog,
    curation: createCurationService({
      catalog: repositories.catalog,
      clock: options.clock,
      ...(repositories.retractions ? { retractions: repositories.retractions } : {}),
      ...(options.retractWithinDays === undefined ? {} : { retractWithinDays: options.retractWithinDays }),
    }),
    featured: createFeaturedService({
      catalog,
      rotation: repositories.rotation,
      spotlights: repositories.spotlights,
      subscriptions: repositories.subscriptions,
      clock: options.clock,
      defaults: options.defaults,
      staleAfterDays: options.staleAfterDays,
    }),
    presenter: createPresenter({ staleAfterDays: options.staleAfterDays, telegramBot: telegramBot.get }),
    subscriptions: repositories.subscriptions,
    channelLanguages: repositories.channelLanguages,
    spotlights: repositories.spotlights,
    defaults: options.defaults,
    clock: options.clock,
  };
}
