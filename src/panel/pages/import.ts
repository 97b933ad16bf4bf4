/**
 * Import (editors and admins; viewers read the page only): upload YAML/JSON files or a zip of a folder,
 * see every problem with file, line and field, or a dry run of what would change, then apply it. The
 * uploads go through the one importer the command line uses (services/catalog-import.ts); between the
 * dry run and Apply they stay server-side under a token bound to the session (pending-imports.ts).
 */
import type { Hono } from "hono";
import { ImportError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import { staffActor } from "../../core/staff.ts";
import { type NamedFile, UPLOAD_LIMITS } from "../../services/catalog-import.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { may, type PanelContext, type PanelEnv } from "../env.ts";
import { type Html, html } from "../html.ts";
import { csrfField, page, type Viewer } from "../layout.ts";
import { PENDING_MINUTES, PendingImports } from "../pending-imports.ts";
import { changesReport, problemsReport } from "./import-report.ts";

const MIB = 1024 * 1024;
export const megabytes = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

function uploadForm(tr: Translator, viewer: Viewer): Html {
  const limits = tr.t("panelImport.limits", {
    files: UPLOAD_LIMITS.maxFiles,
    megabytes: megabytes(UPLOAD_LIMITS.maxBytes),
    requestMegabytes: megabytes(UPLOAD_LIMITS.requestBytes),
  });
  if (!may(viewer, "editor")) {
    return html`<p>${tr.t("panelImport.intro")}</p><p class="muted">${tr.t("panelImport.readsOnly")}</p>`;
  }
  return html`<p>${tr.t("panelImport.intro")}</p>
<section class="box" aria-labelledby="upload-title"><h2 id="upload-title">${tr.t("panelImport.uploadTitle")}</h2>
<form method="post" action="/import" enctype="multipart/form-data">${csrfField(viewer)}
<p><label for="files">${tr.t("panelImport.filesLabel")}</label><br>
<input type="file" id="files" name="files" multiple required accept=".yaml,.yml,.json,.zip" aria-describedby="limits"></p>
<p id="limits" class="muted">${limits}</p>
<button type="submit">${tr.t("panelImport.check")}</button></form></section>`;
}

/** The uploaded files of the form (an empty file input sends one nameless, empty part). */
async function uploadsOf(c: PanelContext): Promise<NamedFile[]> {
  const body = await c.req.parseBody({ all: true });
  const given = body.files;
  const parts = Array.isArray(given) ? given : given === undefined ? [] : [given];
  const files: NamedFile[] = [];
  for (const part of parts) {
    if (typeof part === "string" || (part.name === "" && part.size === 0)) continue;
    files.push({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
  }
  return files;
}

export function registerImport(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  const pending = new PendingImports();
  const show = (c: PanelContext, input: { title?: string; body: Html | Html[]; status?: 200 | 400 }) => {
    const tr = c.get("tr");
    const title = input.title ?? tr.t("panelImport.title");
    return c.html(page(c, { title, section: "import", body: input.body }).text, input.status ?? 200);
  };
  const again = (tr: Translator) => html`<p><a href="/import">${tr.t("panelImport.again")}</a></p>`;
  const refused = (c: PanelContext, error: ImportError | { problems: ImportError["problems"] }) => {
    const tr = c.get("tr");
    return show(c, {
      title: tr.t("panelImport.refusedTitle"),
      body: [problemsReport(tr, error.problems), uploadForm(tr, c.get("viewer"))],
      status: 400,
    });
  };

  app.get("/import", (c) => show(c, { body: uploadForm(c.get("tr"), c.get("viewer")) }));

  app.post("/import", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panelImport.mayNotImport");
    const tr = c.get("tr");
    const unpacked = deps.imports.unpack(await uploadsOf(c));
    if (unpacked.problems.length > 0) return refused(c, unpacked);
    const actor = staffActor(viewer.person);
    let run: Awaited<ReturnType<PanelDeps["imports"]["run"]>>;
    try {
      run = await deps.imports.run(unpacked.files, { actor, dryRun: true });
    } catch (error) {
      if (error instanceof ImportError) return refused(c, error);
      throw error;
    }
    const token = pending.put(c.get("sessionToken"), unpacked.files);
    return show(c, {
      title: tr.t("panelImport.dryRunTitle"),
      body: html`${changesReport(tr, run, false)}
<section class="box" aria-labelledby="apply-title"><h2 id="apply-title">${tr.t("panelImport.apply")}</h2>
<form method="post" action="/import/apply">${csrfField(viewer)}<input type="hidden" name="token" value="${token}">
<p>${tr.t("panelImport.applyHelp", { minutes: PENDING_MINUTES })}</p>
<button type="submit">${tr.t("panelImport.apply")}</button></form></section>${again(tr)}`,
    });
  });

  app.post("/import/apply", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "editor")) return refuse(c, "panelImport.mayNotImport");
    const tr = c.get("tr");
    const token = (await c.req.parseBody()).token;
    const files = pending.get(c.get("sessionToken"), token);
    if (!files || typeof token !== "string") {
      const body = html`<p class="error" role="alert">${tr.t("panelImport.expired")}</p>${uploadForm(tr, viewer)}`;
      return show(c, { title: tr.t("panel.nothingChangedTitle"), body, status: 400 });
    }
    // Taken before the import runs: a second click on Apply finds nothing to apply.
    pending.forget(token);
    let run: Awaited<ReturnType<PanelDeps["imports"]["run"]>>;
    try {
      // The same files again, checked again: the catalog may have changed since the dry run.
      run = await deps.imports.run(files, { actor: staffActor(viewer.person), dryRun: false });
    } catch (error) {
      if (error instanceof ImportError) return refused(c, error);
      throw error;
    }
    return show(c, {
      title: tr.t("panelImport.appliedTitle"),
      body: html`<p class="notice" role="status">${tr.t("panelImport.applied")}</p>${changesReport(tr, run, true)}${again(tr)}`,
    });
  });
}
