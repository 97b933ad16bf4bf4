/**
 * The panel's guards: the session cookie, the CSRF token every change carries, a per-address rate limit,
 * and the headers every answer gets (a Content-Security-Policy that allows no inline script, no framing,
 * no referrer: a sign-in link in the address bar never leaks to another site).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "ftbh_session";

/**
 * The session cookie's attributes, its lifetime given as Max-Age (seconds left on the server's clock), not
 * as an Expires date: a browser whose clock differs from the server's would otherwise keep the session
 * too long or drop it at once (a clock twelve hours apart signs everyone out on arrival).
 */
export function sessionCookie(expiresAt: Date, now: Date, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "Lax" as const,
    secure,
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}
/** The page someone asked for before signing in, to return to after (30 minutes; a path on this panel only). */
export const NEXT_COOKIE = "ftbh_next";

/**
 * A page of this panel to go back to, or undefined: never another site ("//x", "/\\x"), never the sign-in
 * pages, an asset or a file (a browser's own request for /favicon.ico must not become the way back).
 */
export function returnPath(value: string | undefined): string | undefined {
  if (!value || value.length > 2000 || !/^\/(?![/\\])[^\s\\]*$/.test(value)) return undefined;
  const path = value.split("?")[0] ?? "";
  if (/^\/(sign-in|sign-out|assets)\b/.test(path) || /\.[a-z0-9]+$/i.test(path)) return undefined;
  return value;
}
export const CSRF_FIELD = "_csrf";

/**
 * The CSRF token of a session: derived from the session's secret, so it needs no storage and another
 * site, which cannot read the HttpOnly cookie, cannot compute it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update("freetobehome panel csrf").digest("base64url");
}

export function csrfValid(sessionToken: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
};

/** At most `limit` requests per address in each window of `windowMs`; counts are forgotten after. */
export class RateLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; false when the address is over its limit for this window. */
  take(address: string): boolean {
    const now = this.now();
    const entry = this.counts.get(address);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.counts.size > 10_000) this.sweep(now);
      this.counts.set(address, { windowStart: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  private sweep(now: number): void {
    for (const [address, entry] of this.counts) {
      if (now - entry.windowStart >= this.windowMs) this.counts.delete(address);
    }
  }
}
