/**
 * The manifest asks for exactly the scopes the adapter uses: every Web API method and event the adapter's
 * source calls or listens to is listed here with the scopes Slack's method and event pages give for it
 * (docs.slack.dev/reference), and their union, with `commands` for the slash commands and
 * `chat:write.public` (why: manifest.ts), is the manifest's scope list, neither more nor less. A new call
 * fails this test until it is listed here; a scope nothing needs any more fails it too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { BOT_EVENTS, BOT_SCOPES, createSlackManifest } from "../../../platforms/slack/manifest.ts";

const SOURCE = fileURLToPath(new URL("../../../platforms/slack/", import.meta.url));

/** Web API methods and the bot scopes each needs (none: works with any bot token). */
const METHOD_SCOPES: ReadonlyMap<string, readonly string[]> = new Map([
  ["auth.test", []],
  ["chat.postMessage", ["chat:write"]],
  ["chat.update", ["chat:write"]],
  ["chat.delete", ["chat:write"]],
  ["conversations.open", ["im:write"]],
  ["users.info", ["users:read"]],
  ["views.publish", []],
  ["oauth.v2.access", []],
]);

/** Events and the scopes they need. */
const EVENT_SCOPES: ReadonlyMap<string, readonly string[]> = new Map([
  ["app_uninstalled", []],
  ["tokens_revoked", []],
  ["app_home_opened", []],
  ["app_mention", ["app_mentions:read"]],
]);

/** Scopes no method call shows: slash commands themselves, and posting where the bot was not invited. */
const WITHOUT_A_CALL = ["commands", "chat:write.public"];

function adapterSource(): string {
  return readdirSync(SOURCE)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(`${SOURCE}${f}`, "utf8"))
    .join("\n");
}

describe("the Slack manifest's scopes", () => {
  const source = adapterSource();
  const methods = new Set(
    [
      ...source.matchAll(
        /\.(auth|chat|conversations|users|views|oauth\.v2|apps|team|reactions|files)\.([a-zA-Z]+)\(/g,
      ),
    ].map((m) => `${m[1]}.${m[2]}`),
  );
  const events = new Set([...source.matchAll(/app\.event\("([a-z_]+)"/g)].map((m) => m[1] ?? ""));

  it("knows the scopes of every Web API method and event the adapter uses", () => {
    expect([...methods].filter((m) => !METHOD_SCOPES.has(m))).toEqual([]);
    expect([...events].filter((e) => !EVENT_SCOPES.has(e))).toEqual([]);
    // The scan found the calls it should (it would pass vacuously on a broken pattern).
    expect(methods).toContain("chat.postMessage");
    expect(events).toContain("app_home_opened");
  });

  it("asks for exactly the scopes those need, and subscribes to exactly those events", () => {
    const needed = new Set([
      ...WITHOUT_A_CALL,
      ...[...methods].flatMap((m) => METHOD_SCOPES.get(m) ?? []),
      ...[...events].flatMap((e) => EVENT_SCOPES.get(e) ?? []),
    ]);
    const manifest = createSlackManifest(commands, { publicUrl: "https://bot.example.org" });
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual([...needed].sort());
    expect([...BOT_SCOPES].sort()).toEqual([...needed].sort());
    expect([...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort()).toEqual(
      [...events].sort(),
    );
    expect([...BOT_EVENTS].sort()).toEqual([...events].sort());
  });
});
