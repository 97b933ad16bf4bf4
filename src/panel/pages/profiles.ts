/**
 * Profiles: the same name search as /prisoner (the catalog service's index, over hidden profiles too),
 * filters, paging; each row links to the profile's page.
 */
import type { Hono } from "hono";
import type { CatalogEntry } from "../../core/profile-head.ts";
import { currentDetention, DETENTION_STATUSES } from "../../core/profile.ts";
import { statusLabel } from "../../presentation/wording.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import { localDateOf } from "../../core/time.ts";
import type { PanelDeps } from "../deps.ts";
import { type PanelEnv, pageOf, pager } from "../env.ts";
import { Html, html } from "../html.ts";
import { page } from "../layout.ts";
import { applyFilters, isStale, type ProfileFilters, readFilters } from "./profile-filters.ts";

const selected = (on: boolean) => (on ? new Html(" selected") : "");
const checked = (on: boolean) => (on ? new Html(" checked") : "");

function filterForm(
  tr: Translator,
  q: string,
  filters: ProfileFilters,
  campaigns: ReadonlyArray<{ id: string; name: string }>,
) {
  return html`<form class="filters" method="get" action="/profiles" role="search">
  <label>${tr.t("panel.name")} <input type="search" name="q" value="${q}" autocomplete="off"></label>
  <label>${tr.t("panel.status")} <select name="status"><option value="">${tr.t("panel.any")}</option>${DETENTION_STATUSES.map(
    (s) =>
      html`<option value="${s}"${selected(filters.status === s)}>${statusLabel(s, undefined, tr)}</option>`,
  )}</select></label>
  <label>${tr.t("panel.campaign")} <select name="campaign"><option value="">${tr.t("panel.any")}</option>${campaigns.map(
    (c) => html`<option value="${c.id}"${selected(filters.campaign === c.id)}>${c.name}</option>`,
  )}</select></label>
  <label class="check"><input type="checkbox" name="stale" value="1"${checked(filters.stale === true)}> ${tr.t("panel.stale")}</label>
  <label class="check"><input type="checkbox" name="takenDown" value="1"${checked(filters.takenDown === true)}> ${tr.t("panel.takenDown")}</label>
  <button type="submit">${tr.t("panel.search")}</button>
</form>`;
}

export function registerProfiles(app: Hono<PanelEnv>, deps: PanelDeps): void {
  app.get("/profiles", async (c) => {
    const tr = c.get("tr");
    const snap = await deps.catalog.snapshot();
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const filters = readFilters(c.req.query());
    const today = localDateOf(deps.clock.now(), deps.defaults.timezone);
    const context = { campaigns: snap.campaigns, today, staleAfterDays: deps.staleAfterDays };
    const search = q.trim()
      ? await deps.catalog.staffSearch(q)
      : { kind: "matches" as const, profiles: snap.all };
    const found = applyFilters(search.profiles, filters, context);
    const shown = pageOf(found, c.req.query("page"));
    const rows = shown.items.map((stored: CatalogEntry) => {
      const { profile } = stored;
      const detention = currentDetention(profile);
      const flags = [
        profile.publication.takedown
          ? html`<span class="badge down">${tr.t("panel.badgeTakenDown")}</span>`
          : undefined,
        profile.publication.visibility === "withheld"
          ? html`<span class="badge">${tr.t("panel.badgeWithheld")}</span>`
          : undefined,
        isStale(stored, snap.campaigns, today, deps.staleAfterDays)
          ? html`<span class="badge stale">${tr.t("panel.badgeStale")}</span>`
          : undefined,
      ].filter((flag) => flag !== undefined);
      return html`<tr>
  <td data-label="${tr.t("panel.name")}"><a href="/profiles/${encodeURIComponent(profile.id)}">${profile.displayName}</a></td>
  <td data-label="${tr.t("panel.status")}">${statusLabel(detention.status, undefined, tr)} <span class="muted nowrap">${tr.t("panel.asOf", { date: tr.date(detention.statusAsOf) })}</span></td>
  <td data-label="${tr.t("panel.campaign")}">${profile.campaign}</td>
  <td data-label="${tr.t("panel.verified")}" class="nowrap">${tr.date(profile.lastVerifiedAt)}</td>
  <td data-label="${tr.t("panel.publication")}">${flags.length > 0 ? flags : tr.t("panel.public")}</td>
</tr>`;
    });
    const body = html`${filterForm(tr, q, filters, snap.campaigns)}
${search.kind === "did-you-mean" && found.length > 0 ? html`<p>${tr.t("panel.didYouMean", { query: q })}</p>` : ""}
${
  found.length === 0
    ? html`<p>${tr.t("panel.noProfile")}</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">${tr.t("panel.name")}</th><th scope="col">${tr.t("panel.status")}</th><th scope="col">${tr.t("panel.campaign")}</th><th scope="col">${tr.t("panel.verified")}</th><th scope="col">${tr.t("panel.publication")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${pager(c, shown, found.length, "panel.pagerProfiles")}`
}`;
    return c.html(page(c, { title: tr.t("panel.navProfiles"), section: "profiles", body }).text);
  });
}
