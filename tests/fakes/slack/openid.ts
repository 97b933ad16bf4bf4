/**
 * Sign in with Slack (OpenID Connect; docs: authentication/sign-in-with-slack): the consent page
 * (`GET /openid/connect/authorize`, Allow or Cancel for the person signed in to this Slack), and the Web
 * API's `openid.connect.token` and `openid.connect.userInfo`. As on Slack: a redirect_uri not among the
 * app's Redirect URLs gets `bad_redirect_uri` on the page; a code works once, for ten minutes, with the
 * redirect_uri it was issued for and, when asked with a PKCE challenge (S256), with its verifier.
 */
import { createHash, randomBytes } from "node:crypto";
import type { FakeUser } from "./state.ts";
import type { ApiAnswer, ApiWorld } from "./web-api.ts";

export interface OpenIdWorld {
  /** The app's Redirect URLs (OAuth & Permissions). */
  redirectUrls: Set<string>;
  /** Who is signed in to Slack in the browser. */
  user?: FakeUser;
  codes: Map<string, { userId: string; redirectUri: string; challenge?: string; expiresAt: number }>;
  tokens: Map<string, string>;
}

export const newOpenIdWorld = (): OpenIdWorld => ({
  redirectUrls: new Set(),
  codes: new Map(),
  tokens: new Map(),
});

const CODE_MS = 10 * 60_000;
const escapeText = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export type PageAnswer = { status: number; headers: Record<string, string>; body: string };

function problem(world: ApiWorld, q: URLSearchParams): string | undefined {
  if (q.get("client_id") !== world.oauth.clientId) return "invalid_client_id";
  if (!world.openid.redirectUrls.has(q.get("redirect_uri") ?? "")) return "bad_redirect_uri";
  if (q.get("response_type") !== "code") return "invalid_response_type";
  if (!(q.get("scope") ?? "").split(" ").includes("openid")) return "invalid_scope";
  if (q.has("code_challenge") && q.get("code_challenge_method") !== "S256")
    return "invalid_code_challenge_method";
  if (!world.openid.user) return "not_signed_in (fake: set fake.signInAs(user))";
  return undefined;
}

/** GET: the consent page; POST (its buttons): back to the app with a code, or with error=access_denied. */
export function authorizePage(world: ApiWorld, method: string, q: URLSearchParams): PageAnswer {
  const wrong = problem(world, q);
  if (wrong) return { status: 400, headers: { "content-type": "text/plain" }, body: wrong };
  const back = new URL(q.get("redirect_uri") ?? "");
  if (method === "POST") {
    if (q.get("decision") === "allow") {
      const code = `oidc-${randomBytes(12).toString("hex")}`;
      const challenge = q.get("code_challenge");
      world.openid.codes.set(code, {
        userId: world.openid.user!.id,
        redirectUri: back.href,
        ...(challenge ? { challenge } : {}),
        expiresAt: Date.now() + CODE_MS,
      });
      back.searchParams.set("code", code);
    } else back.searchParams.set("error", "access_denied");
    const state = q.get("state");
    if (state !== null) back.searchParams.set("state", state);
    return { status: 302, headers: { location: back.href }, body: "" };
  }
  const hidden = [...q]
    .map(([k, v]) => `<input type="hidden" name="${escapeText(k)}" value="${escapeText(v)}">`)
    .join("");
  const user = world.openid.user!;
  const team = world.teams.get(user.teamId);
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slack</title></head><body>
<h1>Sign in to the app with your ${escapeText(team?.name ?? user.teamId)} account</h1><p>Signed in as ${escapeText(user.name)}.</p>
<form method="post" action="/openid/connect/authorize">${hidden}<button name="decision" value="deny">Cancel</button> <button name="decision" value="allow">Allow</button></form>
</body></html>`,
  };
}

const refuse = (error: string): ApiAnswer => ({ status: 200, body: { ok: false, error } });

export function openidToken(
  world: ApiWorld,
  body: Record<string, unknown>,
  basic: { id?: string; secret?: string },
): ApiAnswer {
  const id = basic.id ?? body.client_id;
  const secret = basic.secret ?? body.client_secret;
  if (id !== world.oauth.clientId) return refuse("invalid_client_id");
  if (secret !== world.oauth.clientSecret) return refuse("bad_client_secret");
  const code = String(body.code ?? "");
  const issued = world.openid.codes.get(code);
  world.openid.codes.delete(code);
  if (!issued || issued.expiresAt <= Date.now()) return refuse("invalid_code");
  if (body.redirect_uri !== issued.redirectUri) return refuse("bad_redirect_uri");
  if (issued.challenge !== undefined) {
    const verifier = typeof body.code_verifier === "string" ? body.code_verifier : "";
    if (createHash("sha256").update(verifier).digest("base64url") !== issued.challenge)
      return refuse("invalid_code_verifier");
  }
  const token = `xoxp-${randomBytes(12).toString("hex")}`;
  world.openid.tokens.set(token, issued.userId);
  const user = world.users.get(issued.userId);
  // An id_token with the same claims userInfo gives (unsigned here: the app under test reads userInfo).
  const claims = Buffer.from(
    JSON.stringify({ sub: issued.userId, "https://slack.com/team_id": user?.teamId }),
  ).toString("base64url");
  return {
    status: 200,
    body: { ok: true, access_token: token, token_type: "Bearer", id_token: `e30.${claims}.` },
  };
}

export function openidUserInfo(world: ApiWorld, bearer: string | undefined): ApiAnswer {
  const userId = bearer ? world.openid.tokens.get(bearer) : undefined;
  const user = userId ? world.users.get(userId) : undefined;
  if (!user) return refuse("invalid_auth");
  const team = world.teams.get(user.teamId);
  return {
    status: 200,
    body: {
      ok: true,
      sub: user.id,
      "https://slack.com/user_id": user.id,
      "https://slack.com/team_id": user.teamId,
      "https://slack.com/team_name": team?.name ?? user.teamId,
      name: user.name,
      given_name: user.name,
      locale: "en-US",
    },
  };
}
