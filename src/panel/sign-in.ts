/**
 * Signing in and out. A link from `freetobehome panel link` opens a page with a button: the link is used
 * only when the person presses it (a POST), so a chat app's link preview, which fetches the page, cannot
 * use it up. Attempts are rate-limited per address.
 */
import type { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { PanelDeps } from "./deps.ts";
import type { PanelEnv } from "./env.ts";
import { html } from "./html.ts";
import { publicPage } from "./layout.ts";
import { type RateLimiter, SESSION_COOKIE } from "./security.ts";

const HOW_TO = html`<p>Ask an admin of this bot for a sign-in link. On the bot's machine they run <code>freetobehome panel link --name &lt;your name&gt; --role viewer</code>; the link works once, for 15 minutes.</p>`;

/** The page a person not signed in gets for any page of the panel (with 401). */
export const signInPage = (message?: string) =>
  publicPage("Sign in", html`${message ? html`<p class="error" role="alert">${message}</p>` : ""}${HOW_TO}`);

export function registerSignIn(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  options: { limiter: RateLimiter; clientAddress(c: unknown): string },
): void {
  app.get("/sign-in", (c) => {
    const token = c.req.query("token") ?? "";
    if (!token) {
      const message = c.req.query("signed-out") === "1" ? "You are signed out." : undefined;
      return c.html(
        publicPage(
          "Sign in",
          html`${message ? html`<p class="notice" role="status">${message}</p>` : ""}${HOW_TO}`,
        ).text,
      );
    }
    return c.html(
      publicPage(
        "Sign in",
        html`<p>This link signs you in to the FreeToBeHome staff panel. It works once.</p>
<form method="post" action="/sign-in"><input type="hidden" name="token" value="${token}">
<button type="submit">Sign in</button></form>`,
      ).text,
    );
  });

  app.post("/sign-in", async (c) => {
    if (!options.limiter.take(options.clientAddress(c))) {
      return c.html(signInPage("Too many sign-in attempts from your address. Wait a few minutes.").text, 429);
    }
    const token = (await c.req.parseBody()).token;
    const session = typeof token === "string" ? await deps.staff.signIn(token) : undefined;
    if (!session) {
      return c.html(
        signInPage(
          "This link does not work: it was used already, it is older than 15 minutes, or it was revoked.",
        ).text,
        401,
      );
    }
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: deps.secureCookies,
      path: "/",
      expires: session.expiresAt,
    });
    return c.redirect("/today", 303);
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
