/**
 * Rate limits with Discord's real headers, and fault injection. A route may have a bucket (per major
 * parameter); every authenticated route also counts toward the global limit, except interaction
 * endpoints, which the docs exempt. Windows are fixed, starting at a bucket's first request.
 */
export interface RateLimitConfig {
  /** Discord's documented global limit is 50 requests per second per bot. */
  globalPerSecond: number;
  /** Observed (undocumented): 5 messages per 5 s per channel. */
  channelMessages: { limit: number; windowMs: number };
  /** Observed (undocumented): 10 published messages per hour per announcement channel. */
  crossposts?: { limit: number; windowMs: number };
}

export const DEFAULT_LIMITS: RateLimitConfig = {
  globalPerSecond: 50,
  channelMessages: { limit: 5, windowMs: 5_000 },
  crossposts: { limit: 10, windowMs: 3_600_000 },
};

const CROSSPOSTS = { limit: 10, windowMs: 3_600_000 };

export interface Limited {
  status: 429;
  headers: Record<string, string>;
  body: { message: string; retry_after: number; global: boolean; code?: number };
}

export type Fault =
  | { kind: "429"; retryAfterS: number; scope?: "user" | "global" | "shared" }
  | { kind: "5xx"; status?: number }
  | { kind: "error"; status: number; code: number; message: string }
  | { kind: "slow"; delayMs: number }
  | { kind: "reset" };

export interface FaultRule {
  /** A route key such as "POST /channels/:id/messages". */
  route: string;
  /** Only requests whose major parameter (channel, interaction, webhook id) is this. */
  major?: string;
  times: number;
  fault: Fault;
}

interface BucketState {
  remaining: number;
  resetAt: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export class RateLimiter {
  readonly counts = { global429: 0, bucket429: 0, injected429: 0 };
  private readonly buckets = new Map<string, BucketState>();
  private globalCount = 0;
  private globalResetAt = 0;

  constructor(readonly config: RateLimitConfig) {}

  /** Headers to add to the response, or the 429 to send instead. */
  check(
    route: string,
    major: string,
    countsGlobal: boolean,
    now = Date.now(),
  ): Limited | { headers: Record<string, string> } {
    if (countsGlobal) {
      if (now >= this.globalResetAt) {
        this.globalCount = 0;
        this.globalResetAt = now + 1_000;
      }
      if (this.globalCount >= this.config.globalPerSecond) {
        this.counts.global429 += 1;
        return limited(this.globalResetAt - now, "global", {});
      }
      this.globalCount += 1;
    }
    const bucket = this.bucketFor(route);
    if (!bucket) return { headers: {} };
    const key = `${bucket.hash}:${major}`;
    let state = this.buckets.get(key);
    if (!state || now >= state.resetAt) {
      state = { remaining: bucket.limit, resetAt: now + bucket.windowMs };
      this.buckets.set(key, state);
    }
    const headers = (remaining: number) => ({
      "x-ratelimit-limit": String(bucket.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": seconds(state.resetAt),
      "x-ratelimit-reset-after": seconds(state.resetAt - now),
      "x-ratelimit-bucket": bucket.hash,
    });
    if (state.remaining <= 0) {
      this.counts.bucket429 += 1;
      return limited(state.resetAt - now, "user", headers(0));
    }
    state.remaining -= 1;
    return { headers: headers(state.remaining) };
  }

  /** An injected 429, shaped like a real one. */
  injected(fault: Extract<Fault, { kind: "429" }>): Limited {
    this.counts.injected429 += 1;
    const ms = fault.retryAfterS * 1000;
    const scope = fault.scope ?? "user";
    const bucketHeaders: Record<string, string> =
      scope === "global"
        ? {}
        : {
            "x-ratelimit-limit": "5",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": seconds(Date.now() + ms),
            "x-ratelimit-reset-after": seconds(ms),
            "x-ratelimit-bucket": "injected",
          };
    return limited(ms, scope, bucketHeaders);
  }

  private bucketFor(route: string): { hash: string; limit: number; windowMs: number } | undefined {
    if (route === "POST /channels/:id/messages/:id/crosspost")
      return { hash: "a1c7f0e3b4d25c6e8f9a0b1c2d3e4f50", ...(this.config.crossposts ?? CROSSPOSTS) };
    if (route !== "POST /channels/:id/messages") return undefined;
    return { hash: "80c17d2f203122d936070c88c8d10f33", ...this.config.channelMessages };
  }
}

function limited(ms: number, scope: "user" | "global" | "shared", headers: Record<string, string>): Limited {
  const retryAfter = Math.max(ms, 1) / 1000;
  return {
    status: 429,
    headers: {
      ...headers,
      // Discord's own example: `Retry-After: 65` with `retry_after: 64.57`: whole seconds, rounded up.
      "retry-after": String(Math.ceil(retryAfter)),
      "x-ratelimit-scope": scope,
      ...(scope === "global" ? { "x-ratelimit-global": "true" } : {}),
    },
    body: {
      message: "You are being rate limited.",
      retry_after: Number(retryAfter.toFixed(3)),
      global: scope === "global",
    },
  };
}

/** Takes the first rule matching the request, counting it down. */
export function takeFault(rules: FaultRule[], route: string, major: string): Fault | undefined {
  const index = rules.findIndex((r) => r.route === route && (r.major === undefined || r.major === major));
  const rule = rules[index];
  if (!rule) return undefined;
  rule.times -= 1;
  if (rule.times <= 0) rules.splice(index, 1);
  return rule.fault;
}
