/**
 * Signing in to the staff panel with Discord (OAuth2 authorization code with PKCE, scopes `identify
 * guilds`): the code is exchanged at /oauth2/token, then /users/@me says who the person is and
 * /users/@me/guilds their permissions in each server. A server counts when they manage it by the bot's
 * rule for server-wide changes (`isServerModerator`: Manage Server or Administrator), or own it.
 *
 * Plain fetch rather than discord.js: the library's REST client speaks with the bot's token, and these
 * calls carry the person's own bearer token for three requests, once per sign-in.
 */
import { PermissionsBitField } from "discord.js";
import { authorizationCodeUrl, OAuthSignInError, type OAuthProvider } from "../../src/core/staff-oauth.ts";
import { guildCommunity, isSnowflake } from "./ids.ts";
import { isServerModerator } from "./permissions.ts";

export interface DiscordSignInOptions {
  clientId: string;
  clientSecret: string;
  /** DISCORD_API_URL: the REST base including `/api`. Default: Discord's. */
  apiUrl?: string;
  timeoutMs?: number;
}

export const DISCORD_SIGN_IN_SCOPES = "identify guilds";
const DEFAULT_API = "https://discord.com/api";

interface PartialGuild {
  id: string;
  owner?: boolean;
  permissions?: string;
}

/** A server the person moderates: owner, or Manage Server / Administrator by their roles. */
export function managesGuild(guild: PartialGuild): boolean {
  if (guild.owner === true) return true;
  if (typeof guild.permissions !== "string" || !/^\d+$/.test(guild.permissions)) return false;
  return isServerModerator(new PermissionsBitField(BigInt(guild.permissions)));
}

export function createDiscordSignIn(options: DiscordSignInOptions): OAuthProvider {
  const api = (options.apiUrl ?? DEFAULT_API).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(path: string, init: RequestInit): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${api}/v10${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new OAuthSignInError("unreachable", `Discord ${path}: no answer`, { cause });
    }
    const body: unknown = await res.json().catch(() => undefined);
    // Discord answers a refused code with 400 invalid_grant, a wrong client with 401 invalid_client.
    if (res.status === 400 || res.status === 401) {
      const error = (body as { error?: unknown } | undefined)?.error;
      throw new OAuthSignInError("code-refused", `Discord ${path}: ${res.status} ${String(error)}`);
    }
    if (!res.ok || body === undefined) {
      throw new OAuthSignInError("unreachable", `Discord ${path}: HTTP ${res.status}`);
    }
    return body;
  }

  return {
    platform: "discord",
    authorizeUrl({ state, codeChallenge, redirectUri }) {
      // Beside the API, as on discord.com: https://discord.com/api → https://discord.com/oauth2/authorize.
      return authorizationCodeUrl(new URL("../oauth2/authorize", `${api}/`), {
        clientId: options.clientId,
        scope: DISCORD_SIGN_IN_SCOPES,
        state,
        codeChallenge,
        redirectUri,
      });
    },
    async identify({ code, codeVerifier, redirectUri }) {
      const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
      const token = (await call("/oauth2/token", {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }).toString(),
      })) as { access_token?: unknown };
      if (typeof token.access_token !== "string") {
        throw new OAuthSignInError("unreachable", "Discord /oauth2/token: no access_token");
      }
      const bearer = { headers: { authorization: `Bearer ${token.access_token}` } };
      const [user, guilds] = await Promise.all([
        call("/users/@me", bearer) as Promise<{ id?: unknown; username?: unknown; global_name?: unknown }>,
        // One page of 200, Discord's most: a person in more servers than that is not looked through further.
        call("/users/@me/guilds?limit=200", bearer),
      ]);
      if (typeof user.id !== "string" || !isSnowflake(user.id) || !Array.isArray(guilds)) {
        throw new OAuthSignInError("unreachable", "Discord /users/@me: not a user");
      }
      const name = typeof user.global_name === "string" ? user.global_name : user.username;
      return {
        platform: "discord",
        userId: user.id,
        displayName: typeof name === "string" ? name : user.id,
        moderates: (guilds as PartialGuild[])
          .filter((g) => typeof g?.id === "string" && isSnowflake(g.id) && managesGuild(g))
          .map((g) => guildCommunity(g.id)),
      };
    },
  };
}
