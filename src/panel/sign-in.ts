/**
 * Signing in and out. A link from `freetobehome panel link` opens a page with a button: the link is used
 * only when the person presses it (a POST), so a chat app's link preview, which fetches the page, cannot
 * use it up. Attempts are rate-limited per address.
 */
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { PanelDeps } from "./deps.ts";
import type { PanelContext, PanelEnv } from "./env.ts";
import { html } from "./html.ts";
import { tHtml } from "./i18n.ts";
import { publicPage } from "./layout.ts";
import { NEXT_COOKIE, type RateLimiter, returnPath, SESSION_COOKIE, sessionCookie } from "./security.ts";

const PLATFORM_NAMES = { discord: "Discord", slack: "Slack" } as const;

/** Sign in with Discord or Slack (where configured: plain links, see oauth.ts), then the link's way. */
function howTo(c: PanelContext) {
  const tr = c.get("tr");
  const command = html`<code>freetobehome panel link --name &lt;${tr.t("panel.yourName")}&gt; --role viewer</code>`;
  const platforms = c.get("signInWith") ?? [];
  const buttons = platforms.length
    ? html`<p>${tr.t("panelOAuth.intro")}</p><ul class="sign-in-with">${platforms.map(
        (p) =>
          html`<li><a class="button ${p}" href="/sign-in/${p}">${tr.t("panelOAuth.signInWith", { platform: PLATFORM_NAMES[p] })}</a></li>`,
      )}</ul>`
    : "";
  return html`${buttons}<p>${tHtml(tr, "panel.howTo", {}, { command })}</p>`;
}

/** The page a person not signed in gets for any page of the panel (with 401). */
export const signInPage = (c: PanelContext, message?: string) =>
  publicPage(
    c,
    c.get("tr").t("panel.signIn"),
    html`${message ? html`<p class="error" role="alert">${message}</p>` : ""}${howTo(c)}`,
  );

export function registerSignIn(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  options: { limiter: RateLimiter; clientAddress(c: unknown): string },
): void {
  app.get("/sign-in", (c) => {
    const tr = c.get("tr");
    const token = c.req.query("token") ?? "";
    if (!token) {
      const message = c.req.query("signed-out") === "1" ? tr.t("panel.signedOut") : undefined;
      return c.html(
        publicPage(
          c,
          tr.t("panel.signIn"),
          html`${message ? html`<p class="notice" role="status">${message}</p>` : ""}${howTo(c)}`,
        ).text,
      );
    }
    return c.html(
      publicPage(
        c,
        tr.t("panel.signIn"),
        html`<p>${tr.t("panel.linkIntro")}</p>
<form method="post" action="/sign-in"><input type="hidden" name="token" value="${token}">
<button type="submit">${tr.t("panel.signIn")}</button></form>`,
      ).text,
    );
  });

  app.post("/sign-in", async (c) => {
    if (!options.limiter.take(options.clientAddress(c))) {
      return c.html(signInPage(c, c.get("tr").t("panel.tooManySignIns")).text, 429);
    }
    const token = (await c.req.parseBody()).token;
    const session = typeof token === "string" ? await deps.staff.signIn(token) : undefined;
    if (!session) {
      return c.html(signInPage(c, c.get("tr").t("panel.linkSpent")).text, 401);
    }
    setCookie(
      c,
      SESSION_COOKIE,
      session.token,
      sessionCookie(session.expiresAt, deps.clock.now(), deps.secureCookies),
    );
    const next = returnPath(getCookie(c, NEXT_COOKIE));
    deleteCookie(c, NEXT_COOKIE, { path: "/", secure: deps.secureCookies });
    return c.redirect(next ?? "/today", 303);
  });
}

/** Sign-out is a change like any other: it needs the session and its CSRF token (checked before this). */
export function registerSignOut(app: Hono<PanelEnv>, deps: PanelDeps): void {
  app.post("/sign-out", async (c) => {
    await deps.staff.signOut(c.get("sessionToken"));
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: deps.secureCookies });
    return c.redirect("/sign-in?signed-out=1", 303);
  });
}
