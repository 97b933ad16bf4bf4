/**
 * The staff panel's part of the composition root: its dependencies built from the app (ports and
 * services only, so src/panel/ never reaches the database or a platform), the server `start` runs when
 * PANEL_PORT is set, and the address sign-in links point at.
 */
import type { App } from "./app.ts";
import type { Config } from "./config.ts";
import { UserError } from "./core/errors.ts";
import type { PanelDeps } from "./panel/deps.ts";
import { type PanelServer, startPanelServer } from "./panel/server.ts";
import { createUploadImports } from "./services/catalog-import.ts";
import { createStaffAccess, type StaffAccess } from "./services/staff-access.ts";
import { panelOAuth } from "./app-panel-oauth.ts";

export function staffAccess(app: App): StaffAccess {
  return createStaffAccess({ staff: app.repositories.staff, clock: app.services.clock });
}

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

/** Serves the panel when PANEL_PORT is set; undefined otherwise. */
export async function startPanel(app: App): Promise<PanelServer | undefined> {
  const { PANEL_PORT, PANEL_HOST } = app.config;
  if (PANEL_PORT === undefined) return undefined;
  // The platforms' renderers are loaded only here: a `panel link` command needs none of them.
  const { cardPreviews, messageLink } = await import("./app-panel-previews.ts");
  const oauth = await panelOAuth(app);
  return startPanelServer(
    { ...panelDeps(app), previews: cardPreviews, messageLink, ...(oauth ? { oauth } : {}) },
    { host: PANEL_HOST, port: PANEL_PORT },
  );
}

/**
 * Where people open the panel: PANEL_PUBLIC_URL behind a proxy, else the address it is served on. A
 * wildcard bind (0.0.0.0, ::) is reached as localhost on this machine.
 */
export function panelAddress(config: Config): string {
  if (config.PANEL_PUBLIC_URL) return config.PANEL_PUBLIC_URL.replace(/\/+$/, "");
  if (config.PANEL_PORT === undefined || config.PANEL_PORT === 0) {
    throw new UserError(
      config.PANEL_PORT === 0
        ? "PANEL_PORT is 0 (any free port), so a link cannot name the panel's address: set a fixed PANEL_PORT or PANEL_PUBLIC_URL."
        : "The panel is not served: set PANEL_PORT (and PANEL_PUBLIC_URL when people reach it through a proxy), then start the bot.",
      "INVALID_ARGUMENTS",
    );
  }
  const wildcard = ["0.0.0.0", "::", "[::]"].includes(config.PANEL_HOST);
  const host = wildcard
    ? "localhost"
    : config.PANEL_HOST.includes(":")
      ? `[${config.PANEL_HOST}]`
      : config.PANEL_HOST;
  return `http://${host}:${config.PANEL_PORT}`;
}

export const signInUrl = (config: Config, token: string): string =>
  `${panelAddress(config)}/sign-in?token=${encodeURIComponent(token)}`;
