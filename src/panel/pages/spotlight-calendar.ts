/**
 * The month as a table: a caption naming the month and the place, a column per weekday (Monday first),
 * a row per week, and in each day its spotlights with when they post and what stands in their way. Days
 * without one post the rotation and stay plain. At phone width the rows stack and plain days are hidden
 * (panel.css), so the month reads as a list of its spotlights.
 */
import type { Translator } from "../../core/i18n/translator.ts";
import { addDays } from "../../core/time.ts";
import { may } from "../env.ts";
import { Html, html } from "../html.ts";
import { csrfField, type Viewer } from "../layout.ts";
import type { CalendarEntry, CalendarMonth } from "./spotlight-month.ts";

const weekdayIndex = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** Monday first; day 1 to 7 as the catalog names them (Intl has no names for the pseudo-language). */
function weekdays(tr: Translator): Array<{ short: string; long: string }> {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    short: tr.t("panelCalendar.weekdayShort", { day }),
    long: tr.t("panelCalendar.weekday", { day }),
  }));
}

function postsAt(tr: Translator, when: CalendarEntry["when"]): string {
  if ("channelTime" in when) return tr.t("panelCalendar.postsAtChannelTime");
  if ("eachZone" in when) return tr.t("panelCalendar.postsAtEachChannel", { time: when.time });
  return tr.t("panelCalendar.postsAt", { time: when.time, zone: when.zone });
}

export interface CalendarView {
  month: CalendarMonth;
  /** The place's today (the channel's, or the default zone's for a community). */
  today: string;
  /** The calendar's own address, to come back to after a cancel. */
  back: string;
  /** The channel whose calendar this is; absent for a community's. */
  channel?: string;
}

function entry(
  tr: Translator,
  viewer: Viewer,
  view: CalendarView,
  e: CalendarEntry,
  names: Map<number, string>,
) {
  const s = e.spotlight;
  const name = e.profile?.profile.displayName ?? tr.t("panelCalendar.profileGone", { id: s.profileId });
  const scope =
    s.scope === "community"
      ? tr.t("panelCalendar.scopeCommunity")
      : view.channel === s.channel
        ? tr.t("panelCalendar.scopeChannel")
        : tr.t("panelCalendar.scopeChannelOf", { channel: s.channel });
  const notes = [
    e.outrankedBy
      ? tr.t("panelCalendar.outranked", { name: names.get(e.outrankedBy.id) ?? e.outrankedBy.profileId })
      : undefined,
    e.outranks > 0 ? tr.t("panelCalendar.outrankedChannels", { count: e.outranks }) : undefined,
    e.notPostable ? tr.t("panelCalendar.notPostable", { reason: e.notPostable }) : undefined,
  ].filter((n): n is string => n !== undefined);
  const trouble = e.outrankedBy || e.notPostable ? " trouble" : "";
  return html`<li class="spot ${s.scope}${trouble}">
<a href="/profiles/${encodeURIComponent(s.profileId)}">${name}</a>
<span class="badge${s.scope === "community" ? " spotlight" : ""}">${scope}</span>
<span class="muted">${postsAt(tr, e.when)}</span>
${notes.map((n) => html`<span class="conflict">${n}</span>`)}
${
  may(viewer, "editor")
    ? html`<form method="post" action="/spotlights/${s.id}/cancel">${csrfField(viewer)}<input type="hidden" name="back" value="${view.back}"><button type="submit" class="secondary small" aria-label="${tr.t("panelCalendar.cancelLabel", { name, date: tr.date(s.localDate) })}">${tr.t("panelCalendar.cancel")}</button></form>`
    : ""
}</li>`;
}

export function calendarTable(tr: Translator, viewer: Viewer, view: CalendarView, caption: string): Html {
  const { month } = view;
  const days = weekdays(tr);
  const names = new Map<number, string>();
  for (const entries of month.days.values())
    for (const e of entries) if (e.profile) names.set(e.spotlight.id, e.profile.profile.displayName);
  const start = addDays(month.first, -weekdayIndex(month.first));
  const weeks: Html[] = [];
  for (let weekStart = start; weekStart <= month.last; weekStart = addDays(weekStart, 7)) {
    const cells = days.map((weekday, i) => {
      const date = addDays(weekStart, i);
      if (date < month.first || date > month.last) return html`<td class="outside"></td>`;
      const entries = month.days.get(date) ?? [];
      const classes = ["day", entries.length === 0 ? "plain" : "", date === view.today ? "today" : ""];
      const current = date === view.today ? new Html(' aria-current="date"') : "";
      return html`<td class="${classes.filter(Boolean).join(" ")}"${current}>
<span class="date" aria-hidden="true">${Number(date.slice(8))}</span><span class="full">${tr.t(
        date === view.today ? "panelCalendar.dayLabelToday" : "panelCalendar.dayLabel",
        { weekday: weekday.long, date: tr.date(date) },
      )}</span>
${entries.length > 0 ? html`<ul class="spots">${entries.map((e) => entry(tr, viewer, view, e, names))}</ul>` : ""}</td>`;
    });
    weeks.push(html`<tr>${cells}</tr>`);
  }
  return html`<table class="calendar">
<caption>${caption}</caption>
<thead><tr>${days.map((d) => html`<th scope="col"><abbr title="${d.long}">${d.short}</abbr></th>`)}</tr></thead>
<tbody>${weeks}</tbody>
</table>`;
}
