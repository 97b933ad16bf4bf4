/**
 * chat.postMessage pacing as Slack describes it: about one message per second per channel with short
 * bursts allowed, plus an optional workspace-wide cap. Token buckets, so a steady 1/s never trips them.
 */

export interface RateCaps {
  /** Messages per second per channel (Slack: 1). */
  perChannelPerSecond?: number;
  /** How many messages a quiet channel takes at once before the per-second rate applies. */
  burst?: number;
  /** Messages per minute per workspace; Slack does not publish its number, so off unless set. */
  perWorkspacePerMinute?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

class TokenBucket {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
  ) {}

  /** Takes one token, or says how many ms until one is free. */
  take(key: string, now: number): { ok: true } | { ok: false; waitMs: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: (1 - bucket.tokens) / this.perMs };
  }
}

export class PostRateLimiter {
  private readonly channels: TokenBucket;
  private readonly workspaces?: TokenBucket;

  constructor(caps: RateCaps = {}) {
    const perSecond = caps.perChannelPerSecond ?? 1;
    this.channels = new TokenBucket(caps.burst ?? 3, perSecond / 1000);
    if (caps.perWorkspacePerMinute) {
      this.workspaces = new TokenBucket(caps.perWorkspacePerMinute, caps.perWorkspacePerMinute / 60_000);
    }
  }

  /** Undefined when the post may go; otherwise the whole seconds Slack would put in Retry-After. */
  check(teamId: string, channelId: string, now: number): number | undefined {
    const workspace = this.workspaces?.take(teamId, now);
    if (workspace && !workspace.ok) return Math.max(1, Math.ceil(workspace.waitMs / 1000));
    const channel = this.channels.take(`${teamId}:${channelId}`, now);
    return channel.ok ? undefined : Math.max(1, Math.ceil(channel.waitMs / 1000));
  }
}
