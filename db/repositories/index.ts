/** Every repository over one database connection, as the composition root hands them to services. */
import type { DeliveryLog } from "../../src/core/ports/delivery-log.ts";
import type { AuditLog } from "../../src/core/ports/audit-log.ts";
import type { CampaignRepository } from "../../src/core/ports/campaigns.ts";
import type { CatalogRepository } from "../../src/core/ports/catalog.ts";
import type { RotationLog } from "../../src/core/ports/rotation-log.ts";
import type { SpotlightRepository } from "../../src/core/ports/spotlights.ts";
import type { SubscriptionRepository } from "../../src/core/ports/subscriptions.ts";
import type { DeliveryLedger } from "../../src/core/delivery.ts";
import type { RetractionLedger } from "../../src/core/retraction.ts";
import type { StatusUpdateLedger } from "../../src/core/status-update.ts";
import type { ChannelLanguageRepository } from "../../src/core/ports/channel-languages.ts";
import type { BotModeratorRepository } from "../../src/core/ports/bot-moderators.ts";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { StaffRepository } from "../../src/core/staff.ts";
import type { ImpactReportSource } from "../../src/core/ports/impact-report.ts";
import type { PressCounter } from "../../src/core/ports/presses.ts";
import type { Db } from "../client.ts";
import { createAuditLog } from "./audit.ts";
import { createCampaignRepository } from "./campaigns.ts";
import { createCatalogRepository } from "./catalog.ts";
import { createChannelLanguageRepository } from "./channel-languages.ts";
import { createDeliveryLedger } from "./deliveries.ts";
import { createDeliveryLog } from "./delivery-log.ts";
import { createBotModeratorRepository, createInstallationStore } from "./installations.ts";
import { createImpactReport } from "./impact-report.ts";
import { createPressCounter } from "./presses.ts";
import { createRetractionLedger } from "./retractions.ts";
import { createRotationLog } from "./rotation.ts";
import { createStatusUpdateLedger } from "./status-updates.ts";
import { createSpotlightRepository } from "./spotlights.ts";
import { createStaffRepository } from "./staff.ts";
import { createSubscriptionRepository } from "./subscriptions.ts";

export interface Repositories {
  catalog: CatalogRepository;
  campaigns: CampaignRepository;
  subscriptions: SubscriptionRepository;
  /** Each channel's chosen language. */
  channelLanguages: ChannelLanguageRepository;
  spotlights: SpotlightRepository;
  rotation: RotationLog;
  audit: AuditLog;
  deliveries: DeliveryLedger;
  /** The ledger as staff read it: filtered pages, CSV, per-day figures. */
  deliveryLog: DeliveryLog;
  retractions: RetractionLedger;
  /** Update edits and release announcements after a status change. */
  statusUpdates: StatusUpdateLedger;
  installations: InstallationStore;
  botModerators: BotModeratorRepository;
  /** The staff panel's people, sign-in links and sessions. */
  staff: StaffRepository;
  /** Button presses, counted per day, platform, profile and button. */
  presses: PressCounter;
  /** The figures of `freetobehome report`: posts, channels and presses. */
  impact: ImpactReportSource;
}

export interface RepositoryOptions {
  /** This process is the database's only writer (embedded PGlite): see CatalogRepositoryOptions. */
  soleWriter?: boolean;
}

export function createRepositories(db: Db, options: RepositoryOptions = {}): Repositories {
  return {
    catalog: createCatalogRepository(db, { soleWriter: options.soleWriter ?? false }),
    campaigns: createCampaignRepository(db),
    subscriptions: createSubscriptionRepository(db, { soleWriter: options.soleWriter ?? false }),
    channelLanguages: createChannelLanguageRepository(db, { soleWriter: options.soleWriter ?? false }),
    spotlights: createSpotlightRepository(db),
    rotation: createRotationLog(db),
    audit: createAuditLog(db),
    deliveries: createDeliveryLedger(db),
    deliveryLog: createDeliveryLog(db),
    retractions: createRetractionLedger(db),
    statusUpdates: createStatusUpdateLedger(db),
    installations: createInstallationStore(db),
    botModerators: createBotModeratorRepository(db),
    staff: createStaffRepository(db),
    presses: createPressCounter(db),
    impact: createImpactReport(db),
  };
}

export { AUDIT_ACTIONS, type AuditAction } from "./audit-actions.ts";
