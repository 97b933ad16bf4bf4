/**
 * Spotlights: a month calendar per channel (`?channel=`) or per community (`?community=`), the month in
 * `?month=YYYY-MM` (the place's current month without it), so every calendar can be bookmarked. Without a
 * place, a search over the subscribed channels leads to one. Adding and cancelling: spotlight-form.ts.
 */
import type { Hono } from "hono";
import type { Subscription } from "../../core/ports/subscriptions.ts";
import { channelRef } from "../../core/channel.ts";
import { channelClock } from "../../core/channel-clock.ts";
import { UserError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { noticeOf, type PanelContext, type PanelEnv, pageOf, pager } from "../env.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { calendarTable } from "./spotlight-calendar.ts";
import { addForm, calendarPath, registerSpotlightChanges } from "./spotlight-form.ts";
import { type CalendarPlace, calendarMonth, MONTH, shiftMonth } from "./spotlight-month.ts";

const isChannelRef = (value: string) => {
  try {
    channelRef(value);
    return true;
  } catch {
    return false;
  }
};

function channelList(c: PanelContext, subscriptions: Subscription[], q: string) {
  const tr = c.get("tr");
  const found = subscriptions.filter(
    (s) => !q || s.channel.toLowerCase().includes(q) || s.community.toLowerCase().includes(q),
  );
  const shown = pageOf(found, c.req.query("page"));
  return html`<p>${tr.t("panelCalendar.intro")}</p>
<form class="filters" method="get" action="/spotlights" role="search">
  <label>${tr.t("panelCalendar.search")} <input type="search" name="q" value="${q}"></label>
  <button type="submit">${tr.t("panelCalendar.find")}</button>
</form>
${
  found.length === 0
    ? html`<p>${tr.t("panelCalendar.noChannels")}</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("panel.time")}</th><th scope="col">${tr.t("panel.state")}</th></tr></thead>
<tbody>${shown.items.map(
        (s) => html`<tr>
<td data-label="${tr.t("panel.channel")}"><a href="${calendarPath({ channel: s.channel })}" aria-label="${tr.t("panelCalendar.channelCalendar")}: ${s.channel}">${s.channel}</a><br><a class="muted" href="${calendarPath({ community: s.community })}" aria-label="${tr.t("panelCalendar.communityCalendar")}: ${s.community}">${s.community}</a></td>
<td data-label="${tr.t("panel.time")}">${s.postTime} <span class="muted">${s.timezone}</span></td>
<td data-label="${tr.t("panel.state")}">${tr.t("panel.subscriptionState", { state: s.state })}</td></tr>`,
      )}</tbody></table></div>
${pager(c, shown, found.length, "panel.pagerSubscriptions")}`
}`;
}

function monthLinks(tr: Translator, where: { channel?: string; community?: string }, month: string) {
  return html`<nav class="pager" aria-label="${tr.t("panelCalendar.monthNav")}">
<a href="${calendarPath(where, shiftMonth(month, -1))}" rel="prev">← ${tr.t("panelCalendar.previousMonth")}</a>
<strong>${tr.date(month)}</strong>
<a href="${calendarPath(where, shiftMonth(month, 1))}" rel="next">${tr.t("panelCalendar.nextMonth")} →</a>
</nav>`;
}

export function registerSpotlights(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  /** The channel's subscription, or the community's (by channel): refused when there is none. */
  async function placeOf(where: { channel?: string; community?: string }): Promise<CalendarPlace> {
    if (where.channel) {
      // Looked up by its index only when it reads as a channel reference at all.
      const ref = isChannelRef(where.channel) ? channelRef(where.channel) : undefined;
      const subscription = ref ? await deps.subscriptions.findByChannel(ref) : undefined;
      if (!subscription)
        throw new UserError(
          { key: "panelCalendar.noSuchChannel", values: { channel: where.channel } },
          "NOT_SUBSCRIBED",
        );
      return { kind: "channel", subscription };
    }
    const community = where.community ?? "";
    const subscriptions = (await deps.subscriptions.list())
      .filter((s) => s.community === community)
      .sort((a, b) => a.channel.localeCompare(b.channel));
    const [first] = subscriptions;
    if (!first)
      throw new UserError({ key: "panelCalendar.noSuchCommunity", values: { community } }, "NOT_SUBSCRIBED");
    return { kind: "community", community: first.community, subscriptions };
  }

  app.get("/spotlights", async (c) => {
    const tr = c.get("tr");
    const viewer = c.get("viewer");
    const text = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 300);
    const where = text("channel")
      ? { channel: text("channel") }
      : text("community")
        ? { community: text("community") }
        : undefined;
    const notice = noticeOf(c);
    if (!where) {
      const body = channelList(c, await deps.subscriptions.list(), text("q").toLowerCase());
      return c.html(
        page(c, {
          title: tr.t("panelCalendar.nav"),
          section: "spotlights",
          body,
          ...(notice ? { notice } : {}),
        }).text,
      );
    }
    const place = await placeOf(where);
    const zone = place.kind === "channel" ? place.subscription : place.subscriptions[0];
    const today = channelClock(zone, deps.defaults.timezone, deps.clock.now()).today;
    const asked = text("month");
    if (asked && !MONTH.test(asked))
      throw new UserError(
        { key: "panelCalendar.monthInvalid", values: { month: asked } },
        "INVALID_ARGUMENTS",
      );
    const month = asked || today.slice(0, 7);
    const calendar = await calendarMonth(deps, place, month);
    const label = place.kind === "channel" ? place.subscription.channel : place.community;
    const caption = tr.t("panelCalendar.caption", { month: tr.date(month), place: label });
    const view = {
      month: calendar,
      today,
      back: calendarPath(where, month),
      ...(place.kind === "channel" ? { channel: place.subscription.channel } : {}),
    };
    const body = html`<p class="muted">${
      place.kind === "channel"
        ? tr.t("panelCalendar.zoneNote", { zone: place.subscription.timezone })
        : tr.t("panelCalendar.zoneNoteCommunity")
    }${
      place.kind === "channel"
        ? html` <a href="${calendarPath({ community: place.subscription.community }, month)}">${tr.t("panelCalendar.communityCalendar")}</a>`
        : ""
    }</p>
${monthLinks(tr, where, month)}
${calendar.days.size === 0 ? html`<p>${tr.t("panelCalendar.noneThisMonth")}</p>` : ""}
<div class="calendar-wrap">${calendarTable(tr, viewer, view, caption)}</div>
${addForm(tr, viewer, place, today)}`;
    const title =
      place.kind === "channel"
        ? tr.t("panelCalendar.titleChannel", { channel: label })
        : tr.t("panelCalendar.titleCommunity", { community: label });
    return c.html(page(c, { title, section: "spotlights", body, ...(notice ? { notice } : {}) }).text);
  });

  registerSpotlightChanges(app, deps, refuse, placeOf);
}
