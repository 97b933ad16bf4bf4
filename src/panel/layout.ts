/** The page shell every panel page shares: title, navigation by role, sign-out, and a notice line. */
import type { StaffPerson } from "../core/staff.ts";
import { Html, html, type HtmlPart } from "./html.ts";
import { CSRF_FIELD } from "./security.ts";

export type Section = "today" | "profiles" | "channels" | "people";

const SECTIONS: ReadonlyArray<{ id: Section; label: string; href: string; adminOnly?: true }> = [
  { id: "today", label: "Today", href: "/today" },
  { id: "profiles", label: "Profiles", href: "/profiles" },
  { id: "channels", label: "Channels", href: "/channels" },
  { id: "people", label: "People", href: "/people", adminOnly: true },
];

export interface Viewer {
  person: StaffPerson;
  csrf: string;
}

/** A hidden field with the session's CSRF token: every form that changes something carries it. */
export const csrfField = (viewer: Viewer) =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrf}">`;

function document(title: string, body: HtmlPart): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · FreeToBeHome staff</title>
<link rel="stylesheet" href="/assets/panel.css">
</head>
<body>
${body}
</body>
</html>`;
}

export function page(input: {
  title: string;
  viewer: Viewer;
  section?: Section;
  notice?: string;
  body: HtmlPart;
}): Html {
  const { viewer } = input;
  const links = SECTIONS.filter((s) => !s.adminOnly || viewer.person.role === "admin").map(
    (s) =>
      html`<li><a href="${s.href}"${s.id === input.section ? new Html(' aria-current="page"') : ""}>${s.label}</a></li>`,
  );
  return document(
    input.title,
    html`<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">FreeToBeHome staff</span>
  <nav aria-label="Sections"><ul>${links}</ul></nav>
  <form method="post" action="/sign-out" class="who">
    ${csrfField(viewer)}
    <span>${viewer.person.name} <span class="role">(${viewer.person.role})</span></span>
    <button type="submit">Sign out</button>
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
export function publicPage(title: string, body: HtmlPart): Html {
  return document(title, html`<main id="main" class="narrow"><h1>${title}</h1>${body}</main>`);
}
