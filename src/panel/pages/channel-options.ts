/**
 * A subscription's post options in the panel (admins): the same options `/subscribe` sets by word, only
 * those its platform honours (core/post-options.ts), changed through the same repository port without
 * touching its state (a paused channel stays paused). The topic a subscription was made in is shown, not
 * edited: it is where `/subscribe` was typed.
 */
import type { Hono } from "hono";
import { platformOf } from "../../core/channel.ts";
import { UserError } from "../../core/errors.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { Subscription } from "../../core/ports/subscriptions.ts";
import {
  type PostOptionName,
  type PostOptions,
  type PostOptionsChange,
  postOptionsOn,
  roleIdOf,
} from "../../core/post-options.ts";
import { staffActor } from "../../core/staff.ts";
import type { Refusal } from "../app.ts";
import type { PanelDeps } from "../deps.ts";
import { may, type PanelContext, type PanelEnv } from "../env.ts";
import { html } from "../html.ts";
import { csrfField, page } from "../layout.ts";

const SWITCHES: ReadonlyArray<readonly [PostOptionName, "silent" | "crosspost" | "linkPreviews"]> = [
  ["silent", "silent"],
  ["crosspost", "crosspost"],
  ["linkPreviews", "linkPreviews"],
];

/** "silent on · role 4242": a subscription's post options in a line, only those its platform has. */
export function postOptionsSummary(tr: Translator, s: Subscription): string {
  const parts = postOptionsOn(platformOf(s.channel)).map((option) =>
    option === "mentionRole"
      ? tr.t("panelOptions.roleValue", {
          hasRole: s.postOptions.mentionRole ? "yes" : "no",
          role: s.postOptions.mentionRole ?? "",
        })
      : tr.t("panelOptions.switchValue", { option, on: s.postOptions[option] ? "on" : "off" }),
  );
  if (s.postOptions.thread) parts.push(tr.t("panelOptions.topicValue", { topic: s.postOptions.thread }));
  return parts.join(" · ");
}

function form(tr: Translator, c: PanelContext, s: Subscription) {
  const options = postOptionsOn(platformOf(s.channel));
  if (options.length === 0) return html`<p>${tr.t("panelOptions.noneHere")}</p>`;
  const o: PostOptions = s.postOptions;
  const fields = options.map((option) =>
    option === "mentionRole"
      ? html`<label>${tr.t("panelOptions.roleLabel")} <input name="mentionRole" inputmode="numeric" maxlength="30" value="${o.mentionRole ?? ""}" aria-describedby="role-help"></label>
<p id="role-help" class="muted">${tr.t("panelOptions.roleHelp")}</p>`
      : html`<label><input type="checkbox" name="${option}" value="on"${o[option] ? html` checked` : ""}> ${tr.t("panelOptions.switchLabel", { option })}</label>`,
  );
  return html`<form method="post" action="/channels/${s.id}/options">${csrfField(c.get("viewer"))}
<fieldset><legend>${tr.t("panelOptions.legend", { channel: s.channel })}</legend>${fields}</fieldset>
<button type="submit">${tr.t("panelOptions.save")}</button></form>`;
}

/** The change a submitted form asks for: every option the platform has, an unticked box is off. */
function changeFrom(body: Record<string, unknown>, s: Subscription): PostOptionsChange {
  const change: PostOptionsChange = {};
  const options = postOptionsOn(platformOf(s.channel));
  for (const [name, key] of SWITCHES) {
    if (options.includes(name)) change[key] = body[key] === "on";
  }
  if (options.includes("mentionRole")) {
    const typed = typeof body.mentionRole === "string" ? body.mentionRole : "";
    const role = roleIdOf(typed);
    if (role === undefined) {
      throw new UserError(
        { key: "panelOptions.roleInvalid", values: { typed: typed.trim() } },
        "INVALID_ARGUMENTS",
      );
    }
    change.mentionRole = role;
  }
  return change;
}

/** The subscription a `/channels/:id/…` path names, or the panel's "no such subscription". */
export async function subscriptionOfPath(deps: PanelDeps, c: PanelContext): Promise<Subscription> {
  const id = Number(c.req.param("id"));
  const found = (await deps.subscriptions.list()).find((s) => s.id === id);
  if (!found) throw new UserError({ key: "panel.noSuchSubscription" }, "NOT_SUBSCRIBED");
  return found;
}

export function registerChannelOptions(
  app: Hono<PanelEnv>,
  deps: PanelDeps,
  refuse: (c: PanelContext, refusal: Refusal) => Response,
): void {
  const find = (c: PanelContext) => subscriptionOfPath(deps, c);

  app.get("/channels/:id/options", async (c) => {
    if (!may(c.get("viewer"), "admin")) return refuse(c, "panelOptions.mayNotChange");
    const tr = c.get("tr");
    const s = await find(c);
    const back = html`<p><a href="/channels">${tr.t("panel.back")}</a></p>`;
    const topic = s.postOptions.thread
      ? html`<p>${tr.t("panelOptions.topicValue", { topic: s.postOptions.thread })}</p>`
      : "";
    const body = html`${topic}${form(tr, c, s)}${back}`;
    return c.html(page(c, { title: tr.t("panelOptions.title"), section: "channels", body }).text);
  });

  app.post("/channels/:id/options", async (c) => {
    const viewer = c.get("viewer");
    if (!may(viewer, "admin")) return refuse(c, "panelOptions.mayNotChange");
    const s = await find(c);
    const change = changeFrom(await c.req.parseBody(), s);
    await deps.subscriptions.setPostOptions(s.channel, change, staffActor(viewer.person));
    return c.redirect("/channels?done=options-saved", 303);
  });
}
