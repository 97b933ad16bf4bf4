/**
 * The staff panel as a Hono app: security headers and a rate limit on every answer, sign-in, then a
 * session for everything else (pages answer 401 with the sign-in page, data with 401 JSON), a CSRF token
 * on every change (403 without), roles per action, and errors shown without internals.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { UserError } from "../core/errors.ts";
import { PANEL_CSS } from "./assets.ts";
import type { PanelDeps } from "./deps.ts";
import type { PanelContext, PanelEnv } from "./env.ts";
import { html } from "./html.ts";
import { page, publicPage } from "./layout.ts";
import { registerChannels } from "./pages/channels.ts";
import { registerPeople } from "./pages/people.ts";
import { registerProfile } from "./pages/profile.ts";
import { registerProfiles } from "./pages/profiles.ts";
import { registerToday } from "./pages/today.ts";
import {
  CSRF_FIELD,
  csrfTokenFor,
  csrfValid,
  RateLimiter,
  SECURITY_HEADERS,
  SESSION_COOKIE,
} from "./security.ts";
import { registerSignIn, registerSignOut, signInPage } from "./sign-in.ts";

export interface PanelOptions {
  /** The client's address, for the rate limits (the server adapter knows it). */
  clientAddress(c: unknown): string;
  /** Sign-in attempts per address per window. Default: 10 per 10 minutes. */
  signInLimit?: { limit: number; windowMs: number };
  /** Requests per address per window. Default: 600 per minute. */
  requestLimit?: { limit: number; windowMs: number };
}

const MAX_BODY_BYTES = 64 * 1024;

/** The page a refused change came from: the profile, or the list of channels or people. */
function backFrom(path: string): string {
  const profile = /^\/profiles\/[^/]+/.exec(path)?.[0];
  if (profile) return profile;
  return path.startsWith("/people") ? "/people" : path.startsWith("/channels") ? "/channels" : "/today";
}

const wantsPage = (c: PanelContext) => c.req.method === "GET" && !c.req.path.startsWith("/api/");

function refuse(c: PanelContext, what: string): Response {
  const viewer = c.get("viewer");
  const body = html`<p class="error" role="alert">Your role (${viewer.person.role}) may not ${what}. Nothing changed.</p>`;
  return c.html(page({ title: "Not allowed", viewer, body }).text, 403);
}

export function createPanelApp(deps: PanelDeps, options: PanelOptions): Hono<PanelEnv> {
  const app = new Hono<PanelEnv>();
  const signIns = new RateLimiter(options.signInLimit?.limit ?? 10, options.signInLimit?.windowMs ?? 600_000);
  const requests = new RateLimiter(
    options.requestLimit?.limit ?? 600,
    options.requestLimit?.windowMs ?? 60_000,
  );

  app.use("*", async (c, next) => {
    if (!requests.take(options.clientAddress(c))) {
      c.res = c.text("Too many requests: wait a minute.", 429);
    } else {
      await next();
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  app.use("*", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text("Request too large.", 413) }));
  app.get("/assets/panel.css", (c) => c.body(PANEL_CSS, 200, { "content-type": "text/css; charset=utf-8" }));
  registerSignIn(app, deps, { limiter: signIns, clientAddress: options.clientAddress });

  // Everything below needs a session.
  app.use("*", async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const person = token ? await deps.staff.authenticate(token) : undefined;
    if (!token || !person) {
      return wantsPage(c) ? c.html(signInPage().text, 401) : c.json({ error: "sign in first" }, 401);
    }
    c.set("sessionToken", token);
    c.set("viewer", { person, csrf: csrfTokenFor(token) });
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const body = await c.req.parseBody();
      if (!csrfValid(token, body[CSRF_FIELD])) {
        return c.html(
          publicPage(
            "Refused",
            html`<p class="error" role="alert">This form is out of date or did not come from the panel (no valid CSRF token). Nothing changed. Go back, reload the page and try again.</p>`,
          ).text,
          403,
        );
      }
    }
    return next();
  });

  registerSignOut(app, deps);
  app.get("/", (c) => c.redirect("/today", 303));
  app.get("/api/me", (c) => {
    const { person } = c.get("viewer");
    return c.json({ name: person.name, role: person.role });
  });
  registerToday(app, deps);
  registerProfiles(app, deps);
  registerProfile(app, deps, refuse);
  registerChannels(app, deps, refuse);
  registerPeople(app, deps, refuse);

  app.notFound((c) => {
    const viewer = c.get("viewer");
    const body = html`<p>There is no such page. <a href="/today">Back to Today</a>.</p>`;
    return c.html(
      viewer ? page({ title: "Not found", viewer, body }).text : publicPage("Not found", body).text,
      404,
    );
  });
  app.onError((err, c) => {
    const viewer = c.get("viewer");
    if (err instanceof UserError && viewer) {
      const body = html`<p class="error" role="alert">${err.message}</p><p><a href="${backFrom(c.req.path)}">Back</a></p>`;
      return c.html(page({ title: "Nothing changed", viewer, body }).text, 400);
    }
    deps.logger.error({ err, path: c.req.path }, "panel request failed");
    return c.html(
      publicPage("Something went wrong", html`<p>Something went wrong; it is logged. Try again.</p>`).text,
      500,
    );
  });
  return app;
}
