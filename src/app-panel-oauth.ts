/**
 * Signing in to the panel with Discord or Slack, built from the configuration: a provider for each
 * platform whose PANEL_<P>_CLIENT_ID is set (the platform's code, loaded only then), the core's rule on
 * the app's repositories, and the address the platforms send people back to. Part of the composition
 * root, so src/panel/ never imports a platform.
 */
import type { App } from "./app.ts";
import type { OAuthProvider } from "./core/staff-oauth.ts";
import type { PanelDeps } from "./panel/deps.ts";
import { createPlatformSignIn } from "./services/platform-sign-in.ts";

export async function panelOAuth(app: App): Promise<PanelDeps["oauth"]> {
  const c = app.config;
  const providers: OAuthProvider[] = [];
  if (c.PANEL_DISCORD_CLIENT_ID && c.PANEL_DISCORD_CLIENT_SECRET) {
    const { createDiscordSignIn } = await import("../platforms/discord/panel-sign-in.ts");
    providers.push(
      createDiscordSignIn({
        clientId: c.PANEL_DISCORD_CLIENT_ID,
        clientSecret: c.PANEL_DISCORD_CLIENT_SECRET,
        ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
      }),
    );
  }
  if (c.PANEL_SLACK_CLIENT_ID && c.PANEL_SLACK_CLIENT_SECRET) {
    const { createSlackSignIn } = await import("../platforms/slack/panel-sign-in.ts");
    providers.push(
      createSlackSignIn({
        clientId: c.PANEL_SLACK_CLIENT_ID,
        clientSecret: c.PANEL_SLACK_CLIENT_SECRET,
        ...(c.SLACK_API_URL ? { apiUrl: c.SLACK_API_URL } : {}),
        ...(c.SLACK_BOT_TOKEN ? { botToken: c.SLACK_BOT_TOKEN } : {}),
        installationStore: app.repositories.installations,
        logger: app.logger.child({ component: "panel", platform: "slack" }),
      }),
    );
  }
  // The configuration requires PANEL_PUBLIC_URL with either client (src/config.ts).
  if (providers.length === 0 || !c.PANEL_PUBLIC_URL) return undefined;
  return {
    providers,
    publicUrl: c.PANEL_PUBLIC_URL,
    role: c.PANEL_OAUTH_ROLE,
    signIn: createPlatformSignIn({
      staff: app.repositories.staff,
      subscriptions: app.repositories.subscriptions,
      clock: app.services.clock,
      role: c.PANEL_OAUTH_ROLE,
    }),
  };
}
