/**
 * The sign-ins with Discord or Slack under way: each started one has a random `state`, sent to the
 * platform and kept in a short-lived cookie, and the PKCE verifier the code must be redeemed with. A
 * state is used once (taken on the way back, whatever comes of it), lives ten minutes, and is kept in
 * this process only: the panel is served by the one bot process that owns the data folder, and a
 * restart mid-sign-in costs the person one more click.
 */
import { createHash, randomBytes } from "node:crypto";
import type { StaffOAuthPlatform } from "../core/staff-oauth.ts";

export const OAUTH_STATE_COOKIE = "ftbh_oauth";
export const OAUTH_STATE_MINUTES = 10;
/** Bounds memory against someone starting sign-ins in a loop (the rate limit bounds each address). */
const MAX_PENDING = 10_000;

export interface PendingSignIn {
  platform: StaffOAuthPlatform;
  codeVerifier: string;
  expiresAt: number;
}

/** RFC 7636: S256, the challenge is the verifier's SHA-256 in base64url. 32 random bytes: 43 characters. */
export const codeChallengeOf = (verifier: string): string =>
  createHash("sha256").update(verifier).digest("base64url");

export class PendingSignIns {
  private readonly pending = new Map<string, PendingSignIn>();
  constructor(private readonly now: () => number) {}

  start(platform: StaffOAuthPlatform): { state: string; codeChallenge: string } {
    const state = randomBytes(32).toString("base64url");
    const codeVerifier = randomBytes(32).toString("base64url");
    if (this.pending.size >= MAX_PENDING) this.sweep();
    // Still full of live ones: the oldest goes (a Map iterates in insertion order).
    while (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    this.pending.set(state, { platform, codeVerifier, expiresAt: this.now() + OAUTH_STATE_MINUTES * 60_000 });
    return { state, codeChallenge: codeChallengeOf(codeVerifier) };
  }

  /**
   * The sign-in `state` belongs to, once: only when the browser's cookie holds the same state (the
   * person who started it is the one coming back), it is unexpired and for this platform.
   */
  take(platform: StaffOAuthPlatform, state: string | undefined, cookie: string | undefined) {
    if (!state || state !== cookie) return undefined;
    const found = this.pending.get(state);
    this.pending.delete(state);
    if (!found || found.platform !== platform || found.expiresAt <= this.now()) return undefined;
    return found;
  }

  private sweep(): void {
    const now = this.now();
    for (const [state, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(state);
  }
}
