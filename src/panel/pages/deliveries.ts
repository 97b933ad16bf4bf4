/**
 * Deliveries: the log of posts (when, where, which profile, what became of it, a link to the message where
 * the platform gives one, and its withdrawal when it was taken back), filtered and paged in the database;
 * the same rows as CSV; and charts of the last 30 days. Every role may read it.
 */
import type { Hono } from "hono";
import { PLATFORMS } from "../../core/channel.ts";
import { csvLine } from "../../core/csv.ts";
import { DELIVERY_STATES } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { DeliveryLogRow } from "../../core/ports/delivery-log.ts";
import { addDays, localDateOf } from "../../core/time.ts";
import type { PanelDeps } from "../deps.ts";
import { withSettledDays } from "../settled-days.ts";
import { PAGE_SIZE, type PanelEnv, pager } from "../env.ts";
import { Html, html } from "../html.ts";
import { page } from "../layout.ts";
import { CHART_DAYS, deliveryFigures, type Figures } from "./delivery-figures.ts";
import { readFilters } from "./delivery-filters.ts";

const utc = (at: Date | undefined) => (at ? at.toISOString().slice(0, 16).replace("T", " ") : "");

function select(
  name: string,
  label: string,
  choices: readonly string[],
  chosen: string | undefined,
  word: (v: string) => string,
  tr: Translator,
) {
  return html`<label>${label} <select name="${name}"><option value="">${tr.t("panel.any")}</option>${choices.map(
    (v) => html`<option value="${v}"${v === chosen ? new Html(" selected") : ""}>${word(v)}</option>`,
  )}</select></label>`;
}

function row(tr: Translator, deps: PanelDeps, r: DeliveryLogRow) {
  const link = r.messageRef ? deps.messageLink?.(r.platform, r.channel, r.messageRef) : undefined;
  const outcome = tr.t("panel.deliveryState", { state: r.state });
  return html`<tr>
  <td data-label="${tr.t("deliveryLog.date")}">${r.localDate}${r.spotlight ? html` <span class="badge">${tr.t("deliveryLog.spotlightMark")}</span>` : ""}</td>
  <td data-label="${tr.t("deliveryLog.due")}">${utc(r.dueAt)}</td>
  <td data-label="${tr.t("panel.channel")}">${r.channel}</td>
  <td data-label="${tr.t("deliveryLog.platform")}">${tr.t("deliveryLog.platformName", { platform: r.platform })}</td>
  <td data-label="${tr.t("deliveryLog.profile")}">${r.profileId ? html`<a href="/profiles/${encodeURIComponent(r.profileId)}">${r.profileId}</a>` : "—"}</td>
  <td data-label="${tr.t("deliveryLog.outcome")}"><span class="badge ${r.state}">${outcome}</span>${r.detail ? html`<br><span class="muted">${r.detail}</span>` : ""}<br><span class="muted">${tr.t("deliveryLog.attempts", { attempts: r.attempts })}</span></td>
  <td data-label="${tr.t("deliveryLog.sent")}">${utc(r.sentAt) || "—"}</td>
  <td data-label="${tr.t("deliveryLog.message")}">${link ? html`<a href="${link}" rel="noreferrer noopener" target="_blank">${tr.t("deliveryLog.openMessage")}</a>` : "—"}</td>
  <td data-label="${tr.t("deliveryLog.update")}">${r.update ? html`${tr.t("deliveryLog.updateState", { state: r.update.state })}${r.update.detail ? html`<br><span class="muted">${r.update.detail}</span>` : ""}` : "—"}</td>
  <td data-label="${tr.t("deliveryLog.withdrawal")}">${r.retraction ? html`${tr.t("deliveryLog.retraction", { state: r.retraction.state })}${r.retraction.detail ? html`<br><span class="muted">${r.retraction.detail}</span>` : ""}` : "—"}</td>
</tr>`;
}

function figuresTable(tr: Translator, f: Figures) {
  const rows = f.days.map((day, i) => {
    const posts = f.platforms.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
    const sent =
      f.outcomes.find((s) => s.label === tr.t("panel.deliveryState", { state: "sent" }))?.values[i] ?? 0;
    return posts === 0
      ? ""
      : html`<tr><td>${day}</td><td>${posts}</td><td>${posts - sent}</td><td>${f.lateness[0]?.values[i] ?? "—"}</td><td>${f.lateness[1]?.values[i] ?? "—"}</td></tr>`;
  });
  return html`<details><summary>${tr.t("deliveryLog.figures")}</summary><div class="table-wrap"><table>
<thead><tr><th scope="col">${tr.t("deliveryLog.date")}</th><th scope="col">${tr.t("deliveryLog.posts")}</th><th scope="col">${tr.t("deliveryLog.notSent")}</th><th scope="col">${tr.t("deliveryLog.medianMinutes")}</th><th scope="col">${tr.t("deliveryLog.worstMinutes")}</th></tr></thead>
<tbody>${rows}</tbody></table></div></details>`;
}

function charts(tr: Translator, f: Figures) {
  if (f.total === 0)
    return html`<h2>${tr.t("deliveryLog.chartsTitle")}</h2><p>${tr.t("deliveryLog.noFigures")}</p>`;
  // JSON in a data block is never run, so the CSP (no inline script) allows it; "<" is escaped so no
  // label can close the block.
  const data = JSON.stringify(f).replaceAll("<", "\\u003c");
  const figure = (id: string, caption: string) =>
    html`<figure><figcaption id="${id}-caption">${caption}</figcaption><div id="${id}" class="chart" role="img" aria-labelledby="${id}-caption"></div></figure>`;
  return html`<section class="charts"><h2>${tr.t("deliveryLog.chartsTitle")}</h2>
${figure("chart-platforms", tr.t("deliveryLog.chartPlatforms"))}
${figure("chart-outcomes", tr.t("deliveryLog.chartOutcomes"))}
${figure("chart-lateness", tr.t("deliveryLog.chartLateness"))}
${figuresTable(tr, f)}
<script type="application/json" id="delivery-figures">${new Html(data)}</script>
<link rel="stylesheet" href="/assets/uplot.css">
<script src="/assets/uplot.js"></script>
<script src="/assets/delivery-charts.js"></script>
</section>`;
}

export function registerDeliveries(app: Hono<PanelEnv>, deps: PanelDeps): void {
  const figuresOf = withSettledDays(deps.deliveryLog);
  app.get("/deliveries", async (c) => {
    const tr = c.get("tr");
    const { filter, problems, query } = readFilters((name) => c.req.query(name), tr);
    const asked = Number.parseInt(c.req.query("page") ?? "1", 10);
    const wanted = Number.isFinite(asked) && asked > 0 ? asked : 1;
    const today = localDateOf(deps.clock.now(), "UTC");
    // The page asked for is read with the figures; only a page past the end is read again, as the last.
    const [ledger, first] = await Promise.all([
      figuresOf({ from: addDays(today, 1 - CHART_DAYS), to: today }, filter),
      deps.deliveryLog.page(filter, (wanted - 1) * PAGE_SIZE, PAGE_SIZE),
    ]);
    const { total } = ledger;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const at = Math.min(wanted, pages);
    const rows = at === wanted ? first : await deps.deliveryLog.page(filter, (at - 1) * PAGE_SIZE, PAGE_SIZE);
    const figures = deliveryFigures(tr, today, ledger.daily);
    const body = html`<p>${tr.t("deliveryLog.intro")}</p>
${problems.length > 0 ? html`<ul class="problems" role="alert">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : ""}
<form class="filters" method="get" action="/deliveries" role="search">
  ${select("platform", tr.t("deliveryLog.platform"), PLATFORMS, filter.platform, (p) => tr.t("deliveryLog.platformName", { platform: p }), tr)}
  ${select("state", tr.t("deliveryLog.outcome"), DELIVERY_STATES, filter.state, (s) => tr.t("panel.deliveryState", { state: s }), tr)}
  <label>${tr.t("deliveryLog.profile")} <input type="search" name="profile" value="${filter.profileId ?? ""}"></label>
  <label>${tr.t("deliveryLog.from")} <input type="date" name="from" value="${filter.from ?? ""}"></label>
  <label>${tr.t("deliveryLog.to")} <input type="date" name="to" value="${filter.to ?? ""}"></label>
  <button type="submit">${tr.t("panel.filter")}</button>
</form>
<p><a href="/deliveries.csv${query ? `?${query}` : ""}" download>${tr.t("deliveryLog.downloadCsv")}</a></p>
${
  rows.length === 0
    ? html`<p>${tr.t("deliveryLog.none")}</p>`
    : html`<div class="table-wrap"><table class="stack log">
<thead><tr><th scope="col">${tr.t("deliveryLog.date")}</th><th scope="col">${tr.t("deliveryLog.due")}</th><th scope="col">${tr.t("panel.channel")}</th><th scope="col">${tr.t("deliveryLog.platform")}</th><th scope="col">${tr.t("deliveryLog.profile")}</th><th scope="col">${tr.t("deliveryLog.outcome")}</th><th scope="col">${tr.t("deliveryLog.sent")}</th><th scope="col">${tr.t("deliveryLog.message")}</th><th scope="col">${tr.t("deliveryLog.update")}</th><th scope="col">${tr.t("deliveryLog.withdrawal")}</th></tr></thead>
<tbody>${rows.map((r) => row(tr, deps, r))}</tbody></table></div>
${pager(c, { page: at, pages }, total, "deliveryLog.pager")}`
}
${charts(tr, figures)}`;
    return c.html(page(c, { title: tr.t("deliveryLog.nav"), section: "deliveries", body }).text);
  });

  app.get("/deliveries.csv", async (c) => {
    const { filter } = readFilters((name) => c.req.query(name), c.get("tr"));
    const header = csvLine([
      "local_date",
      "due_at_utc",
      "sent_at_utc",
      "channel",
      "platform",
      "campaign",
      "profile",
      "spotlight",
      "outcome",
      "detail",
      "attempts",
      "message_channel",
      "message_id",
      "message_link",
      "update",
      "update_detail",
      "withdrawal",
      "withdrawal_detail",
    ]);
    const rows = deps.deliveryLog.each(filter);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(header));
        try {
          for await (const r of rows) {
            const link = r.messageRef ? deps.messageLink?.(r.platform, r.channel, r.messageRef) : undefined;
            controller.enqueue(
              encoder.encode(
                csvLine([
                  r.localDate,
                  r.dueAt.toISOString(),
                  r.sentAt?.toISOString(),
                  r.channel,
                  r.platform,
                  r.campaignId,
                  r.profileId,
                  r.spotlight ? "yes" : "no",
                  r.state,
                  r.detail,
                  r.attempts,
                  r.messageRef?.channelId,
                  r.messageRef?.messageId,
                  link,
                  r.update?.state,
                  r.update?.detail,
                  r.retraction?.state,
                  r.retraction?.detail,
                ]),
              ),
            );
          }
          controller.close();
        } catch (err) {
          deps.logger.error({ err }, "deliveries CSV export failed");
          controller.error(err);
        }
      },
    });
    const day = localDateOf(deps.clock.now(), "UTC");
    return c.body(stream, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="deliveries-${day}.csv"`,
    });
  });
}
