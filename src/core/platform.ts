/**
 * The platform port, both ways. Inbound: an adapter turns each incoming command into a CommandInvocation
 * and hands it to `Dispatch`, which always answers with a Reply (errors already turned into replies).
 * Outbound: the delivery core posts through `send`, which never throws for a platform's answer and instead
 * says whether the post went out, may be retried, or never will.
 */
import type { ChannelRef } from "./channel.ts";
import type { CommandInvocation } from "./command.ts";
import type { Card, Reply, ReplyButton, ShareKit } from "./reply.ts";
import type { Platform } from "./channel.ts";
import type { RetractMode, RetractResult } from "./retraction.ts";
import type { Announcement, EditResult } from "./status-update.ts";
import type { PostOptions } from "./post-options.ts";

export type Dispatch = (invocation: CommandInvocation) => Promise<Reply>;

/** A scheduled post: the daily family or a spotlight. */
export interface OutboundPost {
  kind: "daily" | "spotlight";
  /** One line above the card, e.g. "Today's featured family". */
  intro: string;
  /**
   * The language the post is written in (the channel's, core/i18n/choose.ts): the renderer writes its own
   * words (labels, buttons) in it. Absent: English.
   */
  language?: string;
  card: Card;
  share: ShareKit;
  /** "What you can do" and "Read more", below the share links (presentation/actions.ts). */
  buttons?: ReplyButton[];
  /**
   * Stable for one (subscription, local date): platforms that dedupe (Discord's nonce) use it so that a
   * resend after an uncertain failure never makes a second message. At most 25 characters.
   */
  idempotencyKey: string;
  /**
   * How this channel's subscription asks its posts to go out (role mention, silent, crosspost, previews,
   * thread: core/post-options.ts); each adapter honours those its platform supports. Absent: the defaults.
   */
  options?: PostOptions;
}

/**
 * Where a post landed, in the platform's own ids, as the platform answered: enough to find, edit or delete
 * that message later (e.g. to retract a profile). Only adapters build and read these ids.
 */
export interface MessageRef {
  /** The platform's id of the conversation: Discord channel id, Slack channel id, Telegram chat id. */
  channelId: string;
  /** The platform's id of the message in it: Discord message id, Slack `ts`, Telegram message_id. */
  messageId: string;
}

export type SendResult =
  /**
   * `messageRef`: given where the platform names the message it made (not by the console, whose lines
   * cannot be found again).
   */
  | { kind: "sent"; messageId: string; messageRef?: MessageRef }
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

/** A notice for one moderator, in private, about a channel the bot may no longer be able to post in. */
export interface PrivateNotice {
  /** The moderator's user id on this platform, as the commands saw it (see `userIdOnPlatform`). */
  userId: string;
  /**
   * The channel the notice is about: the adapter names it above `text` in the platform's own terms (a
   * channel link where there is one), and uses it to find the workspace. Nothing is ever posted in it.
   */
  channel: ChannelRef;
  text: string;
  /** The language `text` is written in (the channel's): the adapter's own words above it use it too. */
  language?: string;
}

/** How a private notice ended: the platform's answer, never thrown. */
export type NoticeResult = { delivered: true } | { delivered: false; reason: string };

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
   * Tells the people who manage a channel something they must act on (a cancelled spotlight), in that
   * channel, in `language` (the channel's; the adapter's own words around `text` use it too). Never used
   * for a channel whose post just failed for good: see `notifyModerator`. Optional:
   * where the platform gives no way to reach them, the notice is only logged. `options`: the channel's
   * subscription's post options, so the notice goes where its posts go (a Telegram forum topic).
   */
  notifyModerators?(
    channel: ChannelRef,
    text: string,
    language?: string,
    options?: PostOptions,
  ): Promise<void>;
  /**
   * Tells one moderator in private (a direct message) that a channel's subscription is paused after a
   * permanent failure (src/delivery/moderator-notice.ts decides whom). One attempt, never retried, and
   * never a post in `notice.channel`, even where the private chat and the channel are the same (a
   * subscription in a DM): the adapter answers "not delivered" instead. Optional: a platform with no
   * private channel leaves it out, and then nobody is messaged; the pause, its reason and who was not
   * told are logged, reported by the delivery pass and shown (the pause) in `subscriptions list`.
   */
  notifyModerator?(notice: PrivateNotice): Promise<NoticeResult>;
  /**
   * Takes back one of the bot's own posts in `channel` (the ledger's reference, which says the workspace) (its profile was taken down): "delete" removes it, "edit" turns
   * it into `text`, the channel's language's `withdrawnText` (`WITHDRAWN_TEXT`, English, when absent;
   * src/core/retraction.ts). Never posts anything new; never throws. Optional: a platform whose posts
   * cannot be found again (the console) leaves it out.
   */
  retract?(channel: ChannelRef, ref: MessageRef, mode: RetractMode, text?: string): Promise<RetractResult>;
  /**
   * Replaces one of the bot's own posts in `channel` with `post`, rendered as a new one would be, within the
   * platform's limits (a status update: src/core/status-update.ts). Never posts anything new; never
   * throws. Optional, like `retract`: a platform whose posts cannot be found again leaves it out.
   */
  edit?(channel: ChannelRef, ref: MessageRef, post: OutboundPost): Promise<EditResult>;
  /**
   * A short post in `channel`: the text, then the link without a preview (a release announcement). The
   * same result as `send`, never thrown. Optional: without it, no announcement is made on the platform.
   */
  announce?(channel: ChannelRef, announcement: Announcement): Promise<SendResult>;
  /** How long after posting the platform still lets the bot delete a message (Telegram: 48 h); undefined: always. */
  readonly deleteWithinMs?: number;
}
