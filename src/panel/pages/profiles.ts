/**
 * Profiles: the same name search as /prisoner (the catalog service's index, over hidden profiles too),
 * filters, paging; each row links to the profile's page.
 */
import type { Hono } from "hono";
import type { StoredProfile } from "../../core/ports/catalog.ts";
import { currentDetention, DETENTION_STATUSES } from "../../core/profile.ts";
import { STATUS_LABELS } from "../../presentation/wording.ts";
import { localDateOf } from "../../core/time.ts";
import type { PanelDeps } from "../deps.ts";
import { type PanelEnv, pageOf, pager } from "../env.ts";
import { Html, html } from "../html.ts";
import { page } from "../layout.ts";
import { applyFilters, isStale, type ProfileFilters, readFilters } from "./profile-filters.ts";

const selected = (on: boolean) => (on ? new Html(" selected") : "");
const checked = (on: boolean) => (on ? new Html(" checked") : "");

function filterForm(
  q: string,
  filters: ProfileFilters,
  campaigns: ReadonlyArray<{ id: string; name: string }>,
) {
  return html`<form class="filters" method="get" action="/profiles" role="search">
  <label>Name <input type="search" name="q" value="${q}" autocomplete="off"></label>
  <label>Status <select name="status"><option value="">Any</option>${DETENTION_STATUSES.map(
    (s) => html`<option value="${s}"${selected(filters.status === s)}>${STATUS_LABELS[s]}</option>`,
  )}</select></label>
  <label>Campaign <select name="campaign"><option value="">Any</option>${campaigns.map(
    (c) => html`<option value="${c.id}"${selected(filters.campaign === c.id)}>${c.name}</option>`,
  )}</select></label>
  <label class="check"><input type="checkbox" name="stale" value="1"${checked(filters.stale === true)}> Stale</label>
  <label class="check"><input type="checkbox" name="takenDown" value="1"${checked(filters.takenDown === true)}> Taken down</label>
  <button type="submit">Search</button>
</form>`;
}

export function registerProfiles(app: Hono<PanelEnv>, deps: PanelDeps): void {
  app.get("/profiles", async (c) => {
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
    const rows = shown.items.map((stored: StoredProfile) => {
      const { profile } = stored;
      const detention = currentDetention(profile);
      const flags = [
        profile.publication.takedown ? html`<span class="badge down">taken down</span>` : undefined,
        profile.publication.visibility === "withheld" ? html`<span class="badge">withheld</span>` : undefined,
        isStale(stored, snap.campaigns, today, deps.staleAfterDays)
          ? html`<span class="badge stale">stale</span>`
          : undefined,
      ].filter((flag) => flag !== undefined);
      return html`<tr>
  <td data-label="Name"><a href="/profiles/${encodeURIComponent(profile.id)}">${profile.displayName}</a></td>
  <td data-label="Status">${STATUS_LABELS[detention.status]} <span class="muted nowrap">as of ${detention.statusAsOf}</span></td>
  <td data-label="Campaign">${profile.campaign}</td>
  <td data-label="Verified" class="nowrap">${profile.lastVerifiedAt}</td>
  <td data-label="Publication">${flags.length > 0 ? flags : "public"}</td>
</tr>`;
    });
    const body = html`${filterForm(q, filters, snap.campaigns)}
${search.kind === "did-you-mean" && found.length > 0 ? html`<p>No exact match for “${q}”. Did you mean:</p>` : ""}
${
  found.length === 0
    ? html`<p>No profile matches.</p>`
    : html`<div class="table-wrap"><table class="stack">
<thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Campaign</th><th scope="col">Verified</th><th scope="col">Publication</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${pager(c, shown, found.length, "profiles")}`
}`;
    return c.html(page({ title: "Profiles", section: "profiles", viewer: c.get("viewer"), body }).text);
  });
}
