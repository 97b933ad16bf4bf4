/**
 * The page shell every panel page shares: title, navigation by role, the language picker, sign-out, and a
 * notice line, in the staff member's language (`<html lang dir>` too).
 */
import type { MessageKey, Translator } from "../core/i18n/translator.ts";
import { USER_LANGUAGES } from "../core/i18n/languages.ts";
import type { StaffPerson } from "../core/staff.ts";
import type { PanelContext } from "./env.ts";
import { Html, html, type HtmlPart } from "./html.ts";
import { CSRF_FIELD } from "./security.ts";

export type Section = "today" | "profiles" | "import" | "spotlights" | "channels" | "deliveries" | "people";

const SECTIONS: ReadonlyArray<{ id: Section; label: MessageKey; href: string; adminOnly?: true }> = [
  { id: "today", label: "panel.navToday", href: "/today" },
  { id: "profiles", label: "panel.navProfiles", href: "/profiles" },
  { id: "spotlights", label: "panelCalendar.nav", href: "/spotlights" },
  { id: "import", label: "panelImport.nav", href: "/import" },
  { id: "channels", label: "panel.navChannels", href: "/channels" },
  { id: "deliveries", label: "deliveryLog.nav", href: "/deliveries" },
  { id: "people", label: "panel.navPeople", href: "/people", adminOnly: true },
];

export interface Viewer {
  person: StaffPerson;
  csrf: string;
}

/** A hidden field with the session's CSRF token: every form that changes something carries it. */
export const csrfField = (viewer: Viewer) =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrf}">`;

/** This page with `?lang=` set (other query parameters kept): opening it sets the cookie (app.ts). */
function languageLink(here: string, tag: string): string {
  const url = new URL(here, "http://panel.invalid");
  url.searchParams.set("lang", tag);
  return `${url.pathname}${url.search}`;
}

/** Every language by its own name, as links; the current one marked. */
function picker(tr: Translator, here: string): Html {
  return html`<nav class="languages" aria-label="${tr.t("panel.language")}"><ul>${USER_LANGUAGES.map(
    (l) =>
      html`<li><a href="${languageLink(here, l.tag)}" lang="${l.tag}" hreflang="${l.tag}" dir="${l.direction}"${
        l.tag === tr.language.tag ? new Html(' aria-current="true"') : ""
      }>${l.native}</a></li>`,
  )}</ul></nav>`;
}

function document(c: PanelContext, title: string, body: HtmlPart): Html {
  const tr = c.get("tr");
  return html`<!doctype html>
<html lang="${tr.language.tag}" dir="${tr.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tr.t("panel.documentTitle", { title })}</title>
<link rel="stylesheet" href="/assets/panel.css">
</head>
<body>
${body}
${picker(tr, c.get("here"))}
</body>
</html>`;
}

export function page(
  c: PanelContext,
  input: { title: string; section?: Section; notice?: string; body: HtmlPart },
): Html {
  const viewer = c.get("viewer");
  const tr = c.get("tr");
  const links = SECTIONS.filter((s) => !s.adminOnly || viewer.person.role === "admin").map(
    (s) =>
      html`<li><a href="${s.href}"${s.id === input.section ? new Html(' aria-current="page"') : ""}>${tr.t(s.label)}</a></li>`,
  );
  return document(
    c,
    input.title,
    html`<a class="skip" href="#main">${tr.t("panel.skip")}</a>
<header class="top">
  <span class="brand">${tr.t("panel.brand")}</span>
  <nav aria-label="${tr.t("panel.sections")}"><ul>${links}</ul></nav>
  <form method="post" action="/sign-out" class="who">
    ${csrfField(viewer)}
    <span>${viewer.person.name} <span class="role">(${tr.t("panel.role", { role: viewer.person.role })})</span></span>
    <button type="submit">${tr.t("panel.signOut")}</button>
  </form>
</header>
<main id="main" tabindex="-1">
  <h1>${input.title}</h1>
  ${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ""}
  ${input.body}
</main>`,
  );
}

/** A page for someone not signed in: no navigation, nothing from the catalog. */
export function publicPage(c: PanelContext, title: string, body: HtmlPart): Html {
  return document(c, title, html`<main id="main" class="narrow"><h1>${title}</h1>${body}</main>`);
}
