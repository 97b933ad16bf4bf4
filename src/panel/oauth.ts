/**
 * Signing in with Discord or Slack: `/sign-in/<platform>` sends the person to the platform's consent page
 * with a fresh state and PKCE challenge; the platform sends them back to `/sign-in/<platform>/callback`,
 * where the state is checked against the cookie and used up, the code exchanged by the platform's
 * provider (injected), and the core's rule decides (services/platform-sign-in.ts). Each refusal says why.
 * A plain link starts it: the CSP's form-action 'self' would stop a form from leaving for the platform.
 */
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { MessageKey } from "../core/i18n/translator.ts";
import { OAuthSignInError, type OAuthProvider, type StaffOAuthPlatform } from "../core/staff-oauth.ts";
import type { PanelDeps } from "./deps.ts";
import type { PanelContext, PanelEnv } from "./env.ts";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_MINUTES, PendingSignIns } from "./oauth-state.ts";
import { NEXT_COOKIE, type RateLimiter, returnPath, SESSION_COOKIE, sessionCookie } from "./security.ts";
import { signInPage } from "./sign-in.ts";

const PLATFORM_NAMES: Record<StaffOAuthPlatform, string> = { discord: "Discord", slack: "Slack" };
const NOT_MODERATOR: Record<StaffOAuthPlatform, MessageKey> = {
  discord: "panelOAuth.notModeratorDiscord",
  slack: "panelOAuth.notModeratorSlack",
};

export const callbackPath = (platform: StaffOAuthPlatform) => `/sign-in/${platform}/callback`;

export function registerOAuthSignIn(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  options: { limiter: RateLimiter; clientAddress(c: unknown): string },
): void {
  const oauth = deps.oauth;
  if (!oauth || oauth.providers.length === 0) return;
  const pending = new PendingSignIns(() => deps.clock.now().getTime());
  const providerFor = (name: string): OAuthProvider | undefined =>
    oauth.providers.find((p) => p.platform === name);
  const redirectUri = (p: OAuthProvider) =>
    `${oauth.publicUrl.replace(/\/+$/, "")}${callbackPath(p.platform)}`;
  const cookieOptions = {
    httpOnly: true,
    sameSite: "Lax" as const,
    secure: deps.secureCookies,
    path: "/sign-in",
  };

  const refuse = (c: PanelContext, key: MessageKey, status: 400 | 403 | 429 | 502, values = {}) =>
    c.html(signInPage(c, c.get("tr").t(key, values)).text, status);

  app.get("/sign-in/:platform", (c) => {
    const provider = providerFor(c.req.param("platform"));
    if (!provider) return c.notFound();
    if (!options.limiter.take(options.clientAddress(c))) return refuse(c, "panel.tooManySignIns", 429);
    const { state, codeChallenge } = pending.start(provider.platform);
    setCookie(c, OAUTH_STATE_COOKIE, state, { ...cookieOptions, maxAge: OAUTH_STATE_MINUTES * 60 });
    return c.redirect(
      provider.authorizeUrl({ state, codeChallenge, redirectUri: redirectUri(provider) }),
      302,
    );
  });

  app.get("/sign-in/:platform/callback", async (c) => {
    const provider = providerFor(c.req.param("platform"));
    if (!provider) return c.notFound();
    if (!options.limiter.take(options.clientAddress(c))) return refuse(c, "panel.tooManySignIns", 429);
    const platform = PLATFORM_NAMES[provider.platform];
    const started = pending.take(provider.platform, c.req.query("state"), getCookie(c, OAUTH_STATE_COOKIE));
    deleteCookie(c, OAUTH_STATE_COOKIE, cookieOptions);
    // The person pressed Cancel on the platform's page (OAuth's error=access_denied).
    if (c.req.query("error") !== undefined) return refuse(c, "panelOAuth.denied", 403, { platform });
    const code = c.req.query("code");
    if (!started || !code) return refuse(c, "panelOAuth.stateRefused", 400);
    let identity: Awaited<ReturnType<OAuthProvider["identify"]>>;
    try {
      identity = await provider.identify({
        code,
        codeVerifier: started.codeVerifier,
        redirectUri: redirectUri(provider),
      });
    } catch (err) {
      if (!(err instanceof OAuthSignInError)) throw err;
      deps.logger.warn({ err, platform: provider.platform }, "panel: a platform sign-in failed");
      const key = err.failure === "code-refused" ? "panelOAuth.codeRefused" : "panelOAuth.unreachable";
      return refuse(c, key, err.failure === "code-refused" ? 400 : 502, { platform });
    }
    const outcome = await oauth.signIn.signIn(identity);
    if (outcome.kind !== "signed-in") {
      deps.logger.info(
        { platform: provider.platform, userId: identity.userId, outcome: outcome.kind },
        "panel: a platform sign-in was refused",
      );
      if (outcome.kind === "not-moderator") return refuse(c, NOT_MODERATOR[provider.platform], 403);
      if (outcome.kind === "revoked") return refuse(c, "panelOAuth.revoked", 403);
      return refuse(c, "panelOAuth.nameTaken", 403, { name: outcome.name });
    }
    setCookie(
      c,
      SESSION_COOKIE,
      outcome.session.token,
      sessionCookie(outcome.session.expiresAt, deps.clock.now(), deps.secureCookies),
    );
    const next = returnPath(getCookie(c, NEXT_COOKIE));
    deleteCookie(c, NEXT_COOKIE, { path: "/", secure: deps.secureCookies });
    return c.redirect(next ?? "/today", 303);
  });
}
