/**
 * The staff panel's part of the composition root: the server `start` runs when PANEL_PORT is set, built
 * on the panel's dependencies (app-panel-deps.ts), and the address sign-in links point at. The server,
 * the dependencies and the platforms' renderers are loaded only when the panel is served: a console chat
 * or a `panel link` command needs none of them (Hono, the importer's YAML and zip readers).
 */
import type { App } from "./app.ts";
import type { Config } from "./config.ts";
import { UserError } from "./core/errors.ts";
import type { PanelServer } from "./panel/server.ts";
import { createStaffAccess, type StaffAccess } from "./services/staff-access.ts";

export function staffAccess(app: App): StaffAccess {
  return createStaffAccess({ staff: app.repositories.staff, clock: app.services.clock });
}

/** Serves the panel when PANEL_PORT is set; undefined otherwise. */
export async function startPanel(app: App): Promise<PanelServer | undefined> {
  const { PANEL_PORT, PANEL_HOST } = app.config;
  if (PANEL_PORT === undefined) return undefined;
  const [{ panelDeps }, { startPanelServer }, { cardPreviews, messageLink }, { panelOAuth }] =
    await Promise.all([
      import("./app-panel-deps.ts"),
      import("./panel/server.ts"),
      import("./app-panel-previews.ts"),
      import("./app-panel-oauth.ts"),
    ]);
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
