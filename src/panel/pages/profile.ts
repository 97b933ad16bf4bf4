/**
 * One profile for staff: its facts with the status's "as of" date, consent per relative and field,
 * sources, the card as posted (the presenter's, so consent applies), its history from the audit log, and
 * take down / restore and mark verified (profile-verify.ts) through the curation service, the one every
 * path uses (a takedown here reaches the next /prisoner reply at once).
 */
import type { Hono } from "hono";
import type { StoredProfile } from "../../core/ports/catalog.ts";
import { CONSENT_SCOPES, type Campaign, currentDetention } from "../../core/profile.ts";
import type { Card } from "../../core/reply.ts";
import { staffActor } from "../../core/staff.ts";
import { formatCharges, statusLabel } from "../../presentation/wording.ts";
import { UserError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { may, noticeOf, type PanelContext, type PanelEnv } from "../env.ts";
import { html, safeHref } from "../html.ts";
import { tHtml, utcMinute } from "../i18n.ts";
import { csrfField, page, type Viewer } from "../layout.ts";
import { channelClock } from "../../core/channel-clock.ts";
import { registerVerify, verifyForm } from "./profile-verify.ts";

const MAX_REASON = 500;

function facts(tr: Translator, stored: StoredProfile) {
  const { profile } = stored;
  const detention = currentDetention(profile);
  const takedown = profile.publication.takedown;
  const others = profile.names.filter((n) => n.value !== profile.displayName).map((n) => n.value);
  return html`<dl class="facts">
  <dt>${tr.t("panel.id")}</dt><dd><code>${profile.id}</code></dd>
  ${others.length > 0 ? html`<dt>${tr.t("panel.otherNames")}</dt><dd>${others.join(" · ")}</dd>` : ""}
  <dt>${tr.t("panel.campaign")}</dt><dd>${profile.campaign}</dd>
  <dt>${tr.t("panel.status")}</dt><dd>${tr.t("panel.statusAsOf", { status: statusLabel(detention.status, undefined, tr), date: tr.date(detention.statusAsOf) })}</dd>
  <dt>${tr.t("panel.arrested")}</dt><dd>${tr.date(detention.arrestDate)}${detention.arrestDateNote ? ` (${detention.arrestDateNote})` : ""}</dd>
  ${detention.charges.length > 0 ? html`<dt>${tr.t("panel.charges")}</dt><dd>${formatCharges(detention.charges, tr)}</dd>` : ""}
  ${detention.sentence ? html`<dt>${tr.t("panel.sentence")}</dt><dd>${detention.sentence.asPronounced}</dd>` : ""}
  <dt>${tr.t("panel.verified")}</dt><dd>${tr.t("panel.verifiedBy", { date: tr.date(profile.lastVerifiedAt), name: profile.verifiedBy, confidence: profile.confidence })}</dd>
  <dt>${tr.t("panel.publication")}</dt><dd>${tr.t("panel.visibility", { visibility: profile.publication.visibility })}${
    takedown
      ? html` · ${tHtml(
          tr,
          "panel.takedownLine",
          { time: utcMinute(tr, takedown.at), name: takedown.by, reason: takedown.reason },
          { badge: html`<span class="badge down">${tr.t("panel.badgeTakenDown")}</span>` },
        )}`
      : ""
  }</dd>
</dl>
<h2>${tr.t("panel.summary")}</h2>
<p class="card">${profile.summary.text}</p>`;
}

function consent(tr: Translator, stored: StoredProfile) {
  const { family } = stored.profile;
  const title = tr.t("panel.familyConsent");
  if (family.length === 0) return html`<h2>${title}</h2><p>${tr.t("panel.noRelatives")}</p>`;
  const rows = family.map(
    (m) => html`<tr>
  <td data-label="${tr.t("panel.relative")}">${m.relationship}${m.isMinor ? html` <span class="badge">${tr.t("panel.minor")}</span>` : ""}${
    m.displayName
      ? html`<br><span class="muted">${tr.t("panel.publicAdvocate", { name: m.displayName })}</span>`
      : ""
  }</td>
  <td data-label="${tr.t("panel.consent")}">${tr.t("panel.consentStatus", { status: m.consent.status })}${m.consent.recordedAt ? html`<br><span class="muted">${tr.t("panel.recorded", { date: tr.date(m.consent.recordedAt) })}</span>` : ""}</td>
  ${CONSENT_SCOPES.map(
    (scope) =>
      html`<td data-label="${tr.t("panel.scope", { scope })}">${tr.t(m.consent.status === "given" && m.consent.scope.includes(scope) ? "panel.yes" : "panel.no")}</td>`,
  )}
</tr>`,
  );
  return html`<h2>${title}</h2>
<p class="muted">${tr.t("panel.consentHelp")}</p>
<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${tr.t("panel.relative")}</th><th scope="col">${tr.t("panel.consent")}</th>${CONSENT_SCOPES.map(
    (scope) => html`<th scope="col">${tr.t("panel.scope", { scope })}</th>`,
  )}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function sources(tr: Translator, stored: StoredProfile) {
  return html`<h2>${tr.t("panel.sources")}</h2><ul>${stored.profile.sources.map(
    (s) =>
      html`<li><a href="${safeHref(s.url)}" rel="noopener noreferrer">${s.title}</a> <span class="muted">${
        s.accessedAt
          ? tr.t("panel.sourceRead", { publisher: s.publisher, date: tr.date(s.accessedAt) })
          : tr.t("panel.sourceFrom", { publisher: s.publisher })
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

function preview(tr: Translator, deps: PanelDeps, stored: StoredProfile, campaign: Campaign | undefined) {
  if (!campaign) return html`<h2>${tr.t("panel.card")}</h2><p>${tr.t("panel.noCampaign")}</p>`;
  // A preview is for no channel in particular: judged as of today in the default zone, like an unsubscribed one.
  const today = channelClock(undefined, deps.defaults.timezone, deps.clock.now()).today;
  const card = deps.presenter.card(stored, campaign, today, tr);
  const post = {
    kind: "daily" as const,
    intro: tr.t("panel.previewIntro"),
    language: tr.language.tag,
    card,
    share: deps.presenter.shareKit(stored, campaign, tr),
    idempotencyKey: "panel-preview",
  };
  const previews = deps.previews ?? [];
  const help = stored.profile.publication.takedown ? "panel.cardTakenDown" : "panel.cardHelp";
  return html`<h2>${tr.t("panel.cardAsPosted")}</h2>
<p class="muted">${tr.t(help)}</p>
<pre class="card">${cardText(card)}</pre>
${previews.length > 0 ? html`<h2>${tr.t("panel.perPlatform")}</h2>` : ""}
${previews.map((p) => html`<details class="preview"><summary>${tr.t(p.platform)}</summary>${p.render(post)}</details>`)}`;
}

function actions(tr: Translator, viewer: Viewer, stored: StoredProfile) {
  if (!may(viewer, "editor")) return html`<p class="muted">${tr.t("panel.readsOnly")}</p>`;
  const id = encodeURIComponent(stored.profile.id);
  if (stored.profile.publication.takedown) {
    return html`<section class="box" aria-labelledby="restore-title"><h2 id="restore-title">${tr.t("panel.restore")}</h2>
<form method="post" action="/profiles/${id}/restore">${csrfField(viewer)}
<p>${tr.t("panel.restoreHelp")}</p><button type="submit">${tr.t("panel.restore")}</button></form></section>`;
  }
  return html`<section class="box" aria-labelledby="takedown-title"><h2 id="takedown-title">${tr.t("panel.takeDown")}</h2>
<form method="post" action="/profiles/${id}/takedown">${csrfField(viewer)}
<p><label for="reason">${tr.t("panel.reason")}</label><br>
<textarea id="reason" name="reason" rows="3" maxlength="${MAX_REASON}" required></textarea></p>
<button type="submit" class="danger">${tr.t("panel.takeDownNow")}</button></form></section>`;
}

async function history(tr: Translator, deps: PanelDeps, id: string) {
  const entries = await deps.audit.list({ entityType: "profile", entityId: id, limit: 20 });
  const title = tr.t("panel.history");
  if (entries.length === 0) return html`<h2>${title}</h2><p>${tr.t("panel.noHistory")}</p>`;
  return html`<h2>${title}</h2><ul>${entries.map((e) => {
    const values = { time: utcMinute(tr, e.at), action: e.action, actor: e.actor };
    const reason = e.details?.reason;
    return html`<li>${
      typeof reason === "string"
        ? tr.t("panel.historyReason", { ...values, reason })
        : tr.t("panel.historyEntry", values)
    }</li>`;
  })}</ul>`;
}

async function show(c: PanelContext, deps: PanelDeps) {
  const id = c.req.param("id") ?? "";
  const snap = await deps.catalog.snapshot();
  const stored = await snap.byId.get(id)?.load();
  if (!stored) return c.notFound();
  const viewer = c.get("viewer");
  const tr = c.get("tr");
  const campaign = snap.campaigns.find((k) => k.id === stored.profile.campaign);
  const body = html`${facts(tr, stored)}${actions(tr, viewer, stored)}${verifyForm(tr, viewer, stored, deps.clock.now())}${consent(tr, stored)}${sources(tr, stored)}${preview(tr, deps, stored, campaign)}${await history(tr, deps, id)}`;
  const notice = noticeOf(c);
  return c.html(
    page(c, {
      title: stored.profile.displayName,
      section: "profiles",
      body,
      ...(notice ? { notice } : {}),
    }).text,
  );
}

export function registerProfile(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  app.get("/profiles/:id", (c) => show(c, deps));
  registerVerify(app, deps, refuse);
  app.post("/profiles/:id/takedown", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panel.mayNotTakeDown");
    const reason = String((await c.req.parseBody()).reason ?? "").trim();
    if (reason.length === 0 || reason.length > MAX_REASON) {
      throw new UserError({ key: "panel.reasonLength", values: { max: MAX_REASON } }, "INVALID_ARGUMENTS");
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
    if (!may(viewer, "editor")) return refuse(c, "panel.mayNotRestore");
    const id = c.req.param("id");
    await deps.curation.restore(id, { actor: staffActor(viewer.person) });
    return c.redirect(`/profiles/${encodeURIComponent(id)}?done=restored`, 303);
  });
}
