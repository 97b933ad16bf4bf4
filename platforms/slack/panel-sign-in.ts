/**
 * Signing in to the staff panel with Slack ("Sign in with Slack", OpenID Connect; scopes `openid
 * profile`): the code is exchanged with `openid.connect.token` (with the PKCE verifier), and
 * `openid.connect.userInfo` names the person and their workspace. They moderate it when `users.info`,
 * asked with the bot's token for that workspace (the same lookup the chat commands use), says they are
 * an admin or owner there (`isWorkspaceAdmin`); guests and people of other organisations never are.
 *
 * The two OpenID calls are plain fetch: they are made with the app's client credentials and the person's
 * token, not the bot's, and the Web API client adds nothing to two requests but its retry policy.
 */
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { authorizationCodeUrl, OAuthSignInError, type OAuthProvider } from "../../src/core/staff-oauth.ts";
import { encodeCommunityRef, isSlackId } from "./ids.ts";
import { installationTokens } from "./installations.ts";
import { isWorkspaceAdmin, type SlackUserRoles } from "./moderators.ts";
import { apiBase, createWebClient, singleWorkspaceTokens, userLookup } from "./web-client.ts";

export interface SlackSignInOptions {
  clientId: string;
  clientSecret: string;
  /** SLACK_API_URL: the Web API base; the consent page is beside it. Default: Slack's. */
  apiUrl?: string;
  /** SLACK_BOT_TOKEN (one workspace); else each workspace's token from the installation store. */
  botToken?: string;
  installationStore: InstallationStore;
  logger: Logger;
  timeoutMs?: number;
  /** Who the user is in a workspace; default `users.info` with the bot's token there. */
  lookupUser?(teamId: string, userId: string): Promise<SlackUserRoles | undefined>;
}

export const SLACK_SIGN_IN_SCOPES = "openid profile";
const DEFAULT_API = "https://slack.com/api/";
const USER_ID = "https://slack.com/user_id";
const TEAM_ID = "https://slack.com/team_id";

export function createSlackSignIn(options: SlackSignInOptions): OAuthProvider {
  const base = apiBase(options.apiUrl ?? DEFAULT_API);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lookupUser =
    options.lookupUser ??
    userLookup(
      createWebClient({ apiUrl: base, timeoutMs, logger: options.logger }),
      options.botToken
        ? singleWorkspaceTokens(options.botToken)
        : installationTokens(options.installationStore),
    );

  async function call(method: string, init: RequestInit): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
      const res = await fetch(`${base}${method}`, {
        ...init,
        method: "POST",
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.json();
    } catch (cause) {
      throw new OAuthSignInError("unreachable", `Slack ${method}: no readable answer`, { cause });
    }
    const answer = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (answer.ok !== true) {
      // invalid_code, code_already_used, bad_redirect_uri, invalid_code_verifier…: the code is no good.
      throw new OAuthSignInError("code-refused", `Slack ${method}: ${String(answer.error)}`);
    }
    return answer;
  }

  return {
    platform: "slack",
    authorizeUrl({ state, codeChallenge, redirectUri }) {
      return authorizationCodeUrl(new URL("../openid/connect/authorize", base), {
        clientId: options.clientId,
        scope: SLACK_SIGN_IN_SCOPES,
        state,
        codeChallenge,
        redirectUri,
      });
    },
    async identify({ code, codeVerifier, redirectUri }) {
      const token = await call("openid.connect.token", {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }).toString(),
      });
      if (typeof token.access_token !== "string") {
        throw new OAuthSignInError("unreachable", "Slack openid.connect.token: no access_token");
      }
      const info = await call("openid.connect.userInfo", {
        headers: { authorization: `Bearer ${token.access_token}` },
      });
      const userId = info[USER_ID];
      const teamId = info[TEAM_ID];
      if (
        typeof userId !== "string" ||
        !isSlackId(userId) ||
        typeof teamId !== "string" ||
        !isSlackId(teamId)
      ) {
        throw new OAuthSignInError("unreachable", "Slack openid.connect.userInfo: no user or workspace");
      }
      let roles: SlackUserRoles | undefined;
      try {
        roles = await lookupUser(teamId, userId);
      } catch (cause) {
        throw new OAuthSignInError("unreachable", "Slack users.info failed", { cause });
      }
      return {
        platform: "slack",
        // A user id is unique within its workspace; with the workspace it is unique everywhere.
        userId: `${teamId}/${userId}`,
        displayName: typeof info.name === "string" ? info.name : userId,
        moderates: isWorkspaceAdmin(roles) ? [encodeCommunityRef(teamId)] : [],
      };
    },
  };
}
