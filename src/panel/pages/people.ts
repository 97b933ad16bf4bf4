/** People (admins only): who may sign in, with which role; revoke someone. New people come from the CLI. */
import type { Hono } from "hono";
import type { StaffPerson } from "../../core/staff.ts";
import type { PanelDeps } from "../deps.ts";
import { may, noticeOf, type PanelContext, type PanelEnv, utcMinute } from "../env.ts";
import { html } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";

const when = (d: Date | undefined) => (d ? utcMinute(d) : "—");

function row(viewer: Viewer, p: StaffPerson) {
  const revocable = !p.revokedAt && p.id !== viewer.person.id;
  return html`<tr>
  <td data-label="Name">${p.name}</td>
  <td data-label="Role">${p.role}</td>
  <td data-label="Added">${when(p.createdAt)} <span class="muted">by ${p.createdBy}</span></td>
  <td data-label="Last sign-in">${when(p.lastSignInAt)}</td>
  <td data-label="State">${p.revokedAt ? html`<span class="badge down">revoked</span> <span class="muted">by ${p.revokedBy ?? "?"}</span>` : html`<span class="badge active">active</span>`}</td>
  <td>${
    revocable
      ? html`<form method="post" action="/people/${p.id}/revoke">${csrfField(viewer)}<button type="submit" class="danger" aria-label="Revoke ${p.name}">Revoke</button></form>`
      : ""
  }</td>
</tr>`;
}

export function registerPeople(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, what: string) => Response,
): void {
  app.get("/people", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "see the people list");
    const people = await deps.staff.people();
    const body = html`<p>To let someone in, run <code>freetobehome panel link --name &lt;who&gt; --role viewer|editor|admin</code> on the bot's machine: it prints a sign-in link that works once, for 15 minutes.</p>
<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Added</th><th scope="col">Last sign-in</th><th scope="col">State</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
<tbody>${people.map((p) => row(viewer, p))}</tbody></table></div>`;
    const notice = noticeOf(c);
    return c.html(
      page({ title: "People", section: "people", viewer, body, ...(notice ? { notice } : {}) }).text,
    );
  });
  app.post("/people/:id/revoke", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "revoke someone");
    await deps.staff.revoke(Number(c.req.param("id")), viewer.person);
    return c.redirect("/people?done=revoked", 303);
  });
}
