/**
 * Channels: every subscription on every platform with its community, time, zone and state (and why it is
 * paused), its next and last post; admins pause and resume. Resuming is what /subscribe does for a paused
 * channel (same settings, active again from now), through the same repository port.
 */
import type { Hono } from "hono";
import type { DeliveryRow } from "../../core/delivery.ts";
import type { Subscription, SubscriptionState } from "../../core/ports/subscriptions.ts";
import { staffActor } from "../../core/staff.ts";
import { nextOccurrence } from "../../core/time.ts";
import { localDateTime } from "../../core/i18n/local-time.ts";
import { UserError } from "../../core/errors.ts";
import type { PanelDeps } from "../deps.ts";
import { postOptionsSummary, subscriptionOfPath } from "./channel-options.ts";
import { may, noticeOf, type PanelContext, type PanelEnv, pageFrom, pager } from "../env.ts";
import type { Refusal } from "../app.ts";
import { Html, html } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";
import type { Translator } from "../../core/i18n/translator.ts";

const STATES: readonly SubscriptionState[] = ["active", "paused", "stopped"];

function action(tr: Translator, viewer: Viewer, s: Subscription) {
  if (!may(viewer, "admin") || s.state === "stopped") return "";
  const verb = s.state === "active" ? "pause" : "resume";
  const label = tr.t(verb === "pause" ? "panel.pauseChannel" : "panel.resumeChannel", { channel: s.channel });
  return html`<form method="post" action="/channels/${s.id}/${verb}">${csrfField(viewer)}
<button type="submit" class="secondary" aria-label="${label}">${tr.t(verb === "pause" ? "panel.pause" : "panel.resume")}</button></form>`;
}

/** The post options in a line, and for admins a link to change them. */
function optionsCell(tr: Translator, viewer: Viewer, s: Subscription) {
  const summary = postOptionsSummary(tr, s);
  const line = summary ? html`<br><span class="muted">${summary}</span>` : "";
  if (!may(viewer, "admin") || !summary) return line;
  const label = tr.t("panelOptions.edit", { channel: s.channel });
  return html`${line}<br><a href="/channels/${s.id}/options" aria-label="${label}">${tr.t("panelOptions.title")}</a>`;
}

function lastPost(tr: Translator, last: DeliveryRow | undefined): string {
  if (!last) return "—";
  const values = { date: tr.date(last.localDate), state: tr.t("panel.deliveryState", { state: last.state }) };
  return last.detail
    ? tr.t("panel.lastPostDetail", { ...values, detail: last.detail })
    : tr.t("panel.lastPostValue", values);
}

function row(tr: Translator, viewer: Viewer, s: Subscription, now: Date, last: DeliveryRow | undefined) {
  const next =
    s.state === "active" ? nextOccurrence(now, s.postTime, s.timezone, s.plannedThrough).at : undefined;
  return html`<tr>
  <td data-label="${tr.t("panel.channel")}">${s.channel}<br><span class="muted">${s.community}</span></td>
  <td data-label="${tr.t("panel.campaign")}">${s.campaignId}</td>
  <td data-label="${tr.t("panel.time")}">${s.postTime} <span class="muted">${s.timezone}</span></td>
  <td data-label="${tr.t("panel.state")}"><span class="badge ${s.state}">${tr.t("panel.subscriptionState", { state: s.state })}</span>${s.pausedReason ? html`<br><span class="muted">${s.pausedReason}</span>` : ""}</td>
  <td data-label="${tr.t("panel.options")}">${tr.t("panel.subscriptionOptions", { anniversaries: s.anniversaries ? "on" : "off", updates: s.updates === false ? "off" : "on" })}${optionsCell(tr, viewer, s)}</td>
  <td data-label="${tr.t("panel.nextPost")}">${next ? localDateTime(tr, next, s.timezone) : "—"}</td>
  <td data-label="${tr.t("panel.lastPost")}">${lastPost(tr, last)}</td>
  <td>${action(tr, viewer, s)}</td>
</tr>`;
}

export function registerChannels(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  app.get("/channels", async (c) => {
    const viewer = c.get("viewer");
    const tr = c.get("tr");
    const q = (c.req.query("q") ?? "").trim().toLowerCase().slice(0, 200);
    const state = STATES.find((s) => s === c.req.query("state"));
    const filter = { ...(q ? { search: q } : {}), ...(state ? { state } : {}) };
    const shown = await pageFrom(c.req.query("page"), (at) => deps.subscriptions.page(filter, at));
    const latest = await deps.deliveries.latestBySubscription(shown.items.map((s) => s.id));
    const now = deps.clock.now();
    const body = html`<form class="filters" method="get" action="/channels" role="search">
  <label>${tr.t("panel.channelOrCommunity")} <input type="search" name="q" value="${q}"></label>
  <label>${tr.t("panel.state")} <select name="state"><option value="">${tr.t("panel.any")}</option>${STATES.map(
    (s) =>
      html`<option value="${s}"${s === state ? new Html(" selected") : ""}>${tr.t("panel.subscriptionState", { state: s })}</option>`,
  )}</select></label>
  <button type="submit">${tr.t("panel.filter")}</button>
</form>
${
  shown.total === 0
    ? html`<p>${tr.t("panel.noSubscription")}</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("panel.campaign")}</th><th scope="col">${tr.t("panel.time")}</th><th scope="col">${tr.t("panel.state")}</th><th scope="col">${tr.t("panel.options")}</th><th scope="col">${tr.t("panel.nextPost")}</th><th scope="col">${tr.t("panel.lastPost")}</th><th scope="col"><span class="muted">${tr.t("panel.action")}</span></th></tr></thead>
<tbody>${shown.items.map((s) => row(tr, viewer, s, now, latest.get(s.id)))}</tbody></table></div>
${pager(c, shown, shown.total, "panel.pagerSubscriptions")}`
}`;
    const notice = noticeOf(c);
    return c.html(
      page(c, { title: tr.t("panel.navChannels"), section: "channels", body, ...(notice ? { notice } : {}) })
        .text,
    );
  });

  const find = (c: PanelContext) => subscriptionOfPath(deps, c);

  app.post("/channels/:id/pause", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "panel.mayNotPause");
    const s = await find(c);
    const paused = await deps.subscriptions.pause(s.channel, {
      reason: `paused in the staff panel by ${viewer.person.name}`,
      actor: staffActor(viewer.person),
    });
    if (!paused) throw new UserError({ key: "panel.onlyActivePaused" }, "INVALID_ARGUMENTS");
    return c.redirect("/channels?done=paused", 303);
  });

  app.post("/channels/:id/resume", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "panel.mayNotResume");
    const s = await find(c);
    if (s.state !== "paused") throw new UserError({ key: "panel.onlyPausedResumed" }, "INVALID_ARGUMENTS");
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
