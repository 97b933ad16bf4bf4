/**
 * The Web API client we post and look users up with, and the per-workspace token it needs. Library retries
 * are off: the delivery ledger owns retries and must hear about every 429 and 5xx at once.
 */
import { webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/ports/logger.ts";
import { boltLogger } from "./bolt-logger.ts";
import type { SlackUserRoles } from "./moderators.ts";

/** Finds the bot token for a workspace; undefined when the app is not installed there. */
export type TokenResolver = (teamId: string) => Promise<string | undefined>;

export interface WebClientSettings {
  apiUrl?: string;
  /** Per request. A hung call is a transient failure, not a stuck delivery pass. */
  timeoutMs?: number;
  logger: Logger;
}

/** The client appends the method name to the base as is, so the base must end in a slash. */
export function apiBase(apiUrl: string): string {
  return apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
}

/**
 * Where the OAuth install sends people: beside the Web API (`https://slack.com/api/` →
 * `https://slack.com/oauth/v2/authorize`), so GovSlack and a local fake get their own.
 */
export function authorizationUrl(apiUrl: string): string {
  return new URL("../oauth/v2/authorize", apiBase(apiUrl)).href;
}

/** Options for every WebClient we make, Bolt's own included. */
export function clientOptions(settings: WebClientSettings): webApi.WebClientOptions {
  return {
    ...(settings.apiUrl ? { slackApiUrl: apiBase(settings.apiUrl) } : {}),
    retryConfig: { retries: 0 },
    // Without this the client would sleep through Retry-After and pause its whole queue, every workspace's
    // sends included; we want the 429 back so the ledger can reschedule just that post.
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? 10_000,
    logger: boltLogger(settings.logger),
  };
}

/**
 * For the Socket Mode client's `apps.connections.open`: the same API and logger, but the library's own
 * retry policy. Reconnecting is the library's job; with retries off, one failed call during a reconnect
 * would stop the connection for good.
 */
export function socketModeClientOptions(settings: WebClientSettings): webApi.WebClientOptions {
  const { retryConfig: _retries, rejectRateLimitedCalls: _reject, ...rest } = clientOptions(settings);
  return rest;
}

/** No token of its own: every call names its workspace's token, so one client serves every install. */
export function createWebClient(settings: WebClientSettings): webApi.WebClient {
  return new webApi.WebClient(undefined, clientOptions(settings));
}

/**
 * One workspace, one token (SLACK_BOT_TOKEN). The team is learnt from `auth.test` at start; until then
 * the token is offered for any team and Slack itself refuses the wrong one.
 */
export function singleWorkspaceTokens(botToken: string): TokenResolver & { setTeam(teamId: string): void } {
  let knownTeam: string | undefined;
  const resolve = async (teamId: string) =>
    knownTeam === undefined || knownTeam === teamId ? botToken : undefined;
  return Object.assign(resolve, {
    setTeam(teamId: string) {
      knownTeam = teamId;
    },
  });
}

/** `users.info` for the moderator check; undefined for a user (or workspace) Slack does not know. */
export function userLookup(client: webApi.WebClient, tokens: TokenResolver) {
  return async (teamId: string, userId: string): Promise<SlackUserRoles | undefined> => {
    const token = await tokens(teamId);
    if (!token) return undefined;
    try {
      // With the locale: the Home tab and mentions answer in the member's language where the bot has it.
      const result = await client.users.info({ token, user: userId, include_locale: true });
      return result.user;
    } catch (err) {
      if (err instanceof webApi.WebAPIPlatformError && err.data.error === "user_not_found") return undefined;
      throw err;
    }
  };
}
