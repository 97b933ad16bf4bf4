/**
 * A subscription's post options (src/core/post-options.ts) → the Bot API's send parameters, pure. Telegram
 * honours three: the forum topic the subscription was made in (`message_thread_id`), silent posts
 * (`disable_notification`) and link previews, which stay off unless a moderator turned them on.
 */
import type { PostOptions } from "../../src/core/post-options.ts";

/** Where and how a message goes: on sendMessage only (an edit keeps its place and its notification). */
export interface Placement {
  message_thread_id?: number;
  disable_notification?: true;
}

/** A topic id is the id of the message that opened it: a positive integer (Bot API Message.message_thread_id). */
const THREAD_ID = /^[1-9]\d{0,15}$/;

export function placementOf(options: PostOptions | undefined): Placement {
  const thread = options?.thread;
  return {
    ...(thread !== undefined && THREAD_ID.test(thread) ? { message_thread_id: Number(thread) } : {}),
    ...(options?.silent ? { disable_notification: true as const } : {}),
  };
}

/** Off unless asked: a preview would show whichever link the post happens to carry first (a source's). */
export function linkPreviewOf(options: PostOptions | undefined): { is_disabled: boolean } {
  return { is_disabled: !options?.linkPreviews };
}
