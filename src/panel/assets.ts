/**
 * The panel's one stylesheet, served from /assets/panel.css (no CDN, no inline style: the CSP allows
 * styles from the panel itself only). Plain CSS, readable at phone width.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PREVIEW_CSS } from "./previews/styles.ts";

export const PANEL_CSS = `
:root { --ink: #1b1b1f; --muted: #5a5a66; --line: #d8d8e0; --accent: #0b5cad; --bad: #a4161a; --ok: #1b6e35; --bg: #f7f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { inset-inline-start: .5rem; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; }
.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
.top nav a { text-decoration: none; padding: .25rem 0; }
.top nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--accent); }
.languages ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: .6rem 1rem; border-top: 1px solid var(--line); }
.languages a[aria-current] { font-weight: 700; }
.who { margin-inline-start: auto; display: flex; align-items: center; gap: .5rem; }
.role { color: var(--muted); }
main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
main.narrow { max-width: 32rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.notice { background: #e8f4ec; border: 1px solid #b5dcc2; padding: .5rem .75rem; border-radius: 4px; }
.error { background: #fbeaea; border: 1px solid #e6b3b3; padding: .5rem .75rem; border-radius: 4px; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: start; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
.table-wrap { overflow-x: auto; }
.badge { display: inline-block; font-size: .8rem; padding: .05rem .45rem; border-radius: 999px; border: 1px solid var(--line); background: #fff; white-space: nowrap; }
.badge.spotlight { background: #fff4d6; border-color: #e9c46a; }
.badge.down, .badge.paused { background: #fbeaea; border-color: #e6b3b3; color: var(--bad); }
.badge.stale { background: #f1effa; border-color: #c9c0ea; }
.badge.active, .badge.sent { background: #e8f4ec; border-color: #b5dcc2; color: var(--ok); }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
section.box h2 { margin-top: 0; }
details.preview { margin: .5rem 0; }
details.preview summary { cursor: pointer; padding: .35rem 0; font-weight: 600; color: var(--accent); }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
input, select, textarea, button { font: inherit; }
input[type="search"], input[type="text"], input[type="date"], select, textarea { padding: .35rem .5rem; border: 1px solid #9a9aa8; border-radius: 4px; background: #fff; min-height: 2.25rem; }
textarea { width: 100%; max-width: 36rem; }
button { padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; min-height: 2.25rem; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
ul.sign-in-with { list-style: none; padding: 0; margin: 0 0 1.25rem; display: grid; gap: .5rem; }
a.button { display: block; text-align: center; padding: .6rem 1rem; border-radius: 4px; color: #fff; text-decoration: none; font-weight: 600; min-height: 2.75rem; }
a.button.discord { background: #4752c4; }
a.button.slack { background: #4a154b; }
label.check { flex-direction: row !important; align-items: center; gap: .35rem !important; font-size: 1rem !important; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; background: #fff; padding: .75rem 1rem; border: 1px solid var(--line); }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.card { background: #fff; border: 1px solid var(--line); padding: .75rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
section.box { background: #fff; border: 1px solid var(--line); padding: .75rem 1rem; margin: 1rem 0; }
.charts figure { margin: 1rem 0; }
.charts figcaption { font-weight: 600; margin-bottom: .35rem; }
.chart { background: #fff; border: 1px solid var(--line); min-height: 2rem; overflow-x: auto; }
.problems { color: var(--bad); }
table.log td { overflow-wrap: anywhere; min-width: 4.5rem; }
table.problems-table td:first-child { white-space: nowrap; }
ul.ids { columns: 16rem; }
.calendar-wrap { overflow-x: auto; }
table.calendar { table-layout: fixed; min-width: 44rem; }
table.calendar caption { text-align: start; font-weight: 600; padding: .4rem 0; }
table.calendar th { text-align: center; }
table.calendar td { height: 5.5rem; border: 1px solid var(--line); padding: .3rem; overflow-wrap: anywhere; }
table.calendar td.outside { background: var(--bg); }
table.calendar td.today { box-shadow: inset 0 0 0 3px var(--accent); }
table.calendar .date { font-weight: 600; color: var(--muted); }
table.calendar td.today .date { color: var(--accent); }
.visually-hidden, table.calendar .full { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
ul.spots { list-style: none; margin: .2rem 0 0; padding: 0; display: grid; gap: .3rem; }
li.spot { background: #fff4d6; border-inline-start: 4px solid #e9c46a; padding: .25rem .35rem; font-size: .85rem; display: flex; flex-direction: column; gap: .15rem; align-items: flex-start; }
li.spot.community { background: #e8effa; border-color: var(--accent); }
li.spot.trouble { background: #fbeaea; border-color: var(--bad); }
.conflict { color: var(--bad); font-size: .8rem; }
button.small { min-height: 1.8rem; padding: .1rem .6rem; font-size: .85rem; }
fieldset { border: 1px solid var(--line); padding: .3rem .6rem; margin: 0; }
fieldset label.check { font-size: 1rem; }
@media (max-width: 40rem) {
  table.calendar { min-width: 0; }
  table.calendar caption { display: block; width: 100%; }
  table.calendar thead { position: absolute; inset-inline-start: -999px; }
  table.calendar, table.calendar tbody, table.calendar tr, table.calendar td { display: block; width: 100%; }
  table.calendar td { height: auto; border: 0; border-bottom: 1px solid var(--line); }
  table.calendar td.outside, table.calendar td.plain:not(.today) { display: none; }
  table.calendar .date { display: none; }
  table.calendar .full { position: static; width: auto; height: auto; clip-path: none; white-space: normal; font-weight: 600; }
  .who { margin-inline-start: 0; width: 100%; justify-content: space-between; }
  table.stack thead { position: absolute; inset-inline-start: -999px; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 2px solid var(--line); padding: .35rem 0; }
  table.stack td { border: 0; padding: .15rem .6rem; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
  table.problems-table td:first-child { white-space: normal; overflow-wrap: anywhere; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
}
${PREVIEW_CSS}`;

/** uPlot (MIT), served from the installed package: the Deliveries page's charts, no CDN. Read once. */
let uplot: { js: string; css: string } | undefined;
export function uplotAssets(): { js: string; css: string } {
  if (!uplot) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`uplot/dist/${file}`), "utf8");
    uplot = { js: read("uPlot.iife.min.js"), css: read("uPlot.min.css") };
  }
  return uplot;
}
