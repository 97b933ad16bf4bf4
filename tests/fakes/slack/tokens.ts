/**
 * Which workspace a bot token speaks for, and token rotation as Slack documents it: with rotation on, an
 * install gives an expiring access token (`expires_in`, 12 hours on Slack) and a refresh token;
 * `oauth.v2.access` with `grant_type=refresh_token` trades the refresh token for a new pair and revokes
 * the one it was given (`invalid_refresh_token` if used again). An expired access token gets
 * `token_expired`. An org-wide (Enterprise Grid) token is good in every workspace of its organisation:
 * the call's channel or user says which.
 */
import type { FakeEnterprise, FakeTeam } from "./state.ts";

export interface IssuedToken {
  /** A team (`T…`) or, for an org-wide install, an organisation (`E…`). */
  owner: string;
  /** Epoch milliseconds; absent: never expires. */
  expiresAt?: number;
}

export interface TokenWorld {
  teams: Map<string, FakeTeam>;
  enterprises: Map<string, FakeEnterprise>;
  /** Access tokens issued by installs and refreshes (the teams' own `botToken`s are always valid). */
  issued: Map<string, IssuedToken>;
  /** Live refresh tokens and whom they refresh for. */
  refreshTokens: Map<string, string>;
  /** Token rotation on for the app: installs and refreshes give tokens expiring after `expiresInS`. */
  rotation?: { expiresInS: number };
}

export type TokenOwner =
  | { kind: "team"; team: FakeTeam }
  | { kind: "enterprise"; enterprise: FakeEnterprise }
  | { kind: "error"; error: string };

let serial = 0;

/** The owner of a token, or Slack's error for it. Expiry is real time, as the app reads it. */
export function ownerOf(world: TokenWorld, token: string | undefined): TokenOwner {
  if (!token) return { kind: "error", error: "not_authed" };
  const team = [...world.teams.values()].find((t) => t.botToken === token);
  if (team) return { kind: "team", team };
  const enterprise = [...world.enterprises.values()].find((e) => e.botToken === token);
  if (enterprise) return { kind: "enterprise", enterprise };
  const issued = world.issued.get(token);
  if (!issued) return { kind: "error", error: "invalid_auth" };
  if (issued.expiresAt !== undefined && Date.now() >= issued.expiresAt)
    return { kind: "error", error: "token_expired" };
  const owner = world.teams.get(issued.owner);
  if (owner) return { kind: "team", team: owner };
  const org = world.enterprises.get(issued.owner);
  return org ? { kind: "enterprise", enterprise: org } : { kind: "error", error: "invalid_auth" };
}

/** The token an install hands out for `owner`: its fixed one, or a rotating pair when rotation is on. */
export function issueFor(
  world: TokenWorld,
  owner: string,
  fixedToken: string,
): { access_token: string; refresh_token?: string; expires_in?: number } {
  if (!world.rotation) return { access_token: fixedToken };
  return rotatingPair(world, owner);
}

function rotatingPair(world: TokenWorld, owner: string) {
  const n = ++serial;
  const expiresIn = world.rotation?.expiresInS ?? 43_200;
  const access = `xoxe.xoxb-${owner}-${n}`;
  const refresh = `xoxe-1-${owner}-${n}`;
  world.issued.set(access, { owner, expiresAt: Date.now() + expiresIn * 1000 });
  world.refreshTokens.set(refresh, owner);
  return { access_token: access, refresh_token: refresh, expires_in: expiresIn };
}

/** `grant_type=refresh_token`: a new pair for a live refresh token, which is then revoked. */
export function refresh(
  world: TokenWorld,
  refreshToken: string,
): { error: string } | { owner: string; access_token: string; refresh_token: string; expires_in: number } {
  const owner = world.refreshTokens.get(refreshToken);
  if (!owner) return { error: "invalid_refresh_token" };
  world.refreshTokens.delete(refreshToken);
  return { owner, ...rotatingPair(world, owner) };
}

/** Makes an issued access token expired now (a test's way to let 12 hours pass). */
export function expire(world: TokenWorld, token: string): void {
  const issued = world.issued.get(token);
  if (!issued) throw new Error(`the fake never issued ${token}`);
  issued.expiresAt = Date.now() - 1;
}
