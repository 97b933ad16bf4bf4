/**
 * Today: what every subscribed channel posts today and when, in its own zone. The family comes from the
 * featured service (the same answer as /today: a spotlight if one stands, else the rotation) and the time
 * from the spotlight rules the delivery planner follows; nothing is worked out again here.
 */
import type { Hono } from "hono";
import type { DeliveryRow } from "../../core/delivery.ts";
import type { Subscription } from "../../core/ports/subscriptions.ts";
import { spotlightPostTime } from "../../core/spotlight-rules.ts";
import { instantOf, localDateOf } from "../../core/time.ts";
import type { PanelDeps } from "../deps.ts";
import { type PanelEnv, pageOf, pager } from "../env.ts";
import { html } from "../html.ts";
import { tHtml } from "../i18n.ts";
import { page } from "../layout.ts";
import type { Translator } from "../../core/i18n/translator.ts";

async function row(
  tr: Translator,
  deps: PanelDeps,
  subscription: Subscription,
  latest: Map<number, DeliveryRow>,
) {
  // A paused channel posts nothing: no family is decided for it here.
  const family =
    subscription.state === "active"
      ? await deps.featured.forChannel(subscription.channel, subscription.community)
      : undefined;
  const localDate = family?.localDate ?? localDateOf(deps.clock.now(), subscription.timezone);
  const when = family?.spotlight
    ? spotlightPostTime(family.spotlight, subscription, deps.defaults.postTime)
    : { time: subscription.postTime, timezone: subscription.timezone };
  const last = latest.get(subscription.id);
  const today = last?.localDate === localDate ? last : undefined;
  return html`<tr>
    <td data-label="${tr.t("panel.channel")}">${subscription.channel}<br><span class="muted">${subscription.community}</span></td>
    <td data-label="${tr.t("panel.postsAt")}">${when.time} <span class="muted">${when.timezone}</span><br><span class="muted">${tr.date(localDate)}</span></td>
    <td data-label="${tr.t("panel.family")}">${
      subscription.state === "paused"
        ? html`<span class="muted">${tr.t("panel.nothingWhilePaused")}</span>`
        : family
          ? html`<a href="/profiles/${encodeURIComponent(family.profile.profile.id)}">${family.profile.profile.displayName}</a>`
          : html`<span class="muted">${tr.t("panel.nothingToPost")}</span>`
    }</td>
    <td data-label="${tr.t("panel.chosenBy")}">${
      subscription.state === "paused"
        ? ""
        : family?.source === "spotlight"
          ? html`<span class="badge spotlight">${tr.t("panel.spotlight")}</span>`
          : family
            ? html`<span class="badge">${tr.t("panel.rotation")}</span>`
            : ""
    }</td>
    <td data-label="${tr.t("panel.todaysPost")}">${
      subscription.state === "paused"
        ? html`<span class="badge paused">${tr.t("panel.subscriptionState", { state: "paused" })}</span>`
        : today
          ? html`<span class="badge ${today.state}">${tr.t("panel.deliveryState", { state: today.state })}</span>`
          : html`<span class="muted">${tr.t("panel.notYet")}</span>`
    }</td>
  </tr>`;
}

export function registerToday(app: Hono<PanelEnv>, deps: PanelDeps): void {
  app.get("/today", async (c) => {
    const tr = c.get("tr");
    const now = deps.clock.now();
    const subscriptions = (await deps.subscriptions.list()).filter((s) => s.state !== "stopped");
    // In the order the posts go out today, each at its own local time.
    const dueAt = (s: Subscription) =>
      instantOf(localDateOf(now, s.timezone), s.postTime, s.timezone).getTime();
    const ordered = [...subscriptions].sort((a, b) => dueAt(a) - dueAt(b));
    const shown = pageOf(ordered, c.req.query("page"));
    const latest = await deps.deliveries.latestBySubscription();
    const rows = await Promise.all(shown.items.map((s) => row(tr, deps, s, latest)));
    const body =
      subscriptions.length === 0
        ? html`<p>${tHtml(tr, "panel.noChannels", {}, { command: html`<code>/subscribe</code>` })}</p>`
        : html`<p class="muted">${tr.t("panel.ownZone")}</p>
<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("panel.postsAt")}</th><th scope="col">${tr.t("panel.family")}</th><th scope="col">${tr.t("panel.chosenBy")}</th><th scope="col">${tr.t("panel.todaysPost")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${pager(c, shown, subscriptions.length, "panel.pagerChannels")}`;
    return c.html(page(c, { title: tr.t("panel.navToday"), section: "today", body }).text);
  });
}
