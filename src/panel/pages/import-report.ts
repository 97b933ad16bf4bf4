/**
 * What the Import page shows of an import: every problem with its file, line and field (the importer's
 * own words, escaped), or what a dry run would add, change and leave alone, and what an applied one did.
 */
import type { ImportProblem } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { ImportRun } from "../../services/catalog-import.ts";
import { type Html, html } from "../html.ts";

export function problemsReport(tr: Translator, problems: readonly ImportProblem[]): Html {
  const rows = problems.map(
    (p) => html`<tr>
  <td data-label="${tr.t("panelImport.colFile")}"><code>${p.file}</code></td>
  <td data-label="${tr.t("panelImport.colLine")}" class="nowrap">${p.line ?? "—"}</td>
  <td data-label="${tr.t("panelImport.colField")}">${p.path ? html`<code>${p.path}</code>` : html`<span class="muted">${tr.t("panelImport.wholeDocument")}</span>`}</td>
  <td data-label="${tr.t("panelImport.colProblem")}">${p.message}</td>
</tr>`,
  );
  return html`<p class="error" role="alert">${tr.t("panelImport.problems", { count: problems.length })}</p>
<div class="table-wrap"><table class="stack problems-table">
<thead><tr><th scope="col">${tr.t("panelImport.colFile")}</th><th scope="col">${tr.t("panelImport.colLine")}</th><th scope="col">${tr.t("panelImport.colField")}</th><th scope="col">${tr.t("panelImport.colProblem")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function idList(title: string, ids: readonly string[], linked: boolean): Html | "" {
  if (ids.length === 0) return "";
  return html`<h2>${title}</h2><ul class="ids">${ids.map(
    (id) =>
      html`<li>${linked ? html`<a href="/profiles/${encodeURIComponent(id)}"><code>${id}</code></a>` : html`<code>${id}</code>`}</li>`,
  )}</ul>`;
}

/** The counts and ids of an import run; `applied`: the ids link to the profiles, which exist now. */
export function changesReport(tr: Translator, run: ImportRun, applied: boolean): Html {
  const { result } = run;
  const touched =
    result.campaigns.created + result.campaigns.updated + result.profiles.created + result.profiles.updated;
  return html`<p>${tr.t("panelImport.filesValid", { count: run.files.length })}</p>
<ul class="counts">
  <li>${tr.t("panelImport.campaignsLine", { ...result.campaigns })}</li>
  <li>${tr.t("panelImport.profilesLine", { ...result.profiles })}</li>
</ul>
${touched === 0 ? html`<p>${tr.t("panelImport.nothingChanges")}</p>` : ""}
${idList(tr.t("panelImport.newProfiles"), result.createdProfileIds, applied)}
${idList(tr.t("panelImport.changedProfiles"), result.changedProfileIds, true)}
${idList(tr.t("panelImport.statusChanges"), result.statusChanges ?? [], true)}
${idList(tr.t("panelImport.consentWithdrawn"), result.consentWithdrawn ?? [], true)}
${run.retracted === undefined ? "" : html`<p>${tr.t("panelImport.retracted", { count: run.retracted })}</p>`}
${result.absentProfiles > 0 ? html`<p class="muted">${tr.t("panelImport.absent", { count: result.absentProfiles })}</p>` : ""}`;
}
