/**
 * Spotlights: a month calendar per channel (`?channel=`) or per community (`?community=`), the month in
 * `?month=YYYY-MM` (the place's current month without it), so every calendar can be bookmarked. Without a
 * place, a search over the subscribed channels leads to one. Adding and cancelling: spotlight-form.ts.
 */
import type { Hono } from "hono";
import { channelRef, communityRef } from "../../core/channel.ts";
import { channelClock } from "../../core/channel-clock.ts";
import { UserError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { noticeOf, type PanelContext, type PanelEnv, pageFrom, pager } from "../env.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { calendarTable } from "./spotlight-calendar.ts";
import { addForm, calendarPath, registerSpotlightChanges } from "./spotlight-form.ts";
import { type CalendarPlace, calendarMonth, MONTH, shiftMonth } from "./spotlight-month.ts";

/** Whether typed text reads as a reference at all (else it names nothing, and is not looked up). */
const reads = (make: (value: string) => unknown) => (value: string) => {
  try {
    make(value);
    return true;
  } catch {
    return false;
  }
};
const isChannelRef = reads(channelRef);
const isCommunityRef = reads(communityRef);

async function channelList(c: PanelContext, deps: PanelDeps, q: string) {
  const tr = c.get("tr");
  const shown = await pageFrom(c.req.query("page"), (at) =>
    deps.subscriptions.page(q ? { search: q } : {}, at),
  );
  return html`<p>${tr.t("panelCalendar.intro")}</p>
<form class="filters" method="get" action="/spotlights" role="search">
  <label>${tr.t("panelCalendar.search")} <input type="search" name="q" value="${q}"></label>
  <button type="submit">${tr.t("panelCalendar.find")}</button>
</form>
${
  shown.total === 0
    ? html`<p>${tr.t("panelCalendar.noChannels")}</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("panel.time")}</th><th scope="col">${tr.t("panel.state")}</th></tr></thead>
<tbody>${shown.items.map(
        (s) => html`<tr>
<td data-label="${tr.t("panel.channel")}"><a href="${calendarPath({ channel: s.channel })}" aria-label="${tr.t("panelCalendar.channelCalendar")}: ${s.channel}">${s.channel}</a><br><a class="muted" href="${calendarPath({ community: s.community })}" aria-label="${tr.t("panelCalendar.communityCalendar")}: ${s.community}">${s.community}</a></td>
<td data-label="${tr.t("panel.time")}">${s.postTime} <span class="muted">${s.timezone}</span></td>
<td data-label="${tr.t("panel.state")}">${tr.t("panel.subscriptionState", { state: s.state })}</td></tr>`,
      )}</tbody></table></div>
${pager(c, shown, shown.total, "panel.pagerSubscriptions")}`
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
    // A community's channels: a handful, read by the community (a server with hundreds is still one page).
    const ref = isCommunityRef(community) ? communityRef(community) : undefined;
    const { items } = ref
      ? await deps.subscriptions.page({ community: ref }, { offset: 0, limit: 1_000 })
      : { items: [] };
    const subscriptions = items.sort((a, b) => a.channel.localeCompare(b.channel));
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
      const body = await channelList(c, deps, text("q").toLowerCase());
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
