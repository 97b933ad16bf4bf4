/**
 * "Mark verified as of a date" on a profile's page (editors and admins), through the curation service
 * every path uses: the date may not be in the future nor before the profile's verification, and a later
 * re-import of an older file keeps it (core/catalog-rules.ts).
 */
import type { Hono } from "hono";
import type { StoredProfile } from "../../core/ports/catalog.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import { latestObservableDay } from "../../core/plausible-values.ts";
import { staffActor } from "../../core/staff.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { may, type PanelContext, type PanelEnv } from "../env.ts";
import { html } from "../html.ts";
import { csrfField, type Viewer } from "../layout.ts";

export function verifyForm(tr: Translator, viewer: Viewer, stored: StoredProfile, now: Date) {
  if (!may(viewer, "editor")) return "";
  const { id, lastVerifiedAt } = stored.profile;
  const today = latestObservableDay(now);
  return html`<section class="box" aria-labelledby="verify-title"><h2 id="verify-title">${tr.t("panelImport.verifyTitle")}</h2>
<form method="post" action="/profiles/${encodeURIComponent(id)}/verify">${csrfField(viewer)}
<p><label for="verified-on">${tr.t("panelImport.verifyDate")}</label><br>
<input type="date" id="verified-on" name="date" required min="${lastVerifiedAt}" max="${today}" value="${now.toISOString().slice(0, 10)}" aria-describedby="verify-help"></p>
<p id="verify-help" class="muted">${tr.t("panelImport.verifyHelp", { current: tr.date(lastVerifiedAt) })}</p>
<button type="submit">${tr.t("panelImport.verifyButton")}</button></form></section>`;
}

export function registerVerify(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  app.post("/profiles/:id/verify", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panelImport.mayNotVerify");
    const date = String((await c.req.parseBody()).date ?? "").trim();
    const id = c.req.param("id");
    await deps.curation.markVerified(id, {
      date,
      verifiedBy: viewer.person.name,
      actor: staffActor(viewer.person),
    });
    return c.redirect(`/profiles/${encodeURIComponent(id)}?done=verified`, 303);
  });
}
