/**
 * Scheduled posts to Slack channels and notices to their moderators. What a failure means for the delivery
 * ledger (try again, maybe sent, refused, or never as things are) is read in send-errors.ts.
 */
import type { webApi } from "@slack/bolt";
import type { ChannelRef } from "../../src/core/channel.ts";
import type {
  MessageRef,
  NoticeResult,
  OutboundPost,
  PrivateNotice,
  SendResult,
} from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { beforeRequest } from "../../src/core/request-pace.ts";
import {
  type RetractMode,
  type RetractResult,
  retractFailureOf,
  WITHDRAWN_TEXT,
} from "../../src/core/retraction.ts";
import type { Announcement, EditResult } from "../../src/core/status-update.ts";
import { decodeChannelRef, isSlackId } from "./ids.ts";
import {
  type SlackMessage,
  renderAnnouncement,
  renderNotice,
  renderPost,
  renderPrivateNotice,
} from "./render.ts";
import { renderedOnce } from "../../src/core/rendered-once.ts";
import { classifySlackError, slackErrorCode } from "./send-errors.ts";
import type { TokenResolver } from "./web-client.ts";

/** Recorded with each post, so a later check of the channel's history could tell whether it went out. */
export const POST_EVENT_TYPE = "freetobehome_post";

/** The bot's message is not there any more: nothing left to take back. */
const MESSAGE_GONE = new Set(["message_not_found"]);
/** Slack will not let the bot delete it (a workspace that limits deletion): edit it instead. */
const NOT_DELETABLE = new Set(["cant_delete_message"]);
/** The post to reply under is gone (deleted by someone): the reply goes to the channel instead. */
const THREAD_GONE = new Set(["thread_not_found", "message_not_found", "invalid_thread_ts"]);

/** A day's post is the same for every channel that gets it: rendered once (core/rendered-once.ts). */
const renderPostOnce = renderedOnce((post: OutboundPost) => renderPost(post));

/** A reply in a post's thread, also shown in the channel (`reply_broadcast`) so nobody misses it. */
interface InThread {
  ts: string;
}

/** One chat.postMessage: the result for the core, and Slack's own error code when it refused the call. */
interface Posted {
  result: SendResult;
  slackError?: string;
}

export function createSender(deps: { client: webApi.WebClient; tokens: TokenResolver; logger: Logger }) {
  async function post(
    channel: ChannelRef,
    message: SlackMessage,
    metadataKey?: string,
    thread?: InThread,
  ): Promise<Posted> {
    const target = decodeChannelRef(channel);
    if (!target)
      return { result: { kind: "permanent", reason: `not a Slack channel reference: ${channel}` } };
    try {
      // Inside the try: the token comes from storage, whose outage is a reason to try later, not to throw.
      const token = await deps.tokens(target.teamId);
      if (!token) {
        const reason = `the app is not installed in workspace ${target.teamId}`;
        return { result: { kind: "permanent", reason } };
      }
      const args = {
        token,
        channel: target.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadataKey
          ? { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key: metadataKey } } }
          : {}),
      };
      const result = await deps.client.chat.postMessage(
        thread ? { ...args, thread_ts: thread.ts, reply_broadcast: true } : args,
      );
      const ts = result.ts ?? "";
      const messageRef = { channelId: result.channel ?? target.channelId, messageId: ts };
      return { result: { kind: "sent", messageId: ts, ...(ts ? { messageRef } : {}) } };
    } catch (err) {
      const outcome = classifySlackError(err);
      const level = outcome.kind === "transient" ? "info" : "warn";
      deps.logger[level]({ channel, reason: outcome.reason, err }, "slack: chat.postMessage failed");
      return { result: outcome, slackError: slackErrorCode(err) };
    }
  }

  /**
   * The bot's own message `ref` addressed for chat.update or chat.delete with its workspace's token, or why
   * it cannot be (edit and retract answer alike). What deps.tokens throws is the caller's to classify.
   */
  async function ownMessage(
    channel: ChannelRef,
    ref: MessageRef,
  ): Promise<{ token: string; channel: string; ts: string } | { kind: "permanent"; reason: string }> {
    const target = decodeChannelRef(channel);
    if (!target) return { kind: "permanent", reason: `not a Slack channel reference: ${channel}` };
    const token = await deps.tokens(target.teamId);
    if (!token)
      return { kind: "permanent", reason: `the app is not installed in workspace ${target.teamId}` };
    return { token, channel: ref.channelId, ts: ref.messageId };
  }

  return {
    async send(channel: ChannelRef, item: OutboundPost): Promise<SendResult> {
      const first = await post(channel, renderPostOnce(item), item.idempotencyKey);
      // Slack fetches a message's images as it is posted and refuses the whole message when one cannot be
      // downloaded. Nothing went out, so the card goes again without its photo: a dead image link must not
      // cost the community its day's post.
      if (first.slackError === "invalid_blocks" && item.card.photo) {
        await beforeRequest();
        return (await post(channel, renderPost(item, { photo: false }), item.idempotencyKey)).result;
      }
      return first.result;
    },
    /**
     * A release announcement: one chat.postMessage, keyed like a post in its metadata. With the channel's
     * post of the person (`inReplyTo`), in that post's thread and broadcast to the channel; if that post is
     * gone, in the channel alone (nothing went out the first time).
     */
    async announce(channel: ChannelRef, item: Announcement): Promise<SendResult> {
      const message = renderAnnouncement(item.text, item.url);
      const target = decodeChannelRef(channel);
      const parent = item.inReplyTo;
      const thread =
        parent && target && parent.channelId === target.channelId ? { ts: parent.messageId } : undefined;
      const first = await post(channel, message, item.idempotencyKey, thread);
      if (thread && first.slackError && THREAD_GONE.has(first.slackError)) {
        await beforeRequest();
        return (await post(channel, message, item.idempotencyKey)).result;
      }
      return first.result;
    },
    /**
     * `chat.update` of the bot's own message (`ts`) to the post rendered as `send` renders it (a status
     * update), with the workspace's token. Never posts anything.
     */
    async edit(channel: ChannelRef, ref: MessageRef, item: OutboundPost): Promise<EditResult> {
      try {
        const own = await ownMessage(channel, ref);
        if ("kind" in own) return own;
        const message = renderPost(item);
        await deps.client.chat.update({ ...own, text: message.text, blocks: message.blocks });
        return { kind: "edited" };
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && MESSAGE_GONE.has(code)) return { kind: "gone", reason: code };
        const result = retractFailureOf(classifySlackError(err)) as EditResult;
        deps.logger.warn({ channel, ref, result }, "slack: chat.update (status update) failed");
        return result;
      }
    },
    /** A notice in the channel itself; the channel may be the very thing that is broken, so it never throws. */
    async notify(channel: ChannelRef, text: string): Promise<void> {
      const { result } = await post(channel, renderNotice(text));
      if (result.kind !== "sent") deps.logger.warn({ channel, result }, "slack: could not notify moderators");
    },
    /**
     * A direct message from the bot to one member of the channel's workspace: `conversations.open` with
     * `users=<member>` (needs `im:write`), then `chat.postMessage` to the DM it returns. One try each.
     */
    async notifyPrivately({ userId, channel, text, language }: PrivateNotice): Promise<NoticeResult> {
      const target = decodeChannelRef(channel);
      if (!target) return { delivered: false, reason: `not a Slack channel reference: ${channel}` };
      if (!isSlackId(userId)) return { delivered: false, reason: `not a Slack user id: ${userId}` };
      try {
        const token = await deps.tokens(target.teamId);
        if (!token)
          return { delivered: false, reason: `the app is not installed in workspace ${target.teamId}` };
        const opened = await deps.client.conversations.open({ token, users: userId });
        const dm = opened.channel?.id;
        if (!dm) return { delivered: false, reason: "conversations.open returned no conversation" };
        // A subscription made in this very DM: the conversation that failed is the one we would post in.
        if (dm === target.channelId)
          return { delivered: false, reason: "the direct message is the failed channel" };
        const message = renderPrivateNotice(target.channelId, text, language);
        await beforeRequest();
        await deps.client.chat.postMessage({ token, channel: dm, ...message, unfurl_links: false });
        return { delivered: true };
      } catch (err) {
        // Slack's own code where it answered (`user_disabled`, `missing_scope`, …): it is what to act on.
        const reason = slackErrorCode(err) ?? classifySlackError(err).reason;
        deps.logger.warn({ channel, userId, reason, err }, "slack: could not message a moderator privately");
        return { delivered: false, reason };
      }
    },
    /**
     * `chat.delete`, or `chat.update` to `text` (the withdrawn text in the channel's language, WITHDRAWN_TEXT
     * by default) with no blocks, on the bot's own message (`ts`),
     * with the workspace's token. Never posts anything.
     */
    async retract(
      channel: ChannelRef,
      ref: MessageRef,
      mode: RetractMode,
      text: string = WITHDRAWN_TEXT,
    ): Promise<RetractResult> {
      try {
        const message = await ownMessage(channel, ref);
        if ("kind" in message) return message;
        if (mode === "delete") {
          await deps.client.chat.delete(message);
          return { kind: "deleted" };
        }
        await deps.client.chat.update({ ...message, text, blocks: [] });
        return { kind: "edited" };
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && MESSAGE_GONE.has(code)) return { kind: "gone", reason: code };
        if (code && NOT_DELETABLE.has(code) && mode === "delete")
          return { kind: "not-deletable", reason: code };
        const result = retractFailureOf(classifySlackError(err));
        deps.logger.warn(
          { channel, ref, mode, result },
          `slack: chat.${mode === "delete" ? "delete" : "update"} failed`,
        );
        return result;
      }
    },
  };
}
