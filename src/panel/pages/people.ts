/** People (admins only): who may sign in, with which role; revoke someone. New people come from the CLI. */
import type { Hono } from "hono";
import type { StaffPerson } from "../../core/staff.ts";
import type { PanelDeps } from "../deps.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { Refusal } from "../app.ts";
import { may, noticeOf, type PanelContext, type PanelEnv } from "../env.ts";
import { html } from "../html.ts";
import { tHtml, utcMinute } from "../i18n.ts";
import { csrfField, page, type Viewer } from "../layout.ts";

const PLATFORM_NAMES = { discord: "Discord", slack: "Slack" } as const;
const when = (tr: Translator, d: Date | undefined) => (d ? utcMinute(tr, d) : "—");

function row(tr: Translator, viewer: Viewer, p: StaffPerson) {
  const revocable = !p.revokedAt && p.id !== viewer.person.id;
  return html`<tr>
  <td data-label="${tr.t("panel.name")}">${p.name}</td>
  <td data-label="${tr.t("panelOAuth.signsInWith")}">${p.platform ? PLATFORM_NAMES[p.platform] : tr.t("panelOAuth.withLink")}</td>
  <td data-label="${tr.t("panel.roleHeader")}">${tr.t("panel.role", { role: p.role })}</td>
  <td data-label="${tr.t("panel.added")}">${when(tr, p.createdAt)} <span class="muted">${tr.t("panel.byName", { name: p.createdBy })}</span></td>
  <td data-label="${tr.t("panel.lastSignIn")}">${when(tr, p.lastSignInAt)}</td>
  <td data-label="${tr.t("panel.state")}">${p.revokedAt ? html`<span class="badge down">${tr.t("panel.revoked")}</span> <span class="muted">${tr.t("panel.byName", { name: p.revokedBy ?? "?" })}</span>` : html`<span class="badge active">${tr.t("panel.active")}</span>`}</td>
  <td>${
    revocable
      ? html`<form method="post" action="/people/${p.id}/revoke">${csrfField(viewer)}<button type="submit" class="danger" aria-label="${tr.t("panel.revokeName", { name: p.name })}">${tr.t("panel.revoke")}</button></form>`
      : ""
  }</td>
</tr>`;
}

export function registerPeople(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  app.get("/people", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "panel.mayNotSeePeople");
    const tr = c.get("tr");
    const people = await deps.staff.people();
    const command = html`<code>freetobehome panel link --name &lt;${tr.t("panel.who")}&gt; --role viewer|editor|admin</code>`;
    const oauthNote = deps.oauth?.providers.length
      ? html`<p>${tr.t("panelOAuth.peopleNote", { role: tr.t("panel.role", { role: deps.oauth.role }) })}</p>`
      : "";
    const body = html`<p>${tHtml(tr, "panel.peopleIntro", {}, { command })}</p>${oauthNote}
<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.name")}</th><th scope="col">${tr.t("panelOAuth.signsInWith")}</th><th scope="col">${tr.t("panel.roleHeader")}</th><th scope="col">${tr.t("panel.added")}</th><th scope="col">${tr.t("panel.lastSignIn")}</th><th scope="col">${tr.t("panel.state")}</th><th scope="col"><span class="muted">${tr.t("panel.action")}</span></th></tr></thead>
<tbody>${people.map((p) => row(tr, viewer, p))}</tbody></table></div>`;
    const notice = noticeOf(c);
    return c.html(
      page(c, { title: tr.t("panel.navPeople"), section: "people", body, ...(notice ? { notice } : {}) })
        .text,
    );
  });
  app.post("/people/:id/revoke", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "panel.mayNotRevoke");
    await deps.staff.revoke(Number(c.req.param("id")), viewer.person);
    return c.redirect("/people?done=revoked", 303);
  });
}
