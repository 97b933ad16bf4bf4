/**
 * The Slack app manifest, generated from the command definitions (`freetobehome slack-manifest` prints it).
 * Pure: paste the output into api.slack.com/apps → "Create from manifest".
 */
import type { webApi } from "@slack/bolt";
import type { AnyCommand } from "../../src/core/command.ts";
import { MODERATORS_COMMAND, MODERATORS_DESCRIPTION } from "./moderator-admin.ts";

export type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];

export interface ManifestOptions {
  /** At most 35 characters (Slack's limit for an app name); default "FreeToBeHome". */
  appName?: string;
  description?: string;
  /**
   * Where Slack reaches the app, e.g. `https://bot.example.org`: requests go to `/slack/events` (HTTP) and
   * the OAuth install returns to `/slack/oauth_redirect` (both modes). Without it, Socket Mode and one
   * workspace (no install pages to return to).
   */
  publicUrl?: string;
  /** Default: Socket Mode when there is no public URL, HTTP when there is. */
  socketMode?: boolean;
  /**
   * Expiring bot tokens with refresh tokens (token-rotation.ts). Needs the OAuth install (a public URL):
   * the app refreshes with its client id and secret. Slack cannot turn it off again once on.
   */
  tokenRotation?: boolean;
  /** Org-wide installs on Enterprise Grid (installations.ts). Needs the OAuth install (a public URL). */
  orgDeploy?: boolean;
}

/**
 * - `commands`: the slash commands.
 * - `chat:write`: the daily post and notices to moderators.
 * - `chat:write.public`: lets the daily post reach a public channel the bot was never invited to. Slash
 *   commands work there without an invitation, so without this scope a moderator's `/subscribe` would
 *   succeed and every post after it fail with `not_in_channel`. We only post where a moderator subscribed.
 *   Private channels still need the bot invited.
 * - `users:read`: `users.info`, to tell admins, owners and guests apart for moderator commands.
 * - `im:write`: `conversations.open`, to tell the moderator who subscribed a channel, in a direct message,
 *   that its posts are paused (the channel itself is what failed). A workspace that installed the app
 *   before this scope existed gets `missing_scope` there until it reinstalls; the pause holds regardless.
 * - `app_mentions:read`: the `app_mention` event, so `@FreeToBeHome prisoner <name>` in a thread is
 *   answered there (mention.ts). Reads only messages that mention the app.
 * The App Home (`views.publish`, `app_home_opened`) and token rotation (`oauth.v2.access`) need no scope.
 * tests/platforms/slack/manifest-scopes.test.ts checks this list against every Web API method and event
 * the adapter uses.
 * No `channels:read`/`groups:read`: nothing reads channel details; a channel that is archived, deleted or
 * left shows up as a permanent error on the next post, which pauses its subscription.
 */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "users:read",
  "im:write",
  "app_mentions:read",
] as const;

/**
 * `app_uninstalled` and `tokens_revoked` need no scope and tell us a workspace is gone (its installation is
 * deleted and its subscriptions paused). `app_home_opened` (no scope) publishes the Home tab;
 * `app_mention` (`app_mentions:read`) answers a mention in its thread. Channel events (`channel_archive`,
 * `member_left_channel`, …) would need read scopes for what a failed post already tells us.
 */
export const BOT_EVENTS = ["app_uninstalled", "tokens_revoked", "app_home_opened", "app_mention"] as const;

/** Bolt's default paths, kept under the public URL's own path (a proxy may serve the bot below a prefix). */
const at = (publicUrl: string, path: "slack/events" | "slack/oauth_redirect") =>
  new URL(path, publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`).href;

export function createSlackManifest(
  commands: readonly AnyCommand[],
  options: ManifestOptions = {},
): SlackManifest {
  const socketMode = options.socketMode ?? options.publicUrl === undefined;
  if (!socketMode && !options.publicUrl) {
    throw new TypeError("a Slack app over HTTP needs a publicUrl (e.g. https://bot.example.org)");
  }
  const url = options.publicUrl && !socketMode ? at(options.publicUrl, "slack/events") : undefined;
  if ((options.tokenRotation || options.orgDeploy) && !options.publicUrl) {
    throw new TypeError("token rotation and org-wide installs need the OAuth install: give a publicUrl");
  }
  const appName = options.appName ?? "FreeToBeHome";
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: appName.slice(0, 35),
      description: (options.description ?? "Keeps the families of political prisoners in view").slice(0, 140),
    },
    features: {
      bot_user: { display_name: botDisplayName(appName), always_online: true },
      // The Home tab (home.ts); the Messages tab is where slash commands in a DM and notices to moderators are.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: [...commands.map((command) => slashCommand(command, url)), moderatorsCommand(url)],
    },
    oauth_config: {
      ...(options.publicUrl ? { redirect_urls: [at(options.publicUrl, "slack/oauth_redirect")] } : {}),
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      // The Home's name search (an external_select) loads its options from the same endpoint.
      interactivity: {
        is_enabled: true,
        ...(url ? { request_url: url, message_menu_options_url: url } : {}),
      },
      org_deploy_enabled: options.orgDeploy ?? false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: options.tokenRotation ?? false,
    },
  };
}

/**
 * The adapter's own `/moderators`. Escaped, unlike the others: a typed `@ana` must arrive as `<@U…|ana>`,
 * the only form that names one person for sure.
 */
function moderatorsCommand(url: string | undefined) {
  return {
    command: `/${MODERATORS_COMMAND}`,
    description: MODERATORS_DESCRIPTION,
    should_escape: true,
    usage_hint: "add @user · remove @user · list",
    ...(url ? { url } : {}),
  };
}

function slashCommand(command: AnyCommand, url: string | undefined) {
  const name = `/${command.name}`;
  if (!/^\/[a-z0-9_-]{1,31}$/.test(name)) throw new TypeError(`not a valid Slack command name: ${name}`);
  const hint = usageHint(command);
  if (command.name === MODERATORS_COMMAND)
    throw new TypeError(`/${MODERATORS_COMMAND} is the Slack adapter's own`);
  return {
    command: name,
    description: command.description.slice(0, 2000),
    // Unescaped: commands take names and dates as typed, not `<@U…>` forms of them.
    should_escape: false,
    ...(url ? { url } : {}),
    ...(hint ? { usage_hint: hint.slice(0, 1000) } : {}),
  };
}

/** "/schedule <name> <date> · /schedule list" → "<name> <date> · list": Slack shows the command itself. */
export function usageHint(command: AnyCommand): string {
  const self = new RegExp(`(^|\\s)/${command.name}\\b\\s*`, "g");
  return command.usage.replace(self, "$1").replace(/\s+/g, " ").trim();
}

/** Slack allows only a-z, 0-9, `-`, `_` and `.` in a bot's display name, at most 80 of them. */
function botDisplayName(appName: string): string {
  const slug = appName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return (slug || "freetobehome").slice(0, 80);
}
