/**
 * Telegram's flood control as token buckets: about 1 message/s per chat (short bursts allowed), 20/min per
 * group, ~30/s overall (Bot FAQ). A refused send costs no token and gets 429 with retry_after in seconds.
 */
export interface Cap {
  /** Messages allowed back to back. */
  burst: number;
  /** Steady rate, messages per second. */
  perSecond: number;
}

export interface RateCaps {
  perChat: Cap;
  perGroup: Cap;
  global: Cap;
}

export const DEFAULT_CAPS: RateCaps = {
  perChat: { burst: 3, perSecond: 1 },
  perGroup: { burst: 20, perSecond: 20 / 60 },
  global: { burst: 30, perSecond: 30 },
};

class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly cap: Cap,
    now: number,
  ) {
    this.tokens = cap.burst;
    this.last = now;
  }
  /** Milliseconds until a token is free; 0 when one is free now. */
  waitMs(now: number): number {
    this.tokens = Math.min(this.cap.burst, this.tokens + ((now - this.last) / 1000) * this.cap.perSecond);
    this.last = now;
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.cap.perSecond) * 1000;
  }
  take(): void {
    this.tokens -= 1;
  }
}

export class RateLimiter {
  private readonly chats = new Map<number, Bucket>();
  private readonly groups = new Map<number, Bucket>();
  private readonly global: Bucket;

  constructor(
    private readonly caps: RateCaps | false,
    private readonly now: () => number,
  ) {
    this.global = new Bucket(caps ? caps.global : DEFAULT_CAPS.global, now());
  }

  /** Takes a token from every bucket the message counts against, or returns seconds to wait (≥ 1). */
  admit(chatId: number, isGroup: boolean): number | undefined {
    if (!this.caps) return undefined;
    const caps = this.caps;
    const now = this.now();
    const bucket = (map: Map<number, Bucket>, cap: Cap) => {
      const b = map.get(chatId) ?? new Bucket(cap, now);
      map.set(chatId, b);
      return b;
    };
    const buckets = [this.global, bucket(this.chats, caps.perChat)];
    if (isGroup) buckets.push(bucket(this.groups, caps.perGroup));
    const waitMs = Math.max(...buckets.map((b) => b.waitMs(now)));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const b of buckets) b.take();
    return undefined;
  }
}
