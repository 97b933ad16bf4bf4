/**
 * The staff panel's dependencies built from the app: ports and services only, so src/panel/ never
 * reaches the database or a platform. Apart from app-panel.ts because the importer it carries (YAML and
 * zip readers) is loaded only where the panel is served.
 */
import type { App } from "./app.ts";
import { staffAccess } from "./app-panel.ts";
import type { PanelDeps } from "./panel/deps.ts";
import { createUploadImports } from "./services/catalog-import.ts";

export function panelDeps(app: App): PanelDeps {
  const { config, services, repositories } = app;
  return {
    catalog: services.catalog,
    curation: services.curation,
    imports: createUploadImports({
      catalog: repositories.catalog,
      retractPostsOf: (ids) => services.curation.retractPostsOf(ids),
    }),
    featured: services.featured,
    presenter: services.presenter,
    subscriptions: services.subscriptions,
    spotlights: services.spotlights,
    deliveries: repositories.deliveries,
    deliveryLog: repositories.deliveryLog,
    audit: repositories.audit,
    staff: staffAccess(app),
    clock: services.clock,
    defaults: services.defaults,
    staleAfterDays: config.STALE_AFTER_DAYS,
    logger: app.logger.child({ component: "panel" }),
    secureCookies: config.PANEL_PUBLIC_URL?.toLowerCase().startsWith("https:") ?? false,
  };
}
