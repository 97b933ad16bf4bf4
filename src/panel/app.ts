/**
 * The staff panel as a Hono app: security headers and a rate limit on every answer, sign-in, then a
 * session for everything else (pages answer 401 with the sign-in page, data with 401 JSON), a CSRF token
 * on every change (403 without), roles per action, and errors shown without internals.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { UserError } from "../core/errors.ts";
import { UPLOAD_LIMITS } from "../services/catalog-import.ts";
import { PANEL_CSS, uplotAssets } from "./assets.ts";
import { DELIVERY_CHARTS_JS } from "./chart-script.ts";
import type { PanelDeps } from "./deps.ts";
import type { PanelContext, PanelEnv } from "./env.ts";
import { html } from "./html.ts";
import { chosenLanguage, LANG_COOKIE, panelTranslator, tHtml } from "./i18n.ts";
import { page, publicPage } from "./layout.ts";
import { registerChannelOptions } from "./pages/channel-options.ts";
import { registerChannels } from "./pages/channels.ts";
import { registerDeliveries } from "./pages/deliveries.ts";
import { megabytes, registerImport } from "./pages/import.ts";
import { registerPeople } from "./pages/people.ts";
import { registerProfile } from "./pages/profile.ts";
import { registerProfiles } from "./pages/profiles.ts";
import { registerSpotlights } from "./pages/spotlights.ts";
import { registerToday } from "./pages/today.ts";
import {
  CSRF_FIELD,
  csrfTokenFor,
  csrfValid,
  RateLimiter,
  SECURITY_HEADERS,
  NEXT_COOKIE,
  returnPath,
  SESSION_COOKIE,
} from "./security.ts";
import { registerOAuthSignIn } from "./oauth.ts";
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
  const lists = ["/people", "/channels", "/spotlights", "/import"];
  return lists.find((list) => path.startsWith(list)) ?? "/today";
}

const wantsPage = (c: PanelContext) => c.req.method === "GET" && !c.req.path.startsWith("/api/");

/** Each refusal is its own sentence: "Your role (viewer) may not … Nothing changed." */
export type Refusal =
  | "panel.mayNotTakeDown"
  | "panel.mayNotRestore"
  | "panel.mayNotPause"
  | "panel.mayNotResume"
  | "panel.mayNotSeePeople"
  | "panel.mayNotRevoke"
  | "panelOptions.mayNotChange"
  | "panelImport.mayNotImport"
  | "panelImport.mayNotVerify"
  | "panelCalendar.mayNotSchedule";

function refuse(c: PanelContext, refusal: Refusal): Response {
  const tr = c.get("tr");
  const role = tr.t("panel.role", { role: c.get("viewer").person.role });
  const body = html`<p class="error" role="alert">${tr.t(refusal, { role })}</p>`;
  return c.html(page(c, { title: tr.t("panel.notAllowedTitle"), body }).text, 403);
}

export function createPanelApp(deps: PanelDeps, options: PanelOptions): Hono<PanelEnv> {
  const app = new Hono<PanelEnv>();
  const signIns = new RateLimiter(options.signInLimit?.limit ?? 10, options.signInLimit?.windowMs ?? 600_000);
  const requests = new RateLimiter(
    options.requestLimit?.limit ?? 600,
    options.requestLimit?.windowMs ?? 60_000,
  );

  app.use("*", async (c, next) => {
    const url = new URL(c.req.url);
    const asked = url.searchParams.get("lang");
    url.searchParams.delete("lang");
    c.set("here", `${url.pathname}${url.search}`);
    c.set("signInWith", deps.oauth?.providers.map((p) => p.platform) ?? []);
    c.set(
      "tr",
      panelTranslator(getCookie(c, LANG_COOKIE), c.req.header("accept-language"), deps.defaults.language),
    );
    if (!requests.take(options.clientAddress(c))) {
      c.res = c.text(c.get("tr").t("panel.tooManyRequests"), 429);
    } else if (asked !== null && c.req.method === "GET") {
      // The language picker: remember a known language (a year) and show the same page without `?lang=`.
      const tag = chosenLanguage(asked);
      if (tag) {
        setCookie(c, LANG_COOKIE, tag, {
          path: "/",
          sameSite: "Lax",
          httpOnly: true,
          secure: deps.secureCookies,
          maxAge: 365 * 24 * 3600,
        });
      }
      c.res = c.redirect(c.get("here"), 303);
    } else {
      await next();
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  // Forms are small; only the Import page's upload may be larger, up to the limit it names.
  const formLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.text(c.get("tr").t("panel.tooLarge"), 413),
  });
  const uploadLimit = bodyLimit({
    maxSize: UPLOAD_LIMITS.requestBytes,
    onError: (c) => {
      const tr = c.get("tr");
      const message = tr.t("panelImport.tooLarge", { megabytes: megabytes(UPLOAD_LIMITS.requestBytes) });
      const body = html`<p class="error" role="alert">${message}</p><p><a href="/import">${tr.t("panel.back")}</a></p>`;
      return c.html(publicPage(c, tr.t("panelImport.refusedTitle"), body).text, 413);
    },
  });
  app.use("*", (c, next) =>
    c.req.method === "POST" && c.req.path === "/import" ? uploadLimit(c, next) : formLimit(c, next),
  );
  // Browsers ask for an icon on their own; the panel has none, and says so without a sign-in page.
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.get("/assets/panel.css", (c) => c.body(PANEL_CSS, 200, { "content-type": "text/css; charset=utf-8" }));
  const script = { "content-type": "text/javascript; charset=utf-8" };
  app.get("/assets/uplot.js", (c) => c.body(uplotAssets().js, 200, script));
  app.get("/assets/uplot.css", (c) =>
    c.body(uplotAssets().css, 200, { "content-type": "text/css; charset=utf-8" }),
  );
  app.get("/assets/delivery-charts.js", (c) => c.body(DELIVERY_CHARTS_JS, 200, script));
  registerSignIn(app, deps, { limiter: signIns, clientAddress: options.clientAddress });
  registerOAuthSignIn(app, deps, { limiter: signIns, clientAddress: options.clientAddress });

  // Everything below needs a session.
  app.use("*", async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const person = token ? await deps.staff.authenticate(token) : undefined;
    if (!token || !person) {
      if (!wantsPage(c)) return c.json({ error: "sign in first" }, 401);
      // Remember the page, so that signing in (with a link opened later) comes back to it.
      if (returnPath(c.get("here")))
        setCookie(c, NEXT_COOKIE, c.get("here"), {
          httpOnly: true,
          sameSite: "Lax",
          secure: deps.secureCookies,
          path: "/",
          maxAge: 30 * 60,
        });
      return c.html(signInPage(c).text, 401);
    }
    c.set("sessionToken", token);
    c.set("viewer", { person, csrf: csrfTokenFor(token) });
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const body = await c.req.parseBody();
      if (!csrfValid(token, body[CSRF_FIELD])) {
        const tr = c.get("tr");
        return c.html(
          publicPage(
            c,
            tr.t("panel.refusedTitle"),
            html`<p class="error" role="alert">${tr.t("panel.csrfRefused")}</p>`,
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
  registerImport(app, deps, refuse);
  registerChannels(app, deps, refuse);
  registerChannelOptions(app, deps, refuse);
  registerSpotlights(app, deps, refuse);
  registerDeliveries(app, deps);
  registerPeople(app, deps, refuse);

  app.notFound((c) => {
    const tr = c.get("tr");
    const link = html`<a href="/today">${tr.t("panel.backToToday")}</a>`;
    const body = html`<p>${tHtml(tr, "panel.notFound", {}, { link })}</p>`;
    const title = tr.t("panel.notFoundTitle");
    return c.html(c.get("viewer") ? page(c, { title, body }).text : publicPage(c, title, body).text, 404);
  });
  app.onError((err, c) => {
    const tr = c.get("tr") ?? panelTranslator(undefined, undefined, deps.defaults.language);
    if (err instanceof UserError && c.get("viewer")) {
      const message = err.text ? tr.t(err.text.key, err.text.values) : err.message;
      const body = html`<p class="error" role="alert">${message}</p><p><a href="${backFrom(c.req.path)}">${tr.t("panel.back")}</a></p>`;
      return c.html(page(c, { title: tr.t("panel.nothingChangedTitle"), body }).text, 400);
    }
    deps.logger.error({ err, path: c.req.path }, "panel request failed");
    if (!c.get("tr")) c.set("tr", tr);
    if (!c.get("here")) c.set("here", "/today");
    return c.html(publicPage(c, tr.t("panel.errorTitle"), html`<p>${tr.t("panel.error")}</p>`).text, 500);
  });
  return app;
}
