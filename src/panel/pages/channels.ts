/**
 * Channels: every subscription on every platform with its community, time, zone and state (and why it is
 * paused), its next and last post; admins pause and resume. Resuming is what /subscribe does for a paused
 * channel (same settings, active again from now), through the same repository port.
 */
import type { Hono } from "hono";
import type { DeliveryRow } from "../../core/delivery.ts";
import type { Subscription, SubscriptionState } from "../../core/ports/subscriptions.ts";
import { staffActor } from "../../core/staff.ts";
import { formatLocal, nextOccurrence } from "../../core/time.ts";
import { UserError } from "../../core/errors.ts";
import type { PanelDeps } from "../deps.ts";
import { may, noticeOf, type PanelContext, type PanelEnv, pageOf, pager } from "../env.ts";
import { Html, html } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";

const STATES: readonly SubscriptionState[] = ["active", "paused", "stopped"];

function action(viewer: Viewer, s: Subscription) {
  if (!may(viewer, "admin") || s.state === "stopped") return "";
  const verb = s.state === "active" ? "pause" : "resume";
  return html`<form method="post" action="/channels/${s.id}/${verb}">${csrfField(viewer)}
<button type="submit" class="secondary" aria-label="${verb === "pause" ? "Pause" : "Resume"} ${s.channel}">${verb === "pause" ? "Pause" : "Resume"}</button></form>`;
}

function row(viewer: Viewer, s: Subscription, now: Date, last: DeliveryRow | undefined) {
  const next =
    s.state === "active" ? nextOccurrence(now, s.postTime, s.timezone, s.plannedThrough).at : undefined;
  return html`<tr>
  <td data-label="Channel">${s.channel}<br><span class="muted">${s.community}</span></td>
  <td data-label="Campaign">${s.campaignId}</td>
  <td data-label="Time">${s.postTime} <span class="muted">${s.timezone}</span></td>
  <td data-label="State"><span class="badge ${s.state}">${s.state}</span>${s.pausedReason ? html`<br><span class="muted">${s.pausedReason}</span>` : ""}</td>
  <td data-label="Next post">${next ? formatLocal(next, s.timezone) : "—"}</td>
  <td data-label="Last post">${last ? `${last.localDate} ${last.state}${last.detail ? `: ${last.detail}` : ""}` : "—"}</td>
  <td>${action(viewer, s)}</td>
</tr>`;
}

export function registerChannels(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, what: string) => Response,
): void {
  app.get("/channels", async (c) => {
    const viewer = c.get("viewer");
    const q = (c.req.query("q") ?? "").trim().toLowerCase().slice(0, 200);
    const state = STATES.find((s) => s === c.req.query("state"));
    const all = await deps.subscriptions.list();
    const found = all.filter(
      (s) =>
        (!state || s.state === state) &&
        (!q || s.channel.toLowerCase().includes(q) || s.community.toLowerCase().includes(q)),
    );
    const shown = pageOf(found, c.req.query("page"));
    const latest = await deps.deliveries.latestBySubscription();
    const now = deps.clock.now();
    const body = html`<form class="filters" method="get" action="/channels" role="search">
  <label>Channel or community <input type="search" name="q" value="${q}"></label>
  <label>State <select name="state"><option value="">Any</option>${STATES.map(
    (s) => html`<option value="${s}"${s === state ? new Html(" selected") : ""}>${s}</option>`,
  )}</select></label>
  <button type="submit">Filter</button>
</form>
${
  found.length === 0
    ? html`<p>No subscription matches.</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">Channel</th><th scope="col">Campaign</th><th scope="col">Time</th><th scope="col">State</th><th scope="col">Next post</th><th scope="col">Last post</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
<tbody>${shown.items.map((s) => row(viewer, s, now, latest.get(s.id)))}</tbody></table></div>
${pager(c, shown, found.length, "subscriptions")}`
}`;
    const notice = noticeOf(c);
    return c.html(
      page({ title: "Channels", section: "channels", viewer, body, ...(notice ? { notice } : {}) }).text,
    );
  });

  async function find(c: PanelContext): Promise<Subscription> {
    const id = Number(c.req.param("id"));
    const found = (await deps.subscriptions.list()).find((s) => s.id === id);
    if (!found) throw new UserError("No such subscription.", "NOT_SUBSCRIBED");
    return found;
  }

  app.post("/channels/:id/pause", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "pause a channel");
    const s = await find(c);
    const paused = await deps.subscriptions.pause(s.channel, {
      reason: `paused in the staff panel by ${viewer.person.name}`,
      actor: staffActor(viewer.person),
    });
    if (!paused)
      throw new UserError("Only an active subscription can be paused; nothing changed.", "INVALID_ARGUMENTS");
    return c.redirect("/channels?done=paused", 303);
  });

  app.post("/channels/:id/resume", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "resume a channel");
    const s = await find(c);
    if (s.state !== "paused")
      throw new UserError("Only a paused subscription can be resumed; nothing changed.", "INVALID_ARGUMENTS");
    await deps.subscriptions.upsert({
      channel: s.channel,
      community: s.community,
      campaignId: s.campaignId,
      postTime: s.postTime,
      timezone: s.timezone,
      actor: staffActor(viewer.person),
      at: deps.clock.now(),
    });
    return c.redirect("/channels?done=resumed", 303);
  });
}
