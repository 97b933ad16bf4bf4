/**
 * Adding and cancelling a spotlight from the calendar (editors and admins): the form, and the two changes,
 * made through the core's scheduleSpotlight and cancelSpotlight, the path /schedule takes, so the same
 * date, campaign and eligibility checks apply and the repository audits each with the staff member's name.
 */
import type { Hono } from "hono";
import { channelRef, communityRef } from "../../core/channel.ts";
import { UserError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import { staffActor } from "../../core/staff.ts";
import { cancelSpotlight, scheduleSpotlight } from "../../core/spotlight-scheduling.ts";
import { spotlightPostTime } from "../../core/spotlight-rules.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { may, type PanelContext, type PanelEnv } from "../env.ts";
import { type Html, html } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";
import { returnPath } from "../security.ts";
import type { CalendarPlace } from "./spotlight-month.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function addForm(tr: Translator, viewer: Viewer, place: CalendarPlace, today: string): Html {
  if (!may(viewer, "editor")) return html`<p class="muted">${tr.t("panelCalendar.readsOnly")}</p>`;
  const where =
    place.kind === "channel"
      ? html`<input type="hidden" name="channel" value="${place.subscription.channel}">
<fieldset><legend>${tr.t("panelCalendar.scope")}</legend>
<label class="check"><input type="radio" name="scope" value="channel" checked> ${tr.t("panelCalendar.scopeChannel")}</label>
<label class="check"><input type="radio" name="scope" value="community"> ${tr.t("panelCalendar.scopeCommunity")}</label>
</fieldset>`
      : html`<input type="hidden" name="community" value="${place.community}"><input type="hidden" name="scope" value="community">`;
  return html`<section class="box" aria-labelledby="add-title"><h2 id="add-title">${tr.t("panelCalendar.addTitle")}</h2>
<p class="muted">${tr.t(place.kind === "channel" ? "panelCalendar.addHelpChannel" : "panelCalendar.addHelpCommunity")}</p>
<form method="post" action="/spotlights" class="filters">${csrfField(viewer)}${where}
<label>${tr.t("panelCalendar.profile")} <input type="text" name="profile" required maxlength="200" autocomplete="off"></label>
<label>${tr.t("panelCalendar.date")} <input type="date" name="date" required min="${today}"></label>
<label>${tr.t("panelCalendar.time")} <input type="time" name="time"></label>
<label class="check"><input type="checkbox" name="replace" value="yes"> ${tr.t("panelCalendar.replace")}</label>
<button type="submit">${tr.t("panelCalendar.schedule")}</button>
</form></section>`;
}

/** The calendar's address for a place and month. */
export function calendarPath(place: { channel?: string; community?: string }, month?: string): string {
  const query = new URLSearchParams();
  if (place.channel) query.set("channel", place.channel);
  else if (place.community) query.set("community", place.community);
  if (month) query.set("month", month);
  return `/spotlights?${query}`;
}

function field(body: Record<string, unknown>, name: string, pattern: RegExp, form: string): string {
  const value = typeof body[name] === "string" ? body[name].trim() : "";
  if (!pattern.test(value))
    throw new UserError(
      { key: "panelCalendar.fieldMissing", values: { field: name, form } },
      "INVALID_ARGUMENTS",
    );
  return value;
}

/** A refused change, shown with the way back to the calendar it came from. */
function refused(c: PanelContext, back: string, err: UserError): Response {
  const tr = c.get("tr");
  const message = err.text ? tr.t(err.text.key, err.text.values) : err.message;
  const body = html`<p class="error" role="alert">${message}</p><p><a href="${back}">${tr.t("panelCalendar.back")}</a></p>`;
  return c.html(page(c, { title: tr.t("panel.nothingChangedTitle"), section: "spotlights", body }).text, 400);
}

export function registerSpotlightChanges(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
  placeOf: (where: { channel?: string; community?: string }) => Promise<CalendarPlace>,
): void {
  app.post("/spotlights", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panelCalendar.mayNotSchedule");
    const tr = c.get("tr");
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === "string" ? body[name].trim().slice(0, 300) : "");
    const asked = text("channel") ? { channel: text("channel") } : { community: text("community") };
    let back = calendarPath(asked);
    try {
      const place = await placeOf(asked);
      const date = field(body, "date", DATE, "YYYY-MM-DD");
      back = calendarPath(asked, date.slice(0, 7));
      const time = text("time") ? field(body, "time", TIME, "HH:MM") : undefined;
      const scope = place.kind === "community" || text("scope") === "community" ? "community" : "channel";
      const query = text("profile").slice(0, 200);
      const lookup = await deps.catalog.lookup(query);
      if (lookup.kind !== "found") {
        if (lookup.kind === "several") {
          const names = lookup.candidates.map((s) => `${s.profile.displayName} (${s.profile.id})`);
          throw new UserError(
            { key: "panelCalendar.severalProfiles", values: { query, names: tr.list(names) } },
            "INVALID_ARGUMENTS",
          );
        }
        throw new UserError({ key: "panelCalendar.noProfile", values: { query } }, "INVALID_ARGUMENTS");
      }
      // A community's calendar sets its spotlight from one of its channels (the first by name): that
      // channel's zone says which day is today, and its subscription the campaign.
      const from = place.kind === "channel" ? place.subscription : place.subscriptions[0]!;
      const outcome = await scheduleSpotlight(deps, tr, {
        profile: lookup.profile,
        scope,
        channel: channelRef(from.channel),
        community: communityRef(from.community),
        localDate: date,
        ...(time ? { localTime: time } : {}),
        replace: text("replace") === "yes",
        actor: staffActor(viewer.person),
      });
      if (outcome.kind === "taken") {
        const { standing } = outcome;
        const standingName =
          (await deps.catalog.get(standing.profileId))?.profile.displayName ?? standing.profileId;
        const at = spotlightPostTime(standing, outcome.subscription, deps.defaults.postTime);
        throw new UserError(
          {
            key: "panelCalendar.taken",
            values: { date: tr.date(date), name: standingName, time: at.time, zone: at.timezone },
          },
          "SPOTLIGHT_DATE_TAKEN",
        );
      }
      return c.redirect(`${back}&done=spotlight-scheduled`, 303);
    } catch (err) {
      if (err instanceof UserError) return refused(c, back, err);
      throw err;
    }
  });

  app.post("/spotlights/:id/cancel", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panelCalendar.mayNotSchedule");
    const body = await c.req.parseBody();
    const asked = typeof body.back === "string" ? returnPath(body.back) : undefined;
    const back = asked?.startsWith("/spotlights?") ? asked : "/spotlights";
    try {
      await cancelSpotlight(deps, Number(c.req.param("id")), {
        actor: staffActor(viewer.person),
        reason: `cancelled in the staff panel by ${viewer.person.name}`,
      });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return refused(c, back, new UserError({ key: "panelCalendar.cancelNotFound" }, "SPOTLIGHT_NOT_FOUND"));
    }
    return c.redirect(`${back}${back.includes("?") ? "&" : "?"}done=spotlight-cancelled`, 303);
  });
}
