/**
 * The platform port, both ways. Inbound: an adapter turns each incoming command into a CommandInvocation
 * and hands it to `Dispatch`, which always answers with a Reply (errors already turned into replies).
 * Outbound: the delivery core posts through `send`, which never throws for a platform's answer and instead
 * says whether the post went out, may be retried, or never will.
 */
import type { ChannelRef } from "./channel.ts";
import type { CommandInvocation } from "./command.ts";
import type { Card, Reply, ShareKit } from "./reply.ts";
import type { Platform } from "./channel.ts";

export type Dispatch = (invocation: CommandInvocation) => Promise<Reply>;

/** A scheduled post: the daily family or a spotlight. */
export interface OutboundPost {
  kind: "daily" | "spotlight";
  /** One line above the card, e.g. "Today's featured family". */
  intro: string;
  card: Card;
  share: ShareKit;
  /**
   * Stable for one (subscription, local date): platforms that dedupe (Discord's nonce) use it so that a
   * resend after an uncertain failure never makes a second message. At most 25 characters.
   */
  idempotencyKey: string;
}

export type SendResult =
  | { kind: "sent"; messageId: string }
  /** Try again later: 429, 5xx, a timeout. `retryAfterMs` when the platform said how long to wait. */
  | { kind: "transient"; reason: string; retryAfterMs?: number }
  /**
   * The request may or may not have reached the platform (a timeout, a 5xx, a connection dropped after
   * the request was written). Where the platform dedupes on `idempotencyKey` (`afterUncertainSend:
   * "resend"`) it is resent within seconds, inside the dedupe window; elsewhere it is recorded as
   * uncertain rather than risk a second post.
   */
  | { kind: "uncertain"; reason: string }
  /** Never going to work as things are: channel gone, bot removed, no permission. */
  | { kind: "permanent"; reason: string }
  /**
   * The platform refused this message itself (e.g. a body it cannot accept): a bug on our side, not the
   * channel's. The day's post is recorded as failed; the subscription stays active.
   */
  | { kind: "rejected"; reason: string }
  /** The chat has a new id (a Telegram group became a supergroup): move the subscription and send there. */
  | { kind: "moved"; to: ChannelRef };

export interface PlatformAdapter {
  readonly platform: Platform;
  /**
   * What a send that may or may not have reached the platform (the process died mid-call) turns into:
   * "resend" only where the platform dedupes on `idempotencyKey`; otherwise "uncertain" is recorded
   * rather than risking a second post.
   */
  readonly afterUncertainSend: "resend" | "record-uncertain";
  /**
   * With "resend": how long after a send the platform still drops its duplicate (Discord's nonce holds
   * for "a few minutes"). A resend that would come later is not made; the row is recorded as uncertain.
   * Undefined: no limit.
   */
  readonly resendWithinMs?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  /**
   * Tells the people who manage a channel something they must act on (a paused subscription, a cancelled
   * spotlight). Optional: where the platform gives no way to reach them, the notice is only logged and
   * shown in `subscriptions list`.
   */
  notifyModerators?(channel: ChannelRef, text: string): Promise<void>;
}
