/**
 * What the staff panel needs, as ports and services only: built in the composition root
 * (src/app-panel.ts), so the panel never reaches the database or a platform's SDK itself.
 */
import type { DeliveryLedger } from "../core/delivery.ts";
import type { AuditLog } from "../core/ports/audit-log.ts";
import type { DeliveryLog } from "../core/ports/delivery-log.ts";
import type { ChannelRef } from "../core/channel.ts";
import type { MessageRef } from "../core/platform.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { SpotlightRepository } from "../core/ports/spotlights.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { MessageKey } from "../core/i18n/translator.ts";
import type { OutboundPost } from "../core/platform.ts";
import type { BotDefaults, FeaturedService, Presenter } from "../core/services.ts";
import type { CatalogService } from "../services/catalog.ts";
import type { UploadImports } from "../services/catalog-import.ts";
import type { CurationService } from "../services/curation.ts";
import type { StaffAccess } from "../services/staff-access.ts";
import type { PlatformSignIn } from "../services/platform-sign-in.ts";
import type { OAuthProvider, StaffOAuthRole } from "../core/staff-oauth.ts";
import type { Html } from "./html.ts";

/**
 * A post as one platform shows it: that platform's own renderer (injected, never imported) makes the
 * payload, and one of the panel's drawings (src/panel/previews/) turns the payload into escaped HTML.
 */
export interface CardPreview {
  /** The platform and the kind of message, as the panel names it ("Discord (embed)"). */
  platform: MessageKey;
  render(post: OutboundPost): Html;
}

export interface PanelDeps {
  catalog: CatalogService;
  curation: CurationService;
  /** The Import page's uploads, through the importer the command line uses. */
  imports: UploadImports;
  featured: FeaturedService;
  presenter: Presenter;
  subscriptions: SubscriptionRepository;
  /** The Spotlights page reads them; adding and cancelling go through core/spotlight-scheduling.ts. */
  spotlights: SpotlightRepository;
  deliveries: Pick<DeliveryLedger, "latestBySubscription">;
  /** The ledger as staff read it: the Deliveries page, its CSV and charts. */
  deliveryLog: DeliveryLog;
  audit: Pick<AuditLog, "list">;
  staff: StaffAccess;
  clock: Clock;
  defaults: BotDefaults;
  staleAfterDays: number;
  logger: Logger;
  /** Session cookies are marked Secure when the panel is reached over https (PANEL_PUBLIC_URL). */
  secureCookies: boolean;
  /** Previews of the card per platform; none given, the profile page shows the neutral card only. */
  previews?: readonly CardPreview[];
  /** A sent message's address on its platform, where the platform has one (injected, like previews). */
  messageLink?: (platform: string, channel: ChannelRef, ref: MessageRef) => string | undefined;
  /**
   * Signing in with Discord or Slack, where configured: the platforms' providers (injected, as they talk
   * to the platforms), the panel's public address the platforms send people back to, and the core's rule.
   */
  oauth?: {
    providers: readonly OAuthProvider[];
    publicUrl: string;
    signIn: PlatformSignIn;
    /** PANEL_OAUTH_ROLE: what such a person gets (said on the People page). */
    role: StaffOAuthRole;
  };
}
