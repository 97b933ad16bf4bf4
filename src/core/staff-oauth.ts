/**
 * Signing in to the staff panel through Discord or Slack (OAuth): who the platform says the person is, and
 * the communities they moderate there by the bot's own moderator rule. The platforms implement the
 * provider (platforms/<p>/panel-sign-in.ts, talking HTTP to the platform); the panel only calls it.
 */
import type { CommunityRef } from "./channel.ts";

export const STAFF_OAUTH_PLATFORMS = ["discord", "slack"] as const;
export type StaffOAuthPlatform = (typeof STAFF_OAUTH_PLATFORMS)[number];

/** The roles OAuth may give: never admin, whom only the operator's command line makes. */
export const STAFF_OAUTH_ROLES = ["viewer", "editor"] as const;
export type StaffOAuthRole = (typeof STAFF_OAUTH_ROLES)[number];

export interface PlatformIdentity {
  platform: StaffOAuthPlatform;
  /** The platform's own id of the person: stable across renames (Slack's includes the workspace). */
  userId: string;
  /** How the platform names them (shown with the id, so two people of one name stay apart). */
  displayName: string;
  /** Communities where the platform says they are a moderator, by the bot's moderator rule. */
  moderates: readonly CommunityRef[];
}

/** Why a platform did not say who the person is: each one shown in its own words. */
export type OAuthFailure =
  /** The code was refused (used, expired, for another redirect or verifier). */
  | "code-refused"
  /** The platform could not be reached or answered something we cannot read. */
  | "unreachable";

export class OAuthSignInError extends Error {
  constructor(
    readonly failure: OAuthFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OAuthSignInError";
  }
}

export interface OAuthProvider {
  platform: StaffOAuthPlatform;
  /** The platform's consent page for one sign-in (authorization-code flow, PKCE S256). */
  authorizeUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Exchanges the code and asks the platform who this is; throws OAuthSignInError. */
  identify(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<PlatformIdentity>;
}

/**
 * An authorization-code request with PKCE (S256), as RFC 6749 and RFC 7636 spell it: `endpoint` with the
 * query every provider's consent page reads. The provider chooses the endpoint and the scopes.
 */
export function authorizationCodeUrl(
  endpoint: URL,
  request: { clientId: string; scope: string; state: string; codeChallenge: string; redirectUri: string },
): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: request.clientId,
    scope: request.scope,
    redirect_uri: request.redirectUri,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
  }).toString();
  return url.href;
}
