/**
 * A platform adapter with real state for delivery tests: it keeps every message per channel, answers with
 * results scripted per channel (429s, permanent errors, a move, an uncertain timeout), and, where told to,
 * drops a resend with an idempotency key it has seen (as Discord's enforced nonce does).
 */
import type { ChannelRef } from "../../src/core/channel.ts";
import type { OutboundPost, PlatformAdapter, PrivateNotice, SendResult } from "../../src/core/platform.ts";

export interface RecordedMessage {
  channel: ChannelRef;
  post: OutboundPost;
  messageId: string;
  at: number;
}

export interface RecordingPlatformOptions {
  platform?: PlatformAdapter["platform"];
  afterUncertainSend?: PlatformAdapter["afterUncertainSend"];
  resendWithinMs?: number;
  /** Runs inside each send, before it is answered (to change the world mid-pass). */
  onSend?: (channel: ChannelRef, post: OutboundPost) => Promise<void> | void;
}

/** A scripted answer: a result as is, or "post-then-uncertain" (the message lands, the answer is lost). */
export type ScriptedAnswer = SendResult | { kind: "post-then-uncertain" };

export function createRecordingPlatform(options: RecordingPlatformOptions = {}) {
  const messages: RecordedMessage[] = [];
  const notices: Array<{ channel: ChannelRef; text: string }> = [];
  /** Private notices to one moderator, with the channel they are about. */
  const privateNotices: PrivateNotice[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const byKey = new Map<string, RecordedMessage>();
  const attempts = new Map<string, number>();
  let nextId = 1;

  function post(channel: ChannelRef, outbound: OutboundPost): RecordedMessage {
    const dedupe = options.afterUncertainSend === "resend";
    const seen = dedupe ? byKey.get(`${channel}|${outbound.idempotencyKey}`) : undefined;
    if (seen) return seen;
    const message = { channel, post: outbound, messageId: String(nextId++), at: Date.now() };
    messages.push(message);
    byKey.set(`${channel}|${outbound.idempotencyKey}`, message);
    return message;
  }

  const adapter: PlatformAdapter = {
    platform: options.platform ?? "telegram",
    afterUncertainSend: options.afterUncertainSend ?? "record-uncertain",
    ...(options.resendWithinMs === undefined ? {} : { resendWithinMs: options.resendWithinMs }),
    async start() {},
    async stop() {},
    async send(channel, outbound) {
      attempts.set(channel, (attempts.get(channel) ?? 0) + 1);
      await options.onSend?.(channel, outbound);
      const answer = scripts.get(channel)?.shift();
      if (answer?.kind === "post-then-uncertain") {
        post(channel, outbound);
        return { kind: "uncertain", reason: "timed out waiting for the answer" };
      }
      if (answer) return answer;
      return { kind: "sent", messageId: post(channel, outbound).messageId };
    },
    async notifyModerators(channel, text) {
      notices.push({ channel, text });
    },
    async notifyModerator(notice) {
      privateNotices.push(notice);
      return { delivered: true };
    },
  };

  return {
    adapter,
    messages,
    notices,
    privateNotices,
    /** Answers the next sends to `channel` with these, in order; then sends succeed again. */
    script(channel: ChannelRef, ...answers: ScriptedAnswer[]) {
      scripts.set(channel, [...(scripts.get(channel) ?? []), ...answers]);
    },
    attemptsTo: (channel: ChannelRef) => attempts.get(channel) ?? 0,
    messagesTo: (channel: ChannelRef) => messages.filter((m) => m.channel === channel),
    reset() {
      messages.length = 0;
      notices.length = 0;
      privateNotices.length = 0;
      scripts.clear();
      byKey.clear();
      attempts.clear();
    },
  };
}

export type RecordingPlatform = ReturnType<typeof createRecordingPlatform>;
