/**
 * Today: what every subscribed channel posts today and when, in its own zone. The family comes from the
 * featured service (the same answer as /today: a spotlight if one stands, else the rotation) and the time
 * from the spotlight rules the delivery planner follows; nothing is worked out again here.
 */
import type { Hono } from "hono";
import type { DeliveryRow } from "../../core/delivery.ts";
import type { Subscription } from "../../core/ports/subscriptions.ts";
import type { FeaturedFamily } from "../../core/services.ts";
import { spotlightPostTime } from "../../core/spotlight-rules.ts";
import { instantOf, localDateOf } from "../../core/time.ts";
import type { PanelDeps } from "../deps.ts";
import { type PanelEnv, pageFrom, pager } from "../env.ts";
import { html } from "../html.ts";
import { tHtml } from "../i18n.ts";
import { page } from "../layout.ts";
import type { Translator } from "../../core/i18n/translator.ts";

function row(
  tr: Translator,
  deps: PanelDeps,
  subscription: Subscription,
  family: FeaturedFamily | undefined,
  latest: Map<number, DeliveryRow>,
) {
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

/** The rows from `offset` in the slots' order (by id within a slot): each slot the window meets, read alone. */
async function rowsAt(
  deps: PanelDeps,
  slots: ReadonlyArray<{ timezone: string; postTime: string; count: number }>,
  at: { offset: number; limit: number },
): Promise<{ total: number; items: Subscription[] }> {
  const items: Subscription[] = [];
  let start = 0;
  for (const slot of slots) {
    const end = start + slot.count;
    if (end > at.offset && items.length < at.limit) {
      const offset = Math.max(0, at.offset - start);
      const wanted = { offset, limit: at.limit - items.length };
      items.push(...(await deps.subscriptions.page({ posting: true, slot }, wanted)).items);
    }
    start = end;
  }
  return { total: start, items };
}

export function registerToday(app: Hono<PanelEnv>, deps: PanelDeps): void {
  app.get("/today", async (c) => {
    const tr = c.get("tr");
    const now = deps.clock.now();
    // In the order the posts go out today, each at its own local time: worked out once per zone and
    // time (a few dozen slots), then only the page's rows are read, slot by slot.
    const slots = (await deps.subscriptions.countBySlot())
      .map((slot) => ({
        ...slot,
        due: instantOf(localDateOf(now, slot.timezone), slot.postTime, slot.timezone).getTime(),
      }))
      .sort(
        (a, b) =>
          a.due - b.due || a.timezone.localeCompare(b.timezone) || a.postTime.localeCompare(b.postTime),
      );
    const shown = await pageFrom(c.req.query("page"), (at) => rowsAt(deps, slots, at));
    // A paused channel posts nothing: no family is decided for it here.
    const active = shown.items.filter((s) => s.state === "active");
    const [latest, families] = await Promise.all([
      deps.deliveries.latestBySubscription(shown.items.map((s) => s.id)),
      deps.featured.forSubscriptions(active),
    ]);
    const familyOf = new Map(active.map((s, i) => [s.id, families[i]]));
    const rows = shown.items.map((s) => row(tr, deps, s, familyOf.get(s.id), latest));
    const body =
      shown.total === 0
        ? html`<p>${tHtml(tr, "panel.noChannels", {}, { command: html`<code>/subscribe</code>` })}</p>`
        : html`<p class="muted">${tr.t("panel.ownZone")}</p>
<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("panel.postsAt")}</th><th scope="col">${tr.t("panel.family")}</th><th scope="col">${tr.t("panel.chosenBy")}</th><th scope="col">${tr.t("panel.todaysPost")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${pager(c, shown, shown.total, "panel.pagerChannels")}`;
    return c.html(page(c, { title: tr.t("panel.navToday"), section: "today", body }).text);
  });
}
