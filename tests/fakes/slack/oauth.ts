/**
 * Slack's consent page for the OAuth install (`GET /oauth/v2/authorize`), as if the person clicked Allow:
 * it redirects back to the app with a one-time code and the app's own `state`, which the app then exchanges
 * through `oauth.v2.access`. The workspace is chosen with the `team` parameter (Slack's own way to preselect
 * one); the redirect goes to `redirect_uri`, or else to the URL configured for the app, as on Slack.
 */
import type { ApiWorld } from "./web-api.ts";

export type AuthorizeAnswer = { status: 302; location: string } | { status: 400; error: string };

export function authorize(
  world: ApiWorld,
  query: URLSearchParams,
  configuredRedirect: string | undefined,
  issueCode: (teamId: string) => string,
): AuthorizeAnswer {
  if (query.get("client_id") !== world.oauth.clientId) return { status: 400, error: "invalid_client_id" };
  const teamId = query.get("team") ?? "";
  if (!world.teams.has(teamId)) return { status: 400, error: "invalid_team" };
  const target = query.get("redirect_uri") ?? configuredRedirect;
  if (!target) return { status: 400, error: "bad_redirect_uri" };
  const location = new URL(target);
  location.searchParams.set("code", issueCode(teamId));
  const state = query.get("state");
  if (state !== null) location.searchParams.set("state", state);
  return { status: 302, location: location.href };
}
