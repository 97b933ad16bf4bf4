/**
 * Every catalog, by language and area: `catalogs/<tag>/<area>.json`, one file per language and area so
 * that work on different areas never edits the same file, and `catalogs/<tag>/meta.json`, whether a
 * fluent person reviewed the language. English, the source, is imported (its keys type `MessageKey`);
 * the other languages are read once when this module loads, for the areas English has. A new area is a
 * file in every language and one import below. The build copies the folder (scripts/build.js).
 */
import { readFileSync } from "node:fs";
import act from "./catalogs/en/act.json" with { type: "json" };
import card from "./catalogs/en/card.json" with { type: "json" };
import channelAccess from "./catalogs/en/channelAccess.json" with { type: "json" };
import commands from "./catalogs/en/commands.json" with { type: "json" };
import dates from "./catalogs/en/dates.json" with { type: "json" };
import common from "./catalogs/en/common.json" with { type: "json" };
import deeplink from "./catalogs/en/deeplink.json" with { type: "json" };
import deliveryLog from "./catalogs/en/deliveryLog.json" with { type: "json" };
import dispatch from "./catalogs/en/dispatch.json" with { type: "json" };
import language from "./catalogs/en/language.json" with { type: "json" };
import menu from "./catalogs/en/menu.json" with { type: "json" };
import names from "./catalogs/en/names.json" with { type: "json" };
import native from "./catalogs/en/native.json" with { type: "json" };
import notice from "./catalogs/en/notice.json" with { type: "json" };
import panel from "./catalogs/en/panel.json" with { type: "json" };
import panelOptions from "./catalogs/en/panelOptions.json" with { type: "json" };
import panelImport from "./catalogs/en/panelImport.json" with { type: "json" };
import panelOAuth from "./catalogs/en/panelOAuth.json" with { type: "json" };
import panelCalendar from "./catalogs/en/panelCalendar.json" with { type: "json" };
import post from "./catalogs/en/post.json" with { type: "json" };
import postOptions from "./catalogs/en/postOptions.json" with { type: "json" };
import render from "./catalogs/en/render.json" with { type: "json" };
import schedule from "./catalogs/en/schedule.json" with { type: "json" };
import share from "./catalogs/en/share.json" with { type: "json" };
import slackHome from "./catalogs/en/slackHome.json" with { type: "json" };
import subscribe from "./catalogs/en/subscribe.json" with { type: "json" };
import update from "./catalogs/en/update.json" with { type: "json" };
import { LANGUAGE_TAGS } from "./languages.ts";

/** The English catalog, the source: its keys are the only keys. */
export const SOURCE = {
  common,
  language,
  dispatch,
  commands,
  subscribe,
  schedule,
  card,
  share,
  post,
  notice,
  render,
  menu,
  names,
  panel,
  panelImport,
  panelOAuth,
  panelCalendar,
  deliveryLog,
  deeplink,
  dates,
  act,
  update,
  postOptions,
  panelOptions,
  channelAccess,
  native,
  slackHome,
} as const;

export type Areas = typeof SOURCE;
type Messages = Readonly<Record<string, string>>;
export type Catalog = Readonly<Record<string, Messages>>;

/** Whether a fluent person reviewed a language's catalog, and who made it. */
export interface CatalogReview {
  reviewed: boolean;
  reviewedBy: string | null;
  translatedBy: string | null;
  note: string;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`./catalogs/${path}`, import.meta.url), "utf8"));
}

function readCatalog(tag: string): Catalog {
  if (tag === "en") return SOURCE;
  return Object.fromEntries(
    Object.keys(SOURCE).map((area) => [area, readJson(`${tag}/${area}.json`) as Messages]),
  );
}

/** Each language's areas, as loaded (a translation may lack a key: the fallback chain covers it). */
export const CATALOGS: Readonly<Record<string, Catalog>> = Object.fromEntries(
  LANGUAGE_TAGS.map((tag) => [tag, readCatalog(tag)]),
);

export const REVIEWS: Readonly<Record<string, CatalogReview>> = Object.fromEntries(
  LANGUAGE_TAGS.map((tag) => [tag, readJson(`${tag}/meta.json`) as CatalogReview]),
);
