/**
 * The previews' part of panel.css (assets.ts serves it): each platform's look near enough to recognise —
 * Discord's dark embed with its coloured bar, Slack's blocks, Telegram's bubble and inline keyboard —
 * in classes only (the CSP allows no inline style; the embed's colour is an SVG fill).
 */
export const PREVIEW_CSS = `
.pv { margin: .5rem 0 1rem; max-width: 40rem; overflow-wrap: anywhere; font-size: .95rem; line-height: 1.4; }
.pv code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; padding: 0 .2em; border-radius: 3px; background: rgba(127,127,127,.2); }
.pv.discord { background: #313338; color: #dbdee1; padding: .75rem 1rem; border-radius: 6px; }
.pv.discord a { color: #00a8fc; }
.dc-content { margin-bottom: .4rem; white-space: pre-wrap; }
.dc-embed { position: relative; background: #2b2d31; border-radius: 4px; padding: .6rem .9rem .7rem 1.1rem; display: grid; gap: .5rem; }
.dc-bar { position: absolute; top: 0; inset-inline-start: 0; width: 4px; height: 100%; }
.dc-title { font-weight: 700; color: #f2f3f5; }
.dc-description, .dc-field-value { white-space: pre-wrap; font-size: .9rem; }
.dc-fields { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.dc-field { flex: 1 1 100%; }
.dc-field.inline { flex: 1 1 28%; min-width: 8rem; }
.dc-field-name { font-weight: 700; color: #f2f3f5; font-size: .85rem; }
.dc-footer { font-size: .75rem; color: #b5bac1; }
.dc-buttons { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .45rem; }
.pv.discord a:has(.dc-button), .pv.slack a:has(.sl-button) { text-decoration: none; }
.dc-button { display: inline-block; background: #4e5058; color: #fff; padding: .25rem .9rem; border-radius: 3px; font-size: .85rem; }
.pv.slack { background: #fff; color: #1d1c1d; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; display: grid; gap: .55rem; }
.pv.slack a { color: #1264a3; }
.sl-header { font-size: 1.15rem; font-weight: 800; }
.sl-text, .sl-field { white-space: pre-wrap; }
.sl-fields { display: grid; grid-template-columns: 1fr 1fr; gap: .35rem 1rem; }
.sl-context { font-size: .78rem; color: #616061; display: flex; flex-wrap: wrap; gap: .3rem .6rem; white-space: pre-wrap; }
.sl-divider { border: 0; border-top: 1px solid #ddd; margin: .1rem 0; width: 100%; }
.sl-actions { display: flex; flex-wrap: wrap; gap: .4rem; }
.sl-button { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: .2rem .75rem; font-weight: 700; font-size: .85rem; color: #1d1c1d; background: #fff; }
.sl-image { color: #616061; font-style: italic; }
.pv.telegram { background: #9fbf8f; padding: .8rem; border-radius: 6px; }
.tg-bubble { background: #fff; color: #000; border-radius: 12px 12px 12px 4px; padding: .5rem .75rem; white-space: pre-wrap; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
.pv.telegram .tg-bubble a { color: #168acd; }
.tg-bubble blockquote { border-inline-start: 3px solid #168acd; margin: .2rem 0; padding-inline-start: .5rem; }
.tg-bubble mark { background: #d9d9d9; color: inherit; }
.tg-keyboard { display: grid; gap: .25rem; margin-top: .25rem; }
.tg-row { display: flex; gap: .25rem; }
.tg-button { flex: 1 1 0; text-align: center; background: rgba(0,0,0,.28); color: #fff; border-radius: 8px; padding: .35rem .4rem; font-size: .85rem; text-decoration: none; }
.pv.console { background: #1e1e1e; color: #e6e6e6; padding: .75rem 1rem; border-radius: 4px; white-space: pre-wrap; font-size: .85rem; }
`;
