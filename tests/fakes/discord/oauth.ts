/**
 * Discord's OAuth2 for a person signing in somewhere (docs: topics/oauth2, "Authorization Code Grant"):
 * the consent page (`GET /oauth2/authorize`, a page with Authorize and Cancel for the person signed in
 * to this Discord), the code exchange (`POST /api/v10/oauth2/token`) and what the bearer token reads
 * (`/users/@me`, `/users/@me/guilds`). As on Discord: an unregistered redirect_uri gets an error page,
 * never a redirect; a code works once, for ten minutes, only with the redirect_uri it was issued for and,
 * when it was asked with a PKCE challenge (S256 only), with the verifier (43 to 128 characters).
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PermissionFlagsBits } from "discord.js";
import type { Reply } from "./handlers.ts";
import type { Route } from "./rest.ts";
import type { FakeState, RecordedRequest } from "./state.ts";
import { ALL_PERMISSIONS, type FakeGuild, type FakeUser, userJson } from "./world.ts";

export interface OAuthWorld {
  clientSecret: string;
  /** The redirects registered in the Developer Portal (OAuth2 → Redirects). */
  redirectUris: Set<string>;
  /** Who is signed in to Discord in the browser: the person the consent page asks. */
  user?: FakeUser;
  codes: Map<
    string,
    { userId: string; redirectUri: string; scopes: string[]; challenge?: string; expiresAt: number }
  >;
  tokens: Map<string, { userId: string; scopes: string[] }>;
}

export const newOAuthWorld = (): OAuthWorld => ({
  clientSecret: randomBytes(16).toString("hex"),
  redirectUris: new Set(),
  codes: new Map(),
  tokens: new Map(),
});

const SCOPES = new Set([
  "identify",
  "email",
  "guilds",
  "guilds.members.read",
  "connections",
  "bot",
  "applications.commands",
]);
const CODE_MS = 10 * 60_000;
const escapeText = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What is wrong with an authorization request, as Discord's error page says it; undefined when fine. */
function authorizeProblem(state: FakeState, q: URLSearchParams): string | undefined {
  if (q.get("client_id") !== state.applicationId) return "Unknown Application";
  if (!state.oauth.redirectUris.has(q.get("redirect_uri") ?? "")) return "Invalid OAuth2 redirect_uri";
  if (q.get("response_type") !== "code") return 'Invalid "response_type"';
  const scopes = (q.get("scope") ?? "").split(" ").filter(Boolean);
  if (scopes.length === 0 || !scopes.every((s) => SCOPES.has(s))) return "Invalid scope";
  const method = q.get("code_challenge_method");
  if (q.has("code_challenge") && method !== "S256") return 'Unsupported "code_challenge_method"';
  if (!state.oauth.user) return "Not signed in to Discord (fake: set fake.signInAs(user))";
  return undefined;
}

/** GET shows the consent page; POST is its Authorize or Cancel button. Answers true when it handled it. */
export async function authorizePage(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://fake");
  if (url.pathname !== "/oauth2/authorize") return false;
  let q = url.searchParams;
  if (req.method === "POST") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    q = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  }
  const problem = authorizeProblem(state, q);
  if (problem) {
    res.writeHead(400, { "content-type": "text/html; charset=utf-8" }).end(`<h1>${escapeText(problem)}</h1>`);
    return true;
  }
  const back = new URL(q.get("redirect_uri") ?? "");
  const given = q.get("state");
  if (req.method === "POST") {
    if (q.get("decision") === "allow") {
      const code = randomBytes(15).toString("base64url");
      state.oauth.codes.set(code, {
        userId: state.oauth.user!.id,
        redirectUri: back.href,
        scopes: (q.get("scope") ?? "").split(" "),
        ...(q.get("code_challenge") ? { challenge: q.get("code_challenge")! } : {}),
        expiresAt: Date.now() + CODE_MS,
      });
      back.searchParams.set("code", code);
    } else {
      back.searchParams.set("error", "access_denied");
      back.searchParams.set(
        "error_description",
        "The resource owner or authorization server denied the request",
      );
    }
    if (given !== null) back.searchParams.set("state", given);
    res.writeHead(302, { location: back.href }).end();
    return true;
  }
  const hidden = [...q]
    .map(([k, v]) => `<input type="hidden" name="${escapeText(k)}" value="${escapeText(v)}">`)
    .join("");
  res
    .writeHead(200, { "content-type": "text/html; charset=utf-8" })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Discord</title></head><body>
<h1>An external application wants to access your Discord account</h1>
<p>Signed in as ${escapeText(state.oauth.user!.username)}. It asks for: ${escapeText(q.get("scope") ?? "")}.</p>
<form method="post" action="/oauth2/authorize">${hidden}<button name="decision" value="deny">Cancel</button> <button name="decision" value="allow">Authorize</button></form>
</body></html>`);
  return true;
}

const oauthError = (status: number, error: string, description?: string): Reply => ({
  status,
  body: { error, ...(description ? { error_description: description } : {}) },
});

function clientOf(request: RecordedRequest, body: Record<string, string>): { id?: string; secret?: string } {
  const header = request.headers.authorization;
  const basic = typeof header === "string" ? /^Basic\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (!basic) return { id: body.client_id, secret: body.client_secret };
  const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":");
  return { id, secret };
}

function exchange(state: FakeState, request: RecordedRequest): Reply {
  const body = (request.body ?? {}) as Record<string, string>;
  const client = clientOf(request, body);
  if (client.id !== state.applicationId || client.secret !== state.oauth.clientSecret) {
    return oauthError(401, "invalid_client");
  }
  if (body.grant_type !== "authorization_code") return oauthError(400, "unsupported_grant_type");
  const issued = state.oauth.codes.get(body.code ?? "");
  // Used once, whatever comes of it.
  state.oauth.codes.delete(body.code ?? "");
  if (!issued || issued.expiresAt <= Date.now())
    return oauthError(400, "invalid_grant", 'Invalid "code" in request.');
  if (body.redirect_uri !== issued.redirectUri)
    return oauthError(400, "invalid_grant", 'Invalid "redirect_uri" in request.');
  if (issued.challenge !== undefined) {
    const verifier = body.code_verifier;
    if (!verifier) return oauthError(400, "invalid_request", 'Missing "code_verifier"');
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (verifier.length < 43 || verifier.length > 128 || computed !== issued.challenge)
      return oauthError(400, "invalid_request", 'Invalid "code_verifier"');
  }
  const token = randomBytes(20).toString("base64url");
  state.oauth.tokens.set(token, { userId: issued.userId, scopes: issued.scopes });
  return {
    status: 200,
    body: {
      access_token: token,
      token_type: "Bearer",
      expires_in: 604_800,
      refresh_token: randomBytes(20).toString("base64url"),
      scope: issued.scopes.join(" "),
    },
  };
}

/** The person's base permissions in a server (owner and Administrator: all), as /users/@me/guilds says. */
function guildPermissions(guild: FakeGuild, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  const perms = guild.roles
    .filter((r) => r.id === guild.id || member?.roles.includes(r.id))
    .reduce((acc, r) => acc | r.permissions, 0n);
  return perms & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
}

const unauthorized: Reply = { status: 401, body: { code: 0, message: "401: Unauthorized" } };

/** The bearer token's person, when the token is known and carries `scope`. */
function bearerUser(state: FakeState, request: RecordedRequest, scope: string): FakeUser | undefined {
  const header = request.headers.authorization;
  const token = typeof header === "string" ? /^Bearer\s+(\S+)$/.exec(header)?.[1] : undefined;
  const grant = token ? state.oauth.tokens.get(token) : undefined;
  if (!grant?.scopes.includes(scope)) return undefined;
  for (const guild of state.guilds) {
    const member = guild.members.get(grant.userId);
    if (member) return member.user;
  }
  return state.oauth.user?.id === grant.userId ? state.oauth.user : undefined;
}

/** Routes that carry their own authorization (a client's credentials, or a person's bearer token). */
export const oauthRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/oauth2\/token$/,
    route: "POST /oauth2/token",
    oauth: true,
    handle: (s, _p, r) => exchange(s, r),
  },
  {
    method: "GET",
    pattern: /^\/users\/@me$/,
    route: "GET /users/@me",
    oauth: true,
    handle: (s, _p, r) => {
      if (r.headers.authorization === `Bot ${s.token}`) return { status: 200, body: s.botUserJson() };
      const user = bearerUser(s, r, "identify");
      return user ? { status: 200, body: userJson(user) } : unauthorized;
    },
  },
  {
    method: "GET",
    pattern: /^\/users\/@me\/guilds$/,
    route: "GET /users/@me/guilds",
    oauth: true,
    handle: (s, _p, r) => {
      const user = bearerUser(s, r, "guilds");
      if (!user) return unauthorized;
      const guilds = s.guilds
        .filter((g) => g.members.has(user.id))
        .map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          owner: g.ownerId === user.id,
          permissions: guildPermissions(g, user.id).toString(),
          features: [],
        }));
      return { status: 200, body: guilds };
    },
  },
];
