/**
 * The Slack adapter: Bolt wired to our dispatch and delivery. Wiring only; the work is in the files beside
 * this one. Options (`createSlackAdapter`):
 *
 * - `botToken` (SLACK_BOT_TOKEN): one workspace, no OAuth. Checked with `auth.test` at start.
 * - `clientId`, `clientSecret`, `stateSecret` (SLACK_CLIENT_ID, _SECRET, SLACK_STATE_SECRET): many
 *   workspaces instead. `/slack/install` starts the install, `/slack/oauth_redirect` finishes it, and each
 *   workspace's installation (its bot token) goes to `installationStore`. Set these or `botToken`, not both.
 * - `signingSecret` (SLACK_SIGNING_SECRET): HTTP mode. Requests arrive on `port` at `/slack/events`, and
 *   a wrong signature or a timestamp more than 5 minutes from now (either way) gets 401 before any
 *   listener runs.
 * - `appToken` (SLACK_APP_TOKEN, `xapp-…`): Socket Mode instead of HTTP; nothing listens for requests, and
 *   `port` serves only the install pages (OAuth).
 * - `port` (SLACK_PORT): see above; 0 picks a free one (`httpPort()` tells which, HTTP mode).
 * - `apiUrl` (SLACK_API_URL): the Web API base (GovSlack, a local fake); the OAuth consent page is taken
 *   from beside it. Default: Slack's.
 * - `installationStore`: where OAuth installations live (unused with `botToken`).
 * - `botModerators`: the members each workspace's admins made bot moderators with `/moderators`.
 * - `onWorkspaceRevoked(community, reason)`: called when a workspace uninstalls the app or revokes its bot
 *   token (after its installation is deleted), so its subscriptions can be paused.
 * - `dispatch`, `commands`: what runs the shared commands, and their definitions.
 * - `home`: what the App Home tab shows and changes (home.ts); without it the Home tab is not answered.
 * - `logger`; `requestTimeoutMs`: per Web API call (default 10 s), past which a post counts as uncertain.
 */
import { type App, ErrorCode } from "@slack/bolt";
import type { CommunityRef } from "../../src/core/channel.ts";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch, PlatformAdapter } from "../../src/core/platform.ts";
import type { BotModeratorRepository } from "../../src/core/ports/bot-moderators.ts";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { AnswerPace } from "../../src/core/request-pace.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { createBoltApp, type Credentials } from "./wiring-app.ts";
import { createSender } from "./send.ts";
import { encodeCommunityRef, isSlackId } from "./ids.ts";
import { createBoltInstallationStore, INSTALLATION_PLATFORM, installationTokens } from "./installations.ts";
import { registerListeners, type WorkspaceGoneReason } from "./wiring.ts";
import { runModeratorsCommand } from "./moderator-admin.ts";
import { createModeratorCheck } from "./moderators.ts";
import type { SlackHomeSource } from "./home.ts";
import { registerHomeListeners } from "./home-actions.ts";
import { registerMention } from "./mention.ts";
import { resolveSlackMode, type SlackCredentialOptions } from "./mode.ts";
import { createTokenRotation } from "./token-rotation.ts";
import { createWebClient, singleWorkspaceTokens, userLookup } from "./web-client.ts";

export { createSlackBenchSender, type SlackBenchSenderOptions } from "./send-bench.ts";
export { createSlackManifest, type ManifestOptions } from "./manifest.ts";
export { SlackModeError } from "./mode.ts";
export type { WorkspaceGoneReason } from "./wiring.ts";
export type { SlackHomeSource } from "./home.ts";

export interface SlackAdapterOptions extends SlackCredentialOptions {
  port: number;
  apiUrl?: string;
  installationStore: InstallationStore;
  botModerators: BotModeratorRepository;
  /** DEFAULT_LANGUAGE: the adapter's own words (Slack sends no member locale). */
  defaultLanguage?: string;
  onWorkspaceRevoked(community: CommunityRef, reason: WorkspaceGoneReason): Promise<void> | void;
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  home?: SlackHomeSource;
  logger: Logger;
  requestTimeoutMs?: number;
  /**
   * The pace of the answers sent with chat.postMessage (a mention's), which Slack counts with the posts
   * (1 a second a channel): the composition root gives the posts' pacer; absent, they go at once.
   */
  answerPace?: AnswerPace;
}

export interface SlackAdapter extends PlatformAdapter {
  /** The port the HTTP endpoint listens on once started (HTTP mode only). */
  httpPort(): number | undefined;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { auth, transport } = resolveSlackMode(options);
  const logger = options.logger.child({ platform: "slack" });
  const settings = { apiUrl: options.apiUrl, timeoutMs: options.requestTimeoutMs, logger };
  const client = createWebClient(settings);
  const single = auth.kind === "token" ? singleWorkspaceTokens(auth.botToken) : undefined;
  // Token rotation needs the app's OAuth credentials to refresh with; a fixed SLACK_BOT_TOKEN never expires.
  const rotation =
    auth.kind === "oauth"
      ? createTokenRotation({
          store: options.installationStore,
          platform: INSTALLATION_PLATFORM,
          client,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          logger,
        })
      : undefined;
  const tokens = single ?? installationTokens(options.installationStore, rotation);
  const moderators = createModeratorCheck({
    lookupUser: userLookup(client, tokens),
    isBotModerator: (teamId, userId) => options.botModerators.has(encodeCommunityRef(teamId), userId),
    logger,
  });
  const sender = createSender({ client, tokens, logger });
  const moderatorCommands = options.commands.filter((c) => c.moderatorOnly).map((c) => c.name);
  let app: App | undefined;
  let port: number | undefined;

  async function workspaceGone(teamId: string, reason: WorkspaceGoneReason) {
    if (!isSlackId(teamId)) return;
    // Delete first: from now on no post is even attempted with the dead token.
    if (auth.kind === "oauth") await options.installationStore.remove(INSTALLATION_PLATFORM, teamId);
    await options.onWorkspaceRevoked(encodeCommunityRef(teamId), reason);
  }

  async function credentials(): Promise<Credentials> {
    if (auth.kind === "oauth") {
      return {
        ...auth,
        installationStore: createBoltInstallationStore(options.installationStore, logger, rotation),
      };
    }
    // Checks the token before anything listens, and tells Bolt who the bot is: Bolt would otherwise call
    // auth.test from its constructor, where a bad token becomes an unhandled rejection.
    const who = await client.auth.test({ token: auth.botToken });
    if (who.team_id) single?.setTeam(who.team_id);
    return { kind: "token", botToken: auth.botToken, botId: who.bot_id, botUserId: who.user_id };
  }

  return {
    platform: "slack",
    // chat.postMessage takes no idempotency key, so a post whose fate is unknown cannot be safely resent:
    // that could post twice. Each post carries its key as message metadata, so a later step could look for
    // it in the channel's history before resending.
    afterUncertainSend: "record-uncertain",
    async start() {
      const bolt = createBoltApp({
        credentials: await credentials(),
        transport,
        port: options.port,
        client: settings,
        logger,
      });
      bolt.error(async (err) => {
        // A request from a workspace with no installation (removed, or never finished): nothing to run.
        if (err.code === ErrorCode.AuthorizationError) {
          logger.warn({ err }, "slack: a request from a workspace where the app is not installed");
        } else logger.error({ err }, "slack: unhandled error in a listener");
      });
      registerListeners(bolt, {
        dispatch: options.dispatch,
        commandNames: new Set(options.commands.map((c) => c.name)),
        isModerator: moderators.isModerator,
        runModerators: (call) =>
          runModeratorsCommand(
            {
              moderators,
              botModerators: options.botModerators,
              moderatorCommands,
              ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
            },
            call,
          ),
        logger,
        onWorkspaceGone: workspaceGone,
        ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
      });
      registerMention(bolt, {
        dispatch: options.dispatch,
        moderators,
        logger,
        ...(options.answerPace ? { answerPace: options.answerPace } : {}),
      });
      if (options.home) {
        registerHomeListeners(bolt, {
          source: options.home,
          dispatch: options.dispatch,
          moderators,
          logger,
          ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
        });
      }
      const server = transport.kind === "socket" ? await bolt.start() : await bolt.start(options.port);
      app = bolt;
      const address = server && typeof server === "object" && "address" in server ? server.address() : null;
      port = address && typeof address === "object" ? address.port : undefined;
      logger.info({ mode: transport.kind, workspaces: auth.kind, port }, "slack: started");
    },
    async stop() {
      await app?.stop();
      app = undefined;
      port = undefined;
    },
    send: sender.send,
    notifyModerators: sender.notify,
    notifyModerator: sender.notifyPrivately,
    retract: sender.retract,
    edit: sender.edit,
    announce: sender.announce,
    httpPort: () => port,
  };
}
