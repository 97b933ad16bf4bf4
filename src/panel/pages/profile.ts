/**
 * One profile for staff: its facts with the status's "as of" date, consent per relative and field,
 * sources, the card as posted (the presenter's, so consent applies), its history from the audit log, and
 * take down / restore through the curation service, the one every path uses (a takedown here reaches the
 * next /prisoner reply at once).
 */
import type { Hono } from "hono";
import type { StoredProfile } from "../../core/ports/catalog.ts";
import { CONSENT_SCOPES, type Campaign, currentDetention } from "../../core/profile.ts";
import type { Card } from "../../core/reply.ts";
import { staffActor } from "../../core/staff.ts";
import { formatCharges, STATUS_LABELS } from "../../presentation/wording.ts";
import { UserError } from "../../core/errors.ts";
import type { PanelDeps } from "../deps.ts";
import { may, noticeOf, type PanelContext, type PanelEnv, utcMinute } from "../env.ts";
import { html, safeHref } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";
import { channelClock } from "../../core/channel-clock.ts";

const MAX_REASON = 500;

function facts(stored: StoredProfile) {
  const { profile } = stored;
  const detention = currentDetention(profile);
  const takedown = profile.publication.takedown;
  const others = profile.names.filter((n) => n.value !== profile.displayName).map((n) => n.value);
  return html`<dl class="facts">
  <dt>Id</dt><dd><code>${profile.id}</code></dd>
  ${others.length > 0 ? html`<dt>Other names</dt><dd>${others.join(" · ")}</dd>` : ""}
  <dt>Campaign</dt><dd>${profile.campaign}</dd>
  <dt>Status</dt><dd>${STATUS_LABELS[detention.status]}, as of ${detention.statusAsOf}</dd>
  <dt>Arrested</dt><dd>${detention.arrestDate}${detention.arrestDateNote ? ` (${detention.arrestDateNote})` : ""}</dd>
  ${detention.charges.length > 0 ? html`<dt>Charges</dt><dd>${formatCharges(detention.charges)}</dd>` : ""}
  ${detention.sentence ? html`<dt>Sentence</dt><dd>${detention.sentence.asPronounced}</dd>` : ""}
  <dt>Verified</dt><dd>${profile.lastVerifiedAt} by ${profile.verifiedBy} (${profile.confidence})</dd>
  <dt>Publication</dt><dd>${profile.publication.visibility}${
    takedown
      ? html` · <span class="badge down">taken down</span> on ${utcMinute(takedown.at)} by ${takedown.by}: ${takedown.reason}`
      : ""
  }</dd>
</dl>
<h2>Summary</h2>
<p class="card">${profile.summary.text}</p>`;
}

function consent(stored: StoredProfile) {
  const { family } = stored.profile;
  if (family.length === 0) return html`<h2>Family and consent</h2><p>No relatives recorded.</p>`;
  const rows = family.map(
    (m) => html`<tr>
  <td data-label="Relative">${m.relationship}${m.isMinor ? html` <span class="badge">minor: never named or shown</span>` : ""}${
    m.displayName ? html`<br><span class="muted">${m.displayName} (public advocate)</span>` : ""
  }</td>
  <td data-label="Consent">${m.consent.status.replace("_", " ")}${m.consent.recordedAt ? html`<br><span class="muted">recorded ${m.consent.recordedAt}</span>` : ""}</td>
  ${CONSENT_SCOPES.map(
    (scope) =>
      html`<td data-label="${scope}">${m.consent.status === "given" && m.consent.scope.includes(scope) ? "yes" : "no"}</td>`,
  )}
</tr>`,
  );
  return html`<h2>Family and consent</h2>
<p class="muted">What a post may show about each relative: a field marked “no” never appears.</p>
<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Relative</th><th scope="col">Consent</th>${CONSENT_SCOPES.map(
    (s) => html`<th scope="col">${s}</th>`,
  )}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function sources(stored: StoredProfile) {
  return html`<h2>Sources</h2><ul>${stored.profile.sources.map(
    (s) =>
      html`<li><a href="${safeHref(s.url)}" rel="noopener noreferrer">${s.title}</a> <span class="muted">— ${s.publisher}${
        s.accessedAt ? `, read ${s.accessedAt}` : ""
      }</span></li>`,
  )}</ul>`;
}

function cardText(card: Card): string {
  const lines = [card.title, card.subtitle, card.notice, card.statusAsOf, "", card.summary, ""];
  for (const f of card.fields) lines.push(`${f.label}: ${f.value}`);
  if (card.familyStory) lines.push("", card.familyStory);
  if (card.quote) lines.push("", `“${card.quote.text}” — ${card.quote.attribution}`);
  lines.push(
    "",
    ...card.sources.map((s, i) => `[${i + 1}] ${s.title} (${s.publisher}) ${s.url}`),
    "",
    card.hashtag,
  );
  return lines.filter((l): l is string => l !== undefined).join("\n");
}

function preview(deps: PanelDeps, stored: StoredProfile, campaign: Campaign | undefined) {
  if (!campaign) return html`<h2>Card</h2><p>Its campaign is missing, so no card can be made.</p>`;
  // A preview is for no channel in particular: judged as of today in the default zone, like an unsubscribed one.
  const today = channelClock(undefined, deps.defaults.timezone, deps.clock.now()).today;
  const card = deps.presenter.card(stored, campaign, today);
  const post = {
    kind: "daily" as const,
    intro: "Today's featured family",
    card,
    share: deps.presenter.shareKit(stored, campaign),
    idempotencyKey: "panel-preview",
  };
  const previews = deps.previews ?? [];
  return html`<h2>Card as posted</h2>
<p class="muted">Only what consent and safety allow.${stored.profile.publication.takedown ? " Taken down: it is posted nowhere now." : ""}</p>
<pre class="card">${cardText(card)}</pre>
${previews.length > 0 ? html`<h2>As each platform shows the daily post</h2>` : ""}
${previews.map((p) => html`<details class="preview"><summary>${p.platform}</summary><pre class="card">${p.render(post)}</pre></details>`)}`;
}

function actions(viewer: Viewer, stored: StoredProfile) {
  if (!may(viewer, "editor")) return html`<p class="muted">Your role (viewer) reads only.</p>`;
  const id = encodeURIComponent(stored.profile.id);
  if (stored.profile.publication.takedown) {
    return html`<section class="box" aria-labelledby="restore-title"><h2 id="restore-title">Restore</h2>
<form method="post" action="/profiles/${id}/restore">${csrfField(viewer)}
<p>Back to the visibility it had before the takedown.</p><button type="submit">Restore</button></form></section>`;
  }
  return html`<section class="box" aria-labelledby="takedown-title"><h2 id="takedown-title">Take down</h2>
<form method="post" action="/profiles/${id}/takedown">${csrfField(viewer)}
<p><label for="reason">Reason (kept in the audit log)</label><br>
<textarea id="reason" name="reason" rows="3" maxlength="${MAX_REASON}" required></textarea></p>
<button type="submit" class="danger">Take down now</button></form></section>`;
}

async function history(deps: PanelDeps, id: string) {
  const entries = await deps.audit.list({ entityType: "profile", entityId: id, limit: 20 });
  if (entries.length === 0) return html`<h2>History</h2><p>No changes recorded.</p>`;
  return html`<h2>History</h2><ul>${entries.map(
    (e) =>
      html`<li>${utcMinute(e.at)} · ${e.action} by ${e.actor}${
        typeof e.details?.reason === "string" ? `: ${e.details.reason}` : ""
      }</li>`,
  )}</ul>`;
}

async function show(c: PanelContext, deps: PanelDeps) {
  const id = c.req.param("id") ?? "";
  const snap = await deps.catalog.snapshot();
  const stored = snap.all.find((s) => s.profile.id === id);
  if (!stored) return c.notFound();
  const viewer = c.get("viewer");
  const campaign = snap.campaigns.find((k) => k.id === stored.profile.campaign);
  const body = html`${facts(stored)}${actions(viewer, stored)}${consent(stored)}${sources(stored)}${preview(deps, stored, campaign)}${await history(deps, id)}`;
  const notice = noticeOf(c);
  return c.html(
    page({
      title: stored.profile.displayName,
      section: "profiles",
      viewer,
      body,
      ...(notice ? { notice } : {}),
    }).text,
  );
}

export function registerProfile(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, what: string) => Response,
): void {
  app.get("/profiles/:id", (c) => show(c, deps));
  app.post("/profiles/:id/takedown", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "take a profile down");
    const reason = String((await c.req.parseBody()).reason ?? "").trim();
    if (reason.length === 0 || reason.length > MAX_REASON) {
      throw new UserError(`A takedown needs a reason of 1 to ${MAX_REASON} characters.`, "INVALID_ARGUMENTS");
    }
    const id = c.req.param("id");
    const result = await deps.curation.takedown(id, { reason, actor: staffActor(viewer.person) });
    return c.redirect(
      `/profiles/${encodeURIComponent(id)}?done=${result.kind === "already" ? "already-down" : "taken-down"}`,
      303,
    );
  });
  app.post("/profiles/:id/restore", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "restore a profile");
    const id = c.req.param("id");
    await deps.curation.restore(id, { actor: staffActor(viewer.person) });
    return c.redirect(`/profiles/${encodeURIComponent(id)}?done=restored`, 303);
  });
}
