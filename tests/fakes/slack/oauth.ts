/**
 * The OAuth install, as Slack does it. The consent page (`GET /oauth/v2/authorize`), as if the person
 * clicked Allow: it redirects back to the app with a one-time code and the app's own `state`. The workspace
 * (`T…`) or, for an org-wide install, the organisation (`E…`) is chosen with the `team` parameter (Slack's
 * own way to preselect one); the redirect goes to `redirect_uri`, or else to the URL configured for the
 * app. Then `oauth.v2.access` exchanges the code for the bot token (`is_enterprise_install`, `enterprise`
 * and no `team` for an org-wide install), or, with `grant_type=refresh_token`, a refresh token for a new
 * pair (token rotation, tokens.ts).
 */
import { issueFor, refresh } from "./tokens.ts";
import type { ApiAnswer, ApiWorld } from "./web-api.ts";

export type AuthorizeAnswer = { status: 302; location: string } | { status: 400; error: string };

export function authorize(
  world: ApiWorld,
  query: URLSearchParams,
  configuredRedirect: string | undefined,
  issueCode: (teamId: string) => string,
): AuthorizeAnswer {
  if (query.get("client_id") !== world.oauth.clientId) return { status: 400, error: "invalid_client_id" };
  const teamId = query.get("team") ?? "";
  if (!world.teams.has(teamId) && !world.enterprises.has(teamId))
    return { status: 400, error: "invalid_team" };
  const target = query.get("redirect_uri") ?? configuredRedirect;
  if (!target) return { status: 400, error: "bad_redirect_uri" };
  const location = new URL(target);
  location.searchParams.set("code", issueCode(teamId));
  const state = query.get("state");
  if (state !== null) location.searchParams.set("state", state);
  return { status: 302, location: location.href };
}

type Body = Record<string, unknown>;
const ok = (body: Body): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string): ApiAnswer => ({ status: 200, body: { ok: false, error } });

export function oauthAccess(world: ApiWorld, body: Body, basic: { id?: string; secret?: string }): ApiAnswer {
  const id = basic.id ?? body.client_id;
  const secret = basic.secret ?? body.client_secret;
  if (id !== world.oauth.clientId || secret !== world.oauth.clientSecret) return refuse("invalid_client_id");
  if (body.grant_type === "refresh_token") {
    const renewed = refresh(world, String(body.refresh_token ?? ""));
    if ("error" in renewed) return refuse(renewed.error);
    const { owner, ...tokens } = renewed;
    return ok({ app_id: world.appId, token_type: "bot", ...tokens, ...installedIn(world, owner) });
  }
  const owner = world.oauth.codes.get(String(body.code ?? ""));
  if (!owner) return refuse("invalid_code");
  const bot = world.teams.get(owner) ?? world.enterprises.get(owner);
  if (!bot) return refuse("invalid_code");
  world.oauth.codes.delete(String(body.code));
  const installer = [...world.users.values()].find(
    (u) => u.teamId === owner || world.teams.get(u.teamId)?.enterpriseId === owner,
  );
  return ok({
    app_id: world.appId,
    ...issueFor(world, owner, bot.botToken),
    token_type: "bot",
    scope: bot.scopes.join(","),
    bot_user_id: bot.botUserId,
    ...installedIn(world, owner),
    authed_user: { id: installer?.id ?? "U0" },
  });
}

function installedIn(world: ApiWorld, owner: string) {
  const org = world.enterprises.get(owner);
  if (org) return { team: null, enterprise: { id: org.id, name: org.name }, is_enterprise_install: true };
  const team = world.teams.get(owner);
  const enterprise = team?.enterpriseId ? world.enterprises.get(team.enterpriseId) : undefined;
  return {
    team: { id: owner, name: team?.name ?? owner },
    enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
    is_enterprise_install: false,
  };
}
